/// Confidence intervals for sequence ratios (cascades.md §4.2).
///
/// Works on p = IF / (IF + MF), maps each bound to the odds scale p / (1 − p) and, for the
/// adjusted ratio, divides by SRnull as a fixed constant.
enum PSSAIntervalEstimator {
    /// The two-sided 95% interval of p = indexFirst / (indexFirst + markerFirst).
    ///
    /// Clopper–Pearson: lower = Beta(α/2; x, n − x + 1) (0 when x = 0), upper =
    /// Beta(1 − α/2; x + 1, n − x) (1 when x = n). Jeffreys: the α/2 and 1 − α/2 quantiles of
    /// Beta(x + ½, n − x + ½).
    ///
    /// - Returns: `nil` when there are no cases.
    static func proportionInterval(
        indexFirst: Int, markerFirst: Int, method: PSSAIntervalMethod, alpha: Double = 0.05
    ) -> (lower: Double, upper: Double)? {
        guard indexFirst >= 0, markerFirst >= 0, indexFirst + markerFirst > 0 else { return nil }
        let x = Double(indexFirst)
        let y = Double(markerFirst)
        switch method {
        case .clopperPearson:
            let lower =
                indexFirst == 0
                ? 0 : PSSABetaDistribution.quantile(probability: alpha / 2, a: x, b: y + 1)
            let upper =
                markerFirst == 0
                ? 1 : PSSABetaDistribution.quantile(probability: 1 - alpha / 2, a: x + 1, b: y)
            return (lower, upper)
        case .jeffreys:
            let lower = PSSABetaDistribution.quantile(probability: alpha / 2, a: x + 0.5, b: y + 0.5)
            let upper = PSSABetaDistribution.quantile(
                probability: 1 - alpha / 2, a: x + 0.5, b: y + 0.5)
            return (lower, upper)
        }
    }

    /// Maps a proportion p to the odds scale p / (1 − p); 1 maps to infinity.
    static func odds(_ p: Double) -> Double {
        if p >= 1 { return .infinity }
        if p <= 0 { return 0 }
        return p / (1 - p)
    }

    /// The 95% interval of the crude sequence ratio.
    ///
    /// - Returns: `nil` when there are no cases.
    static func crudeInterval(
        indexFirst: Int, markerFirst: Int, method: PSSAIntervalMethod
    ) -> PSSAConfidenceInterval? {
        guard
            let (lower, upper) = proportionInterval(
                indexFirst: indexFirst, markerFirst: markerFirst, method: method)
        else { return nil }
        return PSSAConfidenceInterval(lower: odds(lower), upper: odds(upper))
    }

    /// Divides a crude-ratio interval by SRnull.
    ///
    /// - Returns: `nil` when the interval is `nil` or SRnull is not a finite positive number.
    static func adjusted(_ crude: PSSAConfidenceInterval?, nullRatio: Double?)
        -> PSSAConfidenceInterval?
    {
        guard let crude, let nullRatio, nullRatio.isFinite, nullRatio > 0 else { return nil }
        return PSSAConfidenceInterval(lower: crude.lower / nullRatio, upper: crude.upper / nullRatio)
    }

    /// A ratio that is `nil` for 0/0 and infinite for a positive number over 0.
    static func ratio(_ numerator: Double, _ denominator: Double) -> Double? {
        if denominator > 0 { return numerator / denominator }
        return numerator > 0 ? .infinity : nil
    }
}
