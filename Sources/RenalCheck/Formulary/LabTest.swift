/// A laboratory test the checker understands, with its LOINC codes and exact unit conversions.
public struct LabTest: Sendable, Hashable {
    /// Id, e.g. `magnesium`.
    public let id: String
    /// Display name.
    public let name: String
    /// LOINC codes that map to this test.
    public let loinc: [String]
    /// The canonical unit thresholds are compared in.
    public let unit: String
    /// For each accepted unit: the factor that converts a value in it to the canonical unit.
    public let toCanonical: [String: Double]

    /// Converts `value` in `unit` to the canonical unit, or nil for a unit this test does not accept.
    public func canonical(_ value: Double, unit: String) -> Double? {
        toCanonical[unit].map { value * $0 }
    }
}
