/// The patient's kidney function and dialysis.
public struct KidneyStatus: Sendable, Hashable {
    /// The modality; nil when the request does not say (rules that need it report it missing).
    public var dialysis: DialysisModality?
    /// On dialysis, modality not stated (a record coded "dialysis" or "dependence on renal
    /// dialysis"): used only while `dialysis` is nil. Rules that hold for every dialysis modality
    /// apply; rules for one modality report the modality missing.
    public var dialysisUnspecified: Bool = false
    /// Haemodialysis sessions a week (defaults to 3 for haemodialysis).
    public var sessionsPerWeek: Double?
    /// eGFR, mL/min/1.73 m².
    public var egfr: Double?
    /// Creatinine clearance, mL/min.
    public var crcl: Double?

    /// Creates a kidney status.
    public init(dialysis: DialysisModality? = nil, sessionsPerWeek: Double? = nil, egfr: Double? = nil, crcl: Double? = nil,
                dialysisUnspecified: Bool = false) {
        self.dialysis = dialysis
        self.dialysisUnspecified = dialysisUnspecified
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
