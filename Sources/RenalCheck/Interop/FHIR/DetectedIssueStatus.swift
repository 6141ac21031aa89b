/// The `DetectedIssue.status` written by ``ScreeningReport/fhirBundle(status:indent:)``.
public enum DetectedIssueStatus: String, Sendable, CaseIterable {
    /// The checker's result is complete (the default).
    case final
    /// The result may change, for example while orders are still being selected.
    case preliminary
}
