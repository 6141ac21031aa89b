/// The limits of a `dose-limit` rule; a limit is exceeded when the order is strictly above it
/// (or at it, when `inclusive`).
public struct DoseLimits: Sendable, Hashable {
    /// Most in one dose.
    public var single: Quantity?
    /// Most on any one day.
    public var daily: Quantity?
    /// Most in a week.
    public var weekly: Quantity?
    /// Most in any 48 hours (magnesium sulfate in severe renal insufficiency: 20 g per 48 h).
    public var per48h: Quantity?
    /// Most mg/kg in one dose.
    public var singlePerKg: Double?
    /// Most mg/kg on any one day.
    public var dailyPerKg: Double?
    /// Most doses on any one day.
    public var dosesPerDay: Double?
    /// Most doses in a week.
    public var dosesPerWeek: Double?
    /// True when reaching a limit is already a breach (Miller 2005: harm from 400 IU a day of
    /// vitamin E, not only above it).
    public var inclusive: Bool = false
    /// Below this kidney function (mL/min, the lower of CrCl and eGFR given), the amount limits
    /// (`single`, `daily`, `weekly`, `per48h`) shrink in proportion: at half of it, half the limit
    /// (gabapentin below CrCl 15).
    public var scaleBelowKidneyFunction: Double?

    /// True when no limit at all is given (`inclusive` and the scale alone limit nothing).
    var isEmpty: Bool {
        single == nil && daily == nil && weekly == nil && per48h == nil && singlePerKg == nil
            && dailyPerKg == nil && dosesPerDay == nil && dosesPerWeek == nil
    }
}
