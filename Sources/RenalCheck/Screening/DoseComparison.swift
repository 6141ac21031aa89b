/// What an order asked for against the limit a rule set: the numbers behind a dose or duration finding.
///
/// Batch consumers read it from the compact report (`ordered`, `limit`, `unit`) instead of parsing
/// the finding's note.
public struct DoseComparison: Sendable, Hashable {
    /// Which limit was crossed.
    public enum Measure: String, Sendable, Hashable, CaseIterable {
        /// One dose.
        case single
        /// The total a day.
        case daily
        /// The total a week.
        case weekly
        /// The total in 48 hours.
        case per48h
        /// One dose per kilogram of body weight.
        case singlePerKg
        /// The total a day per kilogram of body weight.
        case dailyPerKg
        /// Doses a day.
        case dosesPerDay
        /// Doses a week.
        case dosesPerWeek
        /// The course's length in days.
        case durationDays
    }

    /// Which limit was crossed.
    public let measure: Measure
    /// What the order comes to, in `unit`.
    public let ordered: Double
    /// The rule's limit, in `unit`.
    public let limit: Double
    /// The unit both numbers are in (`mg`, `mg/kg`, `doses`, `days` …).
    public let unit: String

    /// Creates a comparison; both numbers are rounded to 6 decimal places, so that arithmetic
    /// noise (400 mg × 3 = 1.2000000000000002 g) does not reach a report.
    ///
    /// - Parameters:
    ///   - measure: which limit was crossed.
    ///   - ordered: what the order comes to.
    ///   - limit: the rule's limit.
    ///   - unit: the unit of both numbers.
    public init(measure: Measure, ordered: Double, limit: Double, unit: String) {
        self.measure = measure
        self.ordered = Self.rounded(ordered)
        self.limit = Self.rounded(limit)
        self.unit = unit
    }

    private static func rounded(_ x: Double) -> Double {
        guard x.isFinite, abs(x) < 1e12 else { return x }
        return (x * 1e6).rounded() / 1e6
    }
}
