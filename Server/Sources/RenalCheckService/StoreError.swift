/// Why the card and feedback store failed.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database could not be opened.
    case open(path: String, message: String)
    /// A statement failed.
    case statement(message: String)
    /// The store was closed.
    case closed

    /// One line, without patient data (the store holds none).
    public var description: String {
        switch self {
        case .open(let path, let message): "cannot open database \(path): \(message)"
        case .statement(let message): "database error: \(message)"
        case .closed: "the database is closed"
        }
    }
}
