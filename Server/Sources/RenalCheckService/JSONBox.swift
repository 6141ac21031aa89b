/// A JSON value from `JSONSerialization`, handed from one task to another.
///
/// `@unchecked Sendable`: the value is built by one task and only read after the hand-over.
struct JSONBox: @unchecked Sendable {
    /// The object.
    let value: [String: Any]

    /// Wraps `value`.
    init(_ value: [String: Any]) { self.value = value }
}
