/// A one-sided comparison with a threshold: above, at least, below or at most.
public enum Threshold: Sendable, Hashable {
    /// Strictly greater than.
    case above(Double)
    /// Greater than or equal to.
    case atLeast(Double)
    /// Strictly less than.
    case below(Double)
    /// Less than or equal to.
    case atMost(Double)

    /// True when `value` satisfies the comparison.
    public func holds(for value: Double) -> Bool {
        switch self {
        case .above(let t): value > t
        case .atLeast(let t): value >= t
        case .below(let t): value < t
        case .atMost(let t): value <= t
        }
    }

    /// The threshold value.
    public var value: Double {
        switch self { case .above(let t), .atLeast(let t), .below(let t), .atMost(let t): t }
    }

    /// `above 2500`, `below 0.7`.
    public func described(unit: String) -> String {
        let v = Quantity.format(value)
        switch self {
        case .above: return "above \(v) \(unit)"
        case .atLeast: return "at or above \(v) \(unit)"
        case .below: return "below \(v) \(unit)"
        case .atMost: return "at or below \(v) \(unit)"
        }
    }
}
