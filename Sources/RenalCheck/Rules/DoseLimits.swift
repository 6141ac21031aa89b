/// The limits of a `dose-limit` rule; a limit is exceeded when the order is strictly above it.
public struct DoseLimits: Sendable, Hashable {
    /// Most in one dose.
    public var single: Quantity?
    /// Most on any one day.
    public var daily: Quantity?
    /// Most in a week.
    public var weekly: Quantity?
    /// Most mg/kg in one dose.
    public var singlePerKg: Double?
    /// Most mg/kg on any one day.
    public var dailyPerKg: Double?
    /// Most doses on any one day.
    public var dosesPerDay: Double?
    /// Most doses in a week.
    public var dosesPerWeek: Double?
}
