/// A half-open range `[atLeast, below)`; either bound may be absent.
public struct NumericRange: Sendable, Hashable {
    /// Inclusive lower bound.
    public var atLeast: Double?
    /// Exclusive upper bound.
    public var below: Double?

    /// True when `value` lies in the range.
    public func contains(_ value: Double) -> Bool {
        if let atLeast, value < atLeast { return false }
        if let below, value >= below { return false }
        return true
    }

    /// `30 to <60`, `<30`, `≥65`.
    public var described: String {
        switch (atLeast, below) {
        case let (l?, b?): "\(Quantity.format(l)) to <\(Quantity.format(b))"
        case let (l?, nil): "≥\(Quantity.format(l))"
        case let (nil, b?): "<\(Quantity.format(b))"
        case (nil, nil): "any"
        }
    }
}
