/// Rules the checker itself applies when it cannot screen something (not formulary content).
enum EngineRules {
    /// Every rule the checker applies itself, for exports that join finding rule ids to texts.
    static var all: [Rule] {
        [unknownDrug, notUnderstood, missingData, missingDataMinor, notReviewed, unknownMedication, labNotUnderstood, valueOutOfRange]
    }

    private static func make(_ id: String, _ severity: Severity, _ summary: String, _ detail: String, _ recommendation: String,
                             category: FindingCategory = .unscreened) -> Rule {
        Rule(id: id, kind: .avoid, severity: severity, category: category, summary: summary, detail: detail,
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

    /// A gap on an order that is still screened: a lab, a condition or hepatic status stated as
    /// unknown, an age or indication. Reported at `minor` when a blocked rule is `major` or above,
    /// else at `info`: a missing datum alone never raises a finding above `minor`.
    static let missingDataMinor = make(
        "renalcheck.unscreened.missing-data-minor", .info,
        "Data some rules need is missing: those rules were not checked",
        "RenalCheck does not assume missing labs or unknown conditions; the rest of the order was screened.",
        "Add the missing data to the request if it is available, or check these rules by hand.",
        category: .missingData)

    /// A drug whose kidney profile the formulary has not reviewed (no sourced renal statement).
    static let notReviewed = make(
        "renalcheck.unscreened.renal-not-reviewed", .moderate,
        "Kidney and dialysis dosing of this drug has not been reviewed: the order was not screened for it",
        "The formulary lists this drug (for interactions or cascades) but has no reviewed, sourced statement of its dosing in kidney failure or dialysis, so its absence of findings means nothing.",
        "Check dosing in kidney failure and dialysis against the label or a renal drug reference before signing.")

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

    static let valueOutOfRange = make(
        "renalcheck.unscreened.value-out-of-range", .moderate,
        "A patient value is not a usable number: rules using it were not checked",
        "A value that is not finite or lies outside its documented range (RequestLimits) is treated as not given.",
        "Give the value as a finite number within its range.")
}
