/// Input and output formats of `renalcheck_screen_format` (`renalcheck_format_t`).
///
/// The values are part of the ABI: never renumber, only add.
enum CFormat: Int32 {
    /// The RenalCheck request / report JSON.
    case json = 0
    /// FHIR R4: a Bundle in; a Bundle of DetectedIssue out.
    case fhir = 1
    /// CDS Hooks 2.0: an order-select or order-sign request in; a cards response out.
    case cdsHooks = 2
}
