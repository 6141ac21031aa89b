/// Why a cascade review stopped: the timeline asks for more work or output than the documented
/// bounds allow. A clear error, never a partial report passed off as complete.
public enum CascadeReviewError: Error, Sendable, Equatable, CustomStringConvertible {
    /// More history entries than ``MedicationTimeline/maxEntries``.
    case tooManyEntries(limit: Int)
    /// More suspected cascades than ``CascadeReview/maxSuspicions``.
    case tooManySuspicions(limit: Int)
    /// Enumerating chains needed more than ``CascadeReview/maxChainSteps`` steps, or found more
    /// than ``CascadeReview/maxChains`` chains.
    case tooManyChains(limit: Int)

    /// One sentence for a person, naming the limit (never the timeline's content).
    public var description: String {
        switch self {
        case .tooManyEntries(let limit):
            "the timeline has more than \(limit) entries; review it in parts (a shorter period)"
        case .tooManySuspicions(let limit):
            "the timeline gives more than \(limit) suspected cascades; review it in parts (a shorter period)"
        case .tooManyChains(let limit):
            "the suspected cascades form more than \(limit) chains; review the timeline in parts (a shorter period)"
        }
    }
}
