/// The patient's kidney replacement therapy.
public enum DialysisModality: String, Sendable, CaseIterable, Codable, BitSetMember {
    /// Not on dialysis.
    case none
    /// Intermittent haemodialysis.
    case hemodialysis
    /// Peritoneal dialysis.
    case peritoneal
    /// Continuous renal replacement therapy.
    case crrt

}
