/// What kind of hazard a finding reports.
public enum FindingCategory: String, Sendable, CaseIterable, Codable {
    /// A dose above a renal or modality limit.
    case renalDose = "renal-dose"
    /// A dose above a label or guideline maximum that does not depend on kidney function.
    case dose
    /// A drug to avoid at this level of kidney function.
    case avoidInKidneyFailure = "avoid-in-kidney-failure"
    /// Timing relative to dialysis sessions.
    case dialysisTiming = "dialysis-timing"
    /// Time of day or schedule (for example a bedtime dose).
    case doseTiming = "dose-timing"
    /// A route or setting hazard.
    case route
    /// A course longer than advised.
    case duration
    /// Hepatic impairment.
    case hepatic
    /// A patient condition.
    case condition
    /// Age.
    case age
    /// The drug is not recommended for the stated indication.
    case indication
    /// A laboratory result, or a missing one.
    case lab
    /// Drug–drug, drug–herb or drug–nutrient interaction.
    case interaction
    /// Duplicate therapy or a cumulative-ingredient total.
    case duplicate
    /// A prescribing cascade.
    case cascade
    /// The order could not be screened (fully): something was not understood or was missing.
    case unscreened
    /// Data some rules need is missing (a lab, a condition stated as unknown …): those rules were
    /// not checked, but the order is still screened.
    case missingData = "missing-data"
}
