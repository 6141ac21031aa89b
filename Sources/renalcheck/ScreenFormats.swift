import ArgumentParser

/// `renalcheck screen --input`.
enum ScreenInputFormat: String, ExpressibleByArgument, CaseIterable {
    /// The RenalCheck screening request (see the README).
    case json
    /// A FHIR R4 Bundle (Patient, MedicationRequest, Observation, Condition, Procedure).
    case fhir
    /// A CDS Hooks 2.0 order-select or order-sign request.
    case cdsHooks = "cds-hooks"
}

/// `renalcheck screen --format`.
enum ScreenOutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// For people at a terminal.
    case text
    /// The RenalCheck report (see the README).
    case json
    /// A FHIR R4 Bundle of DetectedIssue resources.
    case fhir
    /// A CDS Hooks 2.0 response with one card per finding.
    case cdsHooks = "cds-hooks"
}
