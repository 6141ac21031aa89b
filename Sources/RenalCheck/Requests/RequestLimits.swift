/// Documented bounds on a screening request; input beyond them is rejected with a clear error.
public enum RequestLimits {
    /// Most bytes in one request.
    public static let maxBytes = 4 << 20
    /// Most proposed orders.
    public static let maxOrders = 200
    /// Most current medications.
    public static let maxMedications = 500
    /// Most lab results.
    public static let maxLabs = 2000
    /// Most conditions.
    public static let maxConditions = 200
    /// Longest caller key (`requestId`), in bytes.
    public static let maxRequestIDBytes = 128
    /// Longest string (in bytes) in any field.
    public static let maxStringBytes = 1024
    /// Longest course, in days, an order or medication may give (`durationDays`): 100 years.
    public static let maxDurationDays: Double = 36_500
    /// Most doses a day a frequency may give (`maxPerDay`, `{"times": n, "per": "day"}`): one
    /// every 30 minutes. A weekly frequency may give seven times this.
    public static let maxDosesPerDay: Double = 48

    /// Age in years a request may give.
    public static let ageYears: ClosedRange<Double> = 0...130
    /// Weight in kg a request may give (above 0).
    public static let weightKg: ClosedRange<Double> = 0...500
    /// Haemodialysis sessions a week a request may give.
    public static let sessionsPerWeek: ClosedRange<Double> = 1...7
    /// eGFR (mL/min/1.73 m²) or creatinine clearance (mL/min) a request may give.
    public static let kidneyFunction: ClosedRange<Double> = 0...250
    /// Largest magnitude of a lab value, in any unit.
    public static let maxLabMagnitude: Double = 1_000_000

    /// Why a patient value is unusable, or nil when it is finite and within its documented range.
    ///
    /// Every reader (JSON, FHIR, CDS Hooks, the quick form, the C API) and the checker itself use
    /// this one rule, so a NaN, an infinity or an out-of-range number never reaches a comparison
    /// (where NaN makes every comparison false and a rule silently never fires).
    ///
    /// - Parameters:
    ///   - value: the value.
    ///   - range: its documented range.
    ///   - exclusiveLow: true when the lower bound itself is not allowed (weight).
    /// - Returns: a sentence naming the allowed range, never the value.
    public static func problem(_ value: Double, in range: ClosedRange<Double>, exclusiveLow: Bool = false) -> String? {
        if value.isFinite, range.contains(value), !(exclusiveLow && value == range.lowerBound) { return nil }
        let (low, high) = (Quantity.format(range.lowerBound), Quantity.format(range.upperBound))
        return exclusiveLow ? "must be a number above \(low) and at most \(high)" : "must be a number from \(low) to \(high)"
    }

    /// Why a lab value is unusable (not finite, or larger than ``maxLabMagnitude``), or nil.
    public static func labProblem(_ value: Double) -> String? {
        value.isFinite && abs(value) <= maxLabMagnitude ? nil
            : "must be a finite number of at most \(Quantity.format(maxLabMagnitude)) in magnitude"
    }
}
