/// One hazard found by a screening, with the rule and sources behind it.
public struct Finding: Sendable {
    /// The rule that produced it (for the checker's own findings, a built-in rule).
    public let rule: Rule
    /// How serious it is (usually the rule's severity).
    public let severity: Severity
    /// Ids of every proposed order involved.
    public let orderIDs: [String]
    /// Drug ids involved (orders and current medications), or names as given when unknown.
    public let drugs: [String]
    /// The specifics of this case: the computed totals, the missing datum, the partner drug.
    public let note: String?

    /// The rule id.
    public var ruleID: String { rule.id }
    /// The category.
    public var category: FindingCategory { rule.category }
    /// One line.
    public var summary: String { rule.summary }
    /// The rule's detail followed by this case's specifics.
    public var detail: String { note.map { "\($0) \(rule.detail)" } ?? rule.detail }
    /// What to do.
    public var recommendation: String { rule.recommendation }
    /// The sources cited.
    public var sources: [Source] { rule.sources }
}
