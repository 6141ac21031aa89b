/// A range of a measured value (eGFR, CrCl, age): a lower bound that is inclusive (`atLeast`) or
/// exclusive (`above`), an upper bound that is exclusive (`below`) or inclusive (`atMost`); either
/// side may be open.
///
/// Both kinds of bound exist so that a label's band edges can be encoded as written: "CrCl >15 to
/// 30" is `above: 15, atMost: 30`, and where a label leaves a gap or an overlap at an edge the safer
/// (lower-dose) band can claim the edge value.
public struct NumericRange: Sendable, Hashable {
    /// Inclusive lower bound (`x ≥ atLeast`).
    public var atLeast: Double?
    /// Exclusive lower bound (`x > above`).
    public var above: Double?
    /// Exclusive upper bound (`x < below`).
    public var below: Double?
    /// Inclusive upper bound (`x ≤ atMost`).
    public var atMost: Double?

    /// A range from its bounds; give at most one lower (`atLeast` or `above`) and one upper
    /// (`below` or `atMost`) bound (the formulary validator enforces this).
    public init(atLeast: Double? = nil, above: Double? = nil, below: Double? = nil, atMost: Double? = nil) {
        self.atLeast = atLeast
        self.above = above
        self.below = below
        self.atMost = atMost
    }

    /// True when `value` lies in the range (never for NaN).
    public func contains(_ value: Double) -> Bool {
        if let atLeast, !(value >= atLeast) { return false }
        if let above, !(value > above) { return false }
        if let below, !(value < below) { return false }
        if let atMost, !(value <= atMost) { return false }
        return !value.isNaN
    }

    /// `30 to <60`, `>15 to ≤30`, `<30`, `≤15`, `≥65`.
    public var described: String {
        let lower = atLeast.map { "≥\(Quantity.format($0))" } ?? above.map { ">\(Quantity.format($0))" }
        let upper = below.map { "<\(Quantity.format($0))" } ?? atMost.map { "≤\(Quantity.format($0))" }
        switch (lower, upper) {
        case let (l?, u?): return "\(atLeast.map { Quantity.format($0) } ?? l) to \(u)"
        case let (l?, nil): return l
        case let (nil, u?): return u
        case (nil, nil): return "any"
        }
    }
}
