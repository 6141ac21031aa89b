/// How the 95% confidence interval of the sequence ratios is computed.
///
/// Both work on p = IF / (IF + MF), map each bound to the odds scale p / (1 − p) (the cSR scale)
/// and divide by SRnull, treating SRnull as fixed.
public enum PSSAIntervalMethod: Sendable, Hashable {
    /// Clopper–Pearson exact binomial interval (the default).
    case clopperPearson
    /// Jeffreys interval: the 2.5% and 97.5% quantiles of Beta(IF + ½, MF + ½).
    case jeffreys
}
