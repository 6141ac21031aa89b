/// One write to the ``CardStore``.
public enum StoreWrite: Sendable {
    /// Cards issued in one response.
    case cards([IssuedCard])
    /// Feedback entries from one feedback call.
    case feedback([FeedbackRecord])
}
