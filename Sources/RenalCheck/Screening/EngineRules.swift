/// Rules the checker itself applies when it cannot screen something (not formulary content).
enum EngineRules {
    /// Every engine rule.
    static var all: [Rule] { [unknownDrug, notUnderstood, missingData, missingDataMinor, unknownMedication, labNotUnderstood] }

    private static func make(_ id: String, _ severity: Severity, _ summary: String, _ detail: String, _ recommendation: String) -> Rule {
        Rule(id: id, kind: .avoid, severity: severity, category: .unscreened, summary: summary, detail: detail,
             recommendation: recommendation, sources: [], drugID: nil, file: "(checker)", when: nil, body: .predicate)
    }

    static let unknownDrug = make(
        "renalcheck.unscreened.unknown-drug", .moderate,
        "Drug not in the formulary: this order was not screened",
        "No kidney, dialysis, dose or interaction rule was checked for this order.",
        "Check the drug against a full reference before signing, and ask for it to be added to the formulary.")

    static let notUnderstood = make(
        "renalcheck.unscreened.not-understood", .moderate,
        "Part of this order was not understood: it was not fully screened",
        "Rules that depend on the part not understood were not checked.",
        "Correct the order (see the note) and screen it again.")

    static let missingData = make(
        "renalcheck.unscreened.missing-data", .moderate,
        "Data a rule needs is missing: not every rule was checked",
        "RenalCheck does not assume missing patient or order data.",
        "Add the missing data to the request and screen again, or check these rules by hand.")

    static let missingDataMinor = make(
        "renalcheck.unscreened.missing-data-minor", .info,
        "Data a minor rule needs is missing",
        "RenalCheck does not assume missing patient or order data.",
        "Add the missing data to the request if it is available.")

    static let unknownMedication = make(
        "renalcheck.coverage.unknown-medication", .info,
        "Current medication not in the formulary: its interactions were not checked",
        "Interactions between the proposed orders and this medication were not screened.",
        "Check interactions with this medication in a full reference.")

    static let labNotUnderstood = make(
        "renalcheck.unscreened.lab-not-understood", .moderate,
        "A lab result was not understood: rules using it were not checked",
        "The lab test or its unit is not one the formulary defines.",
        "Give the result with a known test id or LOINC code and unit.")
}
