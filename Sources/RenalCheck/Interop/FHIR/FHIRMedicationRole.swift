/// How a `MedicationRequest` found in FHIR input is used in the screening request.
enum FHIRMedicationRole {
    /// A plain Bundle: status `draft` is a proposed order; `active` or `on-hold` a current
    /// medication; any other status (completed, stopped, cancelled …) is not screened.
    case byStatus
    /// CDS Hooks `draftOrders`: every entry is a proposed order whatever its status (order-sign
    /// may carry re-signed orders that are no longer `draft`).
    case order
    /// CDS Hooks `prefetch`: `active` or `on-hold` entries are current medications; others are
    /// not screened.
    case current
}
