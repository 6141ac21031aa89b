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

    /// Creates a comparison.
    ///
    /// - Parameters:
    ///   - measure: which limit was crossed.
    ///   - ordered: what the order comes to.
    ///   - limit: the rule's limit.
    ///   - unit: the unit of both numbers.
    public init(measure: Measure, ordered: Double, limit: Double, unit: String) {
        self.measure = measure
        self.ordered = ordered
        self.limit = limit
        self.unit = unit
    }
}
