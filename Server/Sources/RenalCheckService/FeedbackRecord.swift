/// One CDS Hooks feedback entry, as stored. The user's free-text comment is never stored (it may
/// name the patient); only whether there was one.
public struct FeedbackRecord: Sendable, Hashable {
    /// The card's `uuid`.
    public let cardUUID: String
    /// `accepted` or `overridden`.
    public let outcome: String
    /// The override reason's coding, when the clinician picked one.
    public let reasonSystem: String?
    /// Its code.
    public let reasonCode: String?
    /// Its display.
    public let reasonDisplay: String?
    /// Whether the clinician wrote a comment.
    public let hasComment: Bool
    /// How many suggestions were accepted.
    public let acceptedSuggestions: Int
    /// `outcomeTimestamp` as sent.
    public let outcomeAt: String
    /// When the service received it (RFC 3339, UTC).
    public let receivedAt: String
}
