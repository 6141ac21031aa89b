/// When a dose is given relative to dialysis sessions.
public enum DialysisTiming: String, Sendable, CaseIterable, Codable, BitSetMember {
    /// Before a session.
    case beforeDialysis = "before-dialysis"
    /// During a session.
    case duringDialysis = "during-dialysis"
    /// After a session.
    case afterDialysis = "after-dialysis"
    /// Only on days without a session.
    case nonDialysisDays = "non-dialysis-days"
    /// Not tied to sessions (the default).
    case any

}
