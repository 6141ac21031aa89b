/// One rule of the formulary: when it applies, how serious it is, what to do, and its sources.
///
/// Immutable and shared by reference between the formulary and every finding it produces.
public final class Rule: Sendable {
    /// Unique id, e.g. `baclofen.kidney.avoid`.
    public let id: String
    /// The kind of rule.
    public let kind: RuleKind
    /// How serious a finding from this rule is.
    public let severity: Severity
    /// The finding category.
    public let category: FindingCategory
    /// One line.
    public let summary: String
    /// Why: mechanism or evidence.
    public let detail: String
    /// What to do.
    public let recommendation: String
    /// The sources the rule cites.
    public let sources: [Source]
    /// The drug whose file holds the rule, if any.
    public let drugID: String?
    /// The formulary file that defines the rule.
    public let file: String
    /// When the rule applies (nil: always).
    public let when: Predicate?
    /// Kind-specific content.
    let body: Body

    /// Kind-specific content of a rule.
    enum Body: Sendable {
        case predicate
        case doseLimit(DoseLimits)
        case duration(maxDays: Double)
        case interaction(DrugSet, DrugSet)
        case depletion(nutrient: Int32)
        case duplicateClass(Int)
        case duplicateSameDrug
        case cumulative(ingredient: Int, threshold: Threshold)
        case cascade(CascadePattern)
    }

    init(id: String, kind: RuleKind, severity: Severity, category: FindingCategory, summary: String,
         detail: String, recommendation: String, sources: [Source], drugID: String?, file: String,
         when: Predicate?, body: Body) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.category = category
        self.summary = summary
        self.detail = detail
        self.recommendation = recommendation
        self.sources = sources
        self.drugID = drugID
        self.file = file
        self.when = when
        self.body = body
    }

    /// The cascade pattern, for `cascade` rules.
    public var cascade: CascadePattern? {
        if case .cascade(let c) = body { return c }
        return nil
    }

    /// The dose limits, for `dose-limit` rules.
    public var doseLimits: DoseLimits? {
        if case .doseLimit(let l) = body { return l }
        return nil
    }

    /// The two sides, for `interaction` rules.
    public var interactionSides: (DrugSet, DrugSet)? {
        if case .interaction(let a, let b) = body { return (a, b) }
        return nil
    }
}
