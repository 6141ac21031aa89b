import Foundation

/// Per rule: cards shown, accepted, overridden and the override reasons — what a pharmacy and
/// therapeutics committee reads to tune the site policy (`renalcheck-server report`).
public struct FeedbackReport: Sendable {
    /// One rule's line.
    public struct RuleLine: Sendable {
        /// The rule id.
        public let ruleID: String
        /// Cards issued.
        public let shown: Int
        /// Cards with at least one `accepted` feedback.
        public let accepted: Int
        /// Cards with at least one `overridden` feedback.
        public let overridden: Int
        /// Override reasons (display, or code, or "(no reason given)") and how many times each.
        public let reasons: [(reason: String, count: Int)]
        /// Override feedback that carried a free-text comment (the text is not stored).
        public let comments: Int
    }

    /// One line per rule that issued a card, most shown first.
    public let rules: [RuleLine]
    /// Total cards.
    public let cards: Int
    /// Total feedback entries.
    public let feedback: Int
    /// Feedback entries for cards this database never issued.
    public let unknownCardFeedback: Int

    /// Reads the report from a store's database file.
    public static func read(path: String) throws(StoreError) -> FeedbackReport {
        guard FileManager.default.fileExists(atPath: path) else { throw .open(path: path, message: "no such file") }
        let c = try SQLiteConnection(path: path)
        try c.execute(CardStore.schema)
        let shown = try c.query("SELECT rule_id, COUNT(*) FROM cards GROUP BY rule_id")
        let outcomes = try c.query("""
            SELECT c.rule_id, f.outcome, COUNT(DISTINCT f.card_uuid) FROM feedback f
            JOIN cards c ON c.card_uuid = f.card_uuid GROUP BY c.rule_id, f.outcome
            """)
        let reasons = try c.query("""
            SELECT c.rule_id, COALESCE(f.reason_display, f.reason_code, '(no reason given)'), COUNT(*),
                   SUM(f.has_comment) FROM feedback f
            JOIN cards c ON c.card_uuid = f.card_uuid WHERE f.outcome = 'overridden'
            GROUP BY c.rule_id, 2 ORDER BY 3 DESC, 2
            """)
        let totals = try c.query("""
            SELECT (SELECT COUNT(*) FROM cards), (SELECT COUNT(*) FROM feedback),
                   (SELECT COUNT(*) FROM feedback f WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.card_uuid = f.card_uuid))
            """)
        func int(_ s: String?) -> Int { s.flatMap { Int($0) } ?? 0 }
        var accepted: [String: Int] = [:], overridden: [String: Int] = [:]
        for r in outcomes {
            guard let rule = r[0] else { continue }
            if r[1] == "accepted" { accepted[rule] = int(r[2]) } else { overridden[rule] = int(r[2]) }
        }
        var reasonLines: [String: [(String, Int)]] = [:], comments: [String: Int] = [:]
        for r in reasons {
            guard let rule = r[0] else { continue }
            reasonLines[rule, default: []].append((r[1] ?? "", int(r[2])))
            comments[rule, default: 0] += int(r[3])
        }
        let lines = shown.compactMap { r -> RuleLine? in
            guard let rule = r[0] else { return nil }
            return RuleLine(ruleID: rule, shown: int(r[1]), accepted: accepted[rule] ?? 0, overridden: overridden[rule] ?? 0,
                            reasons: (reasonLines[rule] ?? []).map { (reason: $0.0, count: $0.1) }, comments: comments[rule] ?? 0)
        }.sorted { $0.shown != $1.shown ? $0.shown > $1.shown : $0.ruleID < $1.ruleID }
        let t = totals.first ?? []
        return FeedbackReport(rules: lines, cards: int(t.first ?? nil), feedback: int(t.count > 1 ? t[1] : nil),
                              unknownCardFeedback: int(t.count > 2 ? t[2] : nil))
    }

    /// The report as text for people.
    public var text: String {
        var out = "RenalCheck card feedback: \(cards) cards, \(feedback) feedback entries"
        if unknownCardFeedback > 0 { out += " (\(unknownCardFeedback) for cards not issued by this database)" }
        out += "\n\n"
        let width = max(24, rules.map(\.ruleID.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        out += pad("rule", width) + lpad("shown", 8) + lpad("accepted", 10) + lpad("overridden", 12) + lpad("override %", 12) + "\n"
        for r in rules {
            let rate = r.shown == 0 ? "-" : String(format: "%.0f%%", 100 * Double(r.overridden) / Double(r.shown))
            out += pad(r.ruleID, width) + lpad("\(r.shown)", 8) + lpad("\(r.accepted)", 10) + lpad("\(r.overridden)", 12) + lpad(rate, 12) + "\n"
            for reason in r.reasons { out += "    overridden: \(reason.reason) ×\(reason.count)\n" }
            if r.comments > 0 { out += "    with a comment (not stored): \(r.comments)\n" }
        }
        if rules.isEmpty { out += "(no cards issued yet)\n" }
        return out
    }

    /// The report as JSON.
    public var json: String {
        let object: [String: Any] = [
            "cards": cards, "feedback": feedback, "unknownCardFeedback": unknownCardFeedback,
            "rules": rules.map { r -> [String: Any] in
                ["ruleId": r.ruleID, "shown": r.shown, "accepted": r.accepted, "overridden": r.overridden,
                 "comments": r.comments, "reasons": r.reasons.map { ["reason": $0.reason, "count": $0.count] as [String: Any] }]
            },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

extension FeedbackReport {
    /// The uuid of every card stored in the database at `path`.
    public static func cardUUIDs(path: String) throws(StoreError) -> Set<String> {
        let c = try SQLiteConnection(path: path)
        return Set(try c.query("SELECT card_uuid FROM cards").compactMap { $0.first ?? nil })
    }

    /// SQLite's `PRAGMA integrity_check` answer for the database at `path` (`ok` when sound).
    public static func integrity(path: String) throws(StoreError) -> String {
        let c = try SQLiteConnection(path: path)
        return (try c.query("PRAGMA integrity_check").first?.first ?? nil) ?? ""
    }
}
