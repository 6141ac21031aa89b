/// The patient's kidney function and dialysis.
public struct KidneyStatus: Sendable, Hashable {
    /// The modality; nil when the request does not say (rules that need it report it missing).
    public var dialysis: DialysisModality?
    /// Haemodialysis sessions a week (defaults to 3 for haemodialysis).
    public var sessionsPerWeek: Double?
    /// eGFR, mL/min/1.73 m².
    public var egfr: Double?
    /// Creatinine clearance, mL/min.
    public var crcl: Double?

    /// Creates a kidney status.
    public init(dialysis: DialysisModality? = nil, sessionsPerWeek: Double? = nil, egfr: Double? = nil, crcl: Double? = nil) {
        self.dialysis = dialysis
        self.sessionsPerWeek = sessionsPerWeek
        self.egfr = egfr
        self.crcl = crcl
    }

    /// Sessions a week used for per-session doses: as given, or 3 for haemodialysis.
    public var effectiveSessionsPerWeek: Double? {
        if let sessionsPerWeek { return sessionsPerWeek }
        return dialysis == .hemodialysis ? 3 : nil
    }
}
