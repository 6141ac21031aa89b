/// What to screen: a patient, their current medications and the proposed orders.
public struct ScreeningRequest: Sendable, Hashable {
    /// The caller's key for this request (`requestId`, at most ``RequestLimits/maxRequestIDBytes``
    /// bytes), echoed in its report and batch error record. It must not carry patient identifiers.
    public var requestID: String?
    /// The moment the screening is for; durations, lab ages and cascade gaps are measured from it.
    /// Nil means now.
    public var asOf: Instant?
    /// The patient.
    public var patient: Patient
    /// Current medications.
    public var medications: [MedicationEntry]
    /// Proposed orders.
    public var orders: [MedicationEntry]
    /// Where each mapped value came from, by request path (`patient.kidney.dialysis`,
    /// `orders[0].drug` …): filled by the FHIR and CDS Hooks readers so an integrator can check a
    /// mapping (`renalcheck screen --show-request`). Empty for requests in RenalCheck's own JSON.
    public var provenance: [String: String] = [:]

    /// Creates a request.
    public init(requestID: String? = nil, asOf: Instant? = nil, patient: Patient, medications: [MedicationEntry] = [],
                orders: [MedicationEntry]) {
        self.requestID = requestID
        self.asOf = asOf
        self.patient = patient
        self.medications = medications
        self.orders = orders
    }
}
