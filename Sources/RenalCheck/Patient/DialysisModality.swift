/// The patient's kidney replacement therapy.
public enum DialysisModality: String, Sendable, CaseIterable, Codable {
    /// Not on dialysis.
    case none
    /// Intermittent haemodialysis.
    case hemodialysis
    /// Peritoneal dialysis.
    case peritoneal
    /// Continuous renal replacement therapy.
    case crrt

    /// A bit for sets of modalities.
    var bit: UInt8 { 1 << UInt8(Self.allCases.firstIndex(of: self)!) }
}
