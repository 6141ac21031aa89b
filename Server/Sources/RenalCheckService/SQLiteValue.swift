/// A statement parameter.
enum SQLiteValue: Sendable {
    /// Text.
    case text(String)
    /// An integer.
    case integer(Int)
    /// NULL.
    case null

    /// Text, or NULL for nil.
    static func optional(_ s: String?) -> SQLiteValue { s.map { .text($0) } ?? .null }
}
