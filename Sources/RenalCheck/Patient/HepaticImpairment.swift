/// Hepatic impairment as Child–Pugh class: none, mild (A), moderate (B), severe (C).
public enum HepaticImpairment: String, Sendable, CaseIterable, Codable, BitSetMember {
    /// No hepatic impairment.
    case none
    /// Child–Pugh A.
    case mild
    /// Child–Pugh B.
    case moderate
    /// Child–Pugh C.
    case severe

}
