/// A dose as written: a value and a unit spelling, checked when screened.
public struct Dose: Sendable, Hashable, CustomStringConvertible {
    /// The amount.
    public var value: Double
    /// The unit as written (`mg`, `g`, `mL`, `mg/kg` …).
    public var unit: String

    /// Creates a dose.
    public init(value: Double, unit: String) {
        self.value = value
        self.unit = unit
    }

    /// The dose in a base unit, or nil when the unit is not known.
    public var quantity: Quantity? { Quantity(value: value, unitText: unit) }

    /// `10 mg`.
    public var description: String { "\(Quantity.format(value)) \(unit)" }
}
