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
    ///
    /// Formatted on access from parts the checker stored: screens whose findings are never
    /// rendered do no string work for them.
    public var note: String? { noteParts.text }
    /// The parts ``note`` is formatted from.
    let noteParts: FindingNote
    /// For a dose or duration finding, what was ordered against the limit crossed (the first, when several were).
    public let comparison: DoseComparison?

    /// A finding with a note already formatted (or none).
    init(rule: Rule, severity: Severity, orderIDs: [String], drugs: [String], note: String?, comparison: DoseComparison? = nil) {
        self.init(rule: rule, severity: severity, orderIDs: orderIDs, drugs: drugs, noteParts: note.map { .text($0) } ?? .none,
                  comparison: comparison)
    }

    /// A finding whose note is formatted from `noteParts` when read.
    init(rule: Rule, severity: Severity, orderIDs: [String], drugs: [String], noteParts: FindingNote,
         comparison: DoseComparison? = nil) {
        self.comparison = comparison
        self.rule = rule
        self.severity = severity
        self.orderIDs = orderIDs
        self.drugs = drugs
        self.noteParts = noteParts
    }

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
