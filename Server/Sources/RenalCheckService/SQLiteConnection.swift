import CSQLite

/// One SQLite connection: open, execute, prepared statements. Not thread-safe: one owner at a time.
final class SQLiteConnection {
    private var db: OpaquePointer?
    /// The file.
    let path: String

    /// Opens (creating if needed) `path`.
    init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "error \(rc)"
            sqlite3_close(db)
            db = nil
            throw .open(path: path, message: message)
        }
        sqlite3_busy_timeout(db, 5000)
    }

    deinit { sqlite3_close(db) }

    /// Runs statements that return no rows.
    func execute(_ sql: String) throws(StoreError) {
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw .statement(message: message)
        }
    }

    /// Runs one statement with text/integer/null parameters.
    func run(_ sql: String, _ values: [SQLiteValue]) throws(StoreError) {
        let s = try prepare(sql)
        defer { sqlite3_finalize(s) }
        try bind(s, values)
        let rc = sqlite3_step(s)
        guard rc == SQLITE_DONE || rc == SQLITE_ROW else { throw .statement(message: message()) }
    }

    /// Runs a query; each row as text columns (nil for NULL).
    func query(_ sql: String, _ values: [SQLiteValue] = []) throws(StoreError) -> [[String?]] {
        let s = try prepare(sql)
        defer { sqlite3_finalize(s) }
        try bind(s, values)
        var rows: [[String?]] = []
        while true {
            let rc = sqlite3_step(s)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw .statement(message: message()) }
            let n = sqlite3_column_count(s)
            rows.append((0..<n).map { i in sqlite3_column_text(s, i).map { String(cString: $0) } })
        }
        return rows
    }

    private func prepare(_ sql: String) throws(StoreError) -> OpaquePointer? {
        var s: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &s, nil) == SQLITE_OK else { throw .statement(message: message()) }
        return s
    }

    private func bind(_ s: OpaquePointer?, _ values: [SQLiteValue]) throws(StoreError) {
        // SQLITE_TRANSIENT: SQLite copies the text.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (i, v) in values.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32 = switch v {
            case .text(let t): sqlite3_bind_text(s, index, t, -1, transient)
            case .integer(let n): sqlite3_bind_int64(s, index, Int64(n))
            case .null: sqlite3_bind_null(s, index)
            }
            guard rc == SQLITE_OK else { throw .statement(message: message()) }
        }
    }

    private func message() -> String { String(cString: sqlite3_errmsg(db)) }
}
