/// The v3 ActCode detected-issue code, severity and mitigation action for a finding.
///
/// The table is documented in `docs/integration.md` (FHIR output).
enum DetectedIssueCoding {
    /// Classes whose drugs are natural health products (herbal interactions use `NHP`).
    static let naturalProductClasses: Set<String> = ["kampo", "glycyrrhizin-containing"]

    /// The ActCode code and display for a finding, or nil when no ActCode fits (unscreened).
    static func issue(_ f: Finding, formulary: Formulary?) -> (code: String, display: String)? {
        switch f.category {
        case .renalDose, .dose:
            f.rule.kind == .cumulative ? ("MDOSE", "maximum dosage reached") : ("DOSEH", "High Dose Alert")
        case .avoidInKidneyFailure, .condition, .hepatic, .indication: ("COND", "Condition Alert")
        case .dialysisTiming: ("TIME", "timing detected issue")
        case .doseTiming: ("DOSEIVL", "Dose-Interval Alert")
        case .route: ("DOSE", "Dosage problem")
        case .duration: ("DOSEDUR", "Dose-Duration Alert")
        case .age: ("AGE", "Age Alert")
        case .lab: ("LAB", "Lab Alert")
        case .interaction:
            isNaturalProduct(f, formulary: formulary) ? ("NHP", "Natural Health Product Alert") : ("DRG", "Drug Interaction Alert")
        case .duplicate:
            f.rule.kind == .cumulative ? ("MDOSE", "maximum dosage reached") : ("DUPTHPY", "Duplicate Therapy Alert")
        case .cascade: ("DACT", "drug action detected issue")
        case .unscreened, .missingData: nil
        }
    }

    /// `high` for contraindicated and major, `moderate`, `low` for minor and info.
    static func severity(_ s: Severity) -> String {
        switch s {
        case .contraindicated, .major: "high"
        case .moderate: "moderate"
        case .minor, .info: "low"
        }
    }

    /// The recommended management as an ActCode `_ActDetectedIssueManagementCode` concept.
    static func mitigation(_ c: FindingCategory) -> (code: String, display: String) {
        switch c {
        case .lab: ("9", "Instituted Ongoing Monitoring Program")
        case .interaction, .duplicate, .cascade: ("13", "Stopped Concurrent Therapy")
        case .unscreened, .missingData: ("4", "Consulted Other Source")
        default: ("8", "Other Action Taken")
        }
    }

    private static func isNaturalProduct(_ f: Finding, formulary: Formulary?) -> Bool {
        guard let formulary else { return false }
        return f.drugs.contains { id in
            formulary.drug(named: id)?.classIDs.contains(where: naturalProductClasses.contains) ?? false
        }
    }
}
