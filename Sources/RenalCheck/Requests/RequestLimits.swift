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
}
