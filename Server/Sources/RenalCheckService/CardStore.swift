import Foundation

/// The durable record of every card issued and every feedback received (SQLite).
///
/// Writes go through one writer thread that commits whatever is pending in one transaction
/// (group commit) and only then resumes the callers, so a response is sent after its cards are
/// on disk. The database is in WAL mode with `synchronous=FULL`: a committed row survives a
/// `kill -9` of the server and a power loss.
public final class CardStore: @unchecked Sendable {
    /// The database file.
    public let path: String
    private let condition = NSCondition()
    private var pending: [(StoreWrite, CheckedContinuation<Void, any Error>)] = []
    private var closed = false
    private var thread: Thread?
    private var connection: SQLiteConnection?
    private let finished = NSCondition()
    private var writerDone = false

    /// The schema, created when missing.
    static let schema = """
        CREATE TABLE IF NOT EXISTS cards(
            card_uuid TEXT PRIMARY KEY,
            rule_id TEXT NOT NULL,
            hook TEXT NOT NULL,
            severity TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            policy_sha256 TEXT NOT NULL,
            formulary_sha256 TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS cards_rule ON cards(rule_id);
        CREATE TABLE IF NOT EXISTS feedback(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            card_uuid TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
            reason_system TEXT,
            reason_code TEXT,
            reason_display TEXT,
            has_comment INTEGER NOT NULL,
            accepted_suggestions INTEGER NOT NULL,
            outcome_at TEXT NOT NULL,
            received_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS feedback_card ON feedback(card_uuid);
        """

    /// Opens (creating if needed) the store and starts its writer thread.
    public init(path: String) throws(StoreError) {
        self.path = path
        let c = try SQLiteConnection(path: path)
        try c.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;")
        try c.execute(Self.schema)
        connection = c
        let t = Thread { [unowned self] in self.writerLoop() }
        t.name = "renalcheck-store"
        thread = t
        t.start()
    }

    /// Stores `write`; returns once it is committed.
    public func write(_ write: StoreWrite) async throws {
        try await withCheckedThrowingContinuation { (k: CheckedContinuation<Void, any Error>) in
            condition.lock()
            if closed {
                condition.unlock()
                k.resume(throwing: StoreError.closed)
                return
            }
            pending.append((write, k))
            condition.signal()
            condition.unlock()
        }
    }

    /// Commits what is pending, stops the writer and closes the database.
    public func close() {
        condition.lock()
        if closed { condition.unlock(); return }
        closed = true
        condition.signal()
        condition.unlock()
        finished.lock()
        while !writerDone { finished.wait() }
        finished.unlock()
    }

    private func writerLoop() {
        while true {
            condition.lock()
            while pending.isEmpty && !closed { condition.wait() }
            let batch = pending
            pending = []
            let stop = closed && batch.isEmpty
            condition.unlock()
            if stop { break }
            let result: Result<Void, StoreError>
            do throws(StoreError) {
                try commit(batch.map(\.0))
                result = .success(())
            } catch {
                try? connection?.execute("ROLLBACK")
                result = .failure(error)
            }
            for (_, k) in batch { k.resume(with: result.mapError { $0 as any Error }) }
        }
        connection = nil
        finished.lock()
        writerDone = true
        finished.signal()
        finished.unlock()
    }

    private func commit(_ writes: [StoreWrite]) throws(StoreError) {
        guard let c = connection else { throw .closed }
        try c.execute("BEGIN IMMEDIATE")
        for w in writes {
            switch w {
            case .cards(let cards):
                for card in cards {
                    try c.run("INSERT OR IGNORE INTO cards VALUES (?, ?, ?, ?, ?, ?, ?)",
                              [.text(card.uuid), .text(card.ruleID), .text(card.hook), .text(card.severity),
                               .text(card.issuedAt), .text(card.policySHA256), .text(card.formularySHA256)])
                }
            case .feedback(let entries):
                for f in entries {
                    try c.run("""
                        INSERT INTO feedback(card_uuid, outcome, reason_system, reason_code, reason_display,
                            has_comment, accepted_suggestions, outcome_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [.text(f.cardUUID), .text(f.outcome), .optional(f.reasonSystem), .optional(f.reasonCode),
                         .optional(f.reasonDisplay), .integer(f.hasComment ? 1 : 0), .integer(f.acceptedSuggestions),
                         .text(f.outcomeAt), .text(f.receivedAt)])
                }
            }
        }
        try c.execute("COMMIT")
    }
}
