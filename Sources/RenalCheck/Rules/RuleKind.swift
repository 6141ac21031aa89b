/// The kinds of rule the formulary can express. See `formulary/README.md`.
public enum RuleKind: String, Sendable, CaseIterable, Codable {
    /// Avoid (or contraindicated) at a level of kidney function or a dialysis modality.
    case avoid
    /// Timing relative to dialysis, or a time-of-day schedule.
    case dialysisTiming = "dialysis-timing"
    /// A route or setting hazard.
    case route
    /// Hepatic impairment.
    case hepatic
    /// A patient condition.
    case condition
    /// Age.
    case age
    /// Not recommended for an indication.
    case indication
    /// A lab result above or below a threshold, or missing.
    case lab
    /// Maximum single, daily, weekly or weight-based dose, or dose frequency.
    case doseLimit = "dose-limit"
    /// Maximum course length.
    case duration
    /// Drug–drug, drug–class or class–class interaction (including herbs and nutrients).
    case interaction
    /// The drug depletes a nutrient.
    case depletion
    /// Duplicate therapy within a class, or the same drug twice.
    case duplicate
    /// A daily total of an ingredient summed across products.
    case cumulative
    /// A prescribing cascade: an index drug's adverse effect treated with a marker drug.
    case cascade

    /// The predicate key a rule of this kind must test, when the kind is defined by one.
    var requiredPredicateKeys: Set<String>? {
        switch self {
        case .avoid: ["dialysis", "egfr", "crcl", "kidneyFunction"]
        case .dialysisTiming: ["timings", "frequencies"]
        case .route: ["routes"]
        case .hepatic: ["hepatic"]
        case .condition: ["conditions"]
        case .age: ["ageYears"]
        case .indication: ["indications"]
        case .lab: ["lab", "labMissing"]
        default: nil
        }
    }
}
