/// What a dialysis code establishes: one modality, or dialysis with the modality not stated.
public enum DialysisEvidence: String, Sendable, CaseIterable, Codable {
    /// Intermittent haemodialysis.
    case hemodialysis
    /// Peritoneal dialysis.
    case peritoneal
    /// Continuous renal replacement therapy.
    case crrt
    /// On dialysis; the code does not say which modality.
    case unspecified

    /// The modality, or nil when the code does not state one.
    public var modality: DialysisModality? {
        switch self {
        case .hemodialysis: .hemodialysis
        case .peritoneal: .peritoneal
        case .crrt: .crrt
        case .unspecified: nil
        }
    }
}
