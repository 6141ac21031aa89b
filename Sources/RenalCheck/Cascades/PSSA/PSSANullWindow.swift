/// The restriction window `d` used for the null-effect sequence ratio.
public enum PSSANullWindow: Sendable, Hashable {
    /// `d` equals the case window (the default).
    case sameAsWindow
    /// `d` is this many days (CohortSymmetry's default is 548).
    case days(Int)
    /// Hallas' unrestricted form: every incident marker user in the study period counts.
    case unrestricted
}
