/// An amount in a base unit, for example 300 mg or 20 mg/kg.
public struct Quantity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount, in `unit`.
    public var value: Double
    /// The base unit.
    public var unit: BaseUnit

    /// Creates a quantity already in a base unit.
    public init(_ value: Double, _ unit: BaseUnit) {
        self.value = value
        self.unit = unit
    }

    /// Creates a quantity from any known spelling (`g`, `mcg` …), converting to the base unit.
    ///
    /// - Returns: nil when the unit is not known.
    public init?(value: Double, unitText: String) {
        guard let (unit, factor) = BaseUnit.parse(unitText) else { return nil }
        self.init(value * factor, unit)
    }

    /// `300 mg`, `0.5 mg`, `20 mg/kg`.
    public var description: String { "\(Quantity.format(value)) \(unit.rawValue)" }

    /// Formats a number without a needless fraction and with at most 4 significant decimals.
    public static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        var text = String(v)
        if let dot = text.firstIndex(of: "."), !text.contains("e") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals > 4 {
                let scaled = (v * 10_000).rounded() / 10_000
                text = String(scaled)
            }
        }
        return text
    }
}
