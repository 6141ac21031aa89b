/// A drug name in the dispensing data that the classifier did not know, with its row count.
public struct PSSAUnknownDrug: Sendable, Hashable {
    /// The name exactly as written in the file (trimmed of surrounding spaces).
    public var name: String
    /// The number of well-formed rows naming it.
    public var rows: Int

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - name: The drug name.
    ///   - rows: The number of rows naming it.
    public init(name: String, rows: Int) {
        self.name = name
        self.rows = rows
    }
}
