/// One laboratory result.
public struct LabResult: Sendable, Hashable {
    /// A lab id the formulary defines (`magnesium`) or a LOINC code (`19123-9`).
    public var test: String
    /// The value, in `unit`.
    public var value: Double
    /// The unit as reported (`mg/dL`, `mmol/L` …).
    public var unit: String
    /// When the sample was taken; results without a time count as current.
    public var at: Instant?

    /// Creates a result.
    public init(test: String, value: Double, unit: String, at: Instant? = nil) {
        self.test = test
        self.value = value
        self.unit = unit
        self.at = at
    }
}
