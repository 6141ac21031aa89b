/// A two-sided 95% confidence interval on the sequence-ratio (odds) scale.
///
/// `lower` may be 0 (no index-first cases) and `upper` may be `Double.infinity` (no
/// marker-first cases); neither is ever NaN.
public struct PSSAConfidenceInterval: Sendable, Hashable {
    /// The lower bound (≥ 0).
    public var lower: Double
    /// The upper bound (may be `Double.infinity`).
    public var upper: Double

    /// Creates an interval.
    ///
    /// - Parameters:
    ///   - lower: The lower bound.
    ///   - upper: The upper bound.
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}
