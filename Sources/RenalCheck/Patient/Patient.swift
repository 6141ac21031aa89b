/// The patient a screening is for.
public struct Patient: Sendable, Hashable {
    /// An identifier echoed in the report.
    public var id: String?
    /// Age in years.
    public var ageYears: Double?
    /// Weight (dry weight for dialysis patients), kg; needed for mg/kg doses.
    public var weightKg: Double?
    /// `female`, `male` or another value as given.
    public var sex: String?
    /// Kidney function and dialysis.
    public var kidney: KidneyStatus
    /// Hepatic impairment; nil when not stated, which counts as none (see `hepaticUnknown`).
    public var hepatic: HepaticImpairment?
    /// True when the request says hepatic function is unknown (`"hepatic": "unknown"`): rules that
    /// test it report the gap instead of treating the patient as having no hepatic impairment.
    public var hepaticUnknown: Bool
    /// Condition ids (see `formulary/conditions.json`); a condition not listed is absent.
    public var conditions: [String]
    /// Condition ids whose presence the requester does not know (`conditionsUnknown`): a rule that
    /// tests one of them reports the gap instead of treating the condition as absent.
    public var conditionsUnknown: [String]
    /// Laboratory results.
    public var labs: [LabResult]

    /// Creates a patient.
    public init(id: String? = nil, ageYears: Double? = nil, weightKg: Double? = nil, sex: String? = nil,
                kidney: KidneyStatus = KidneyStatus(), hepatic: HepaticImpairment? = nil,
                conditions: [String] = [], labs: [LabResult] = [],
                hepaticUnknown: Bool = false, conditionsUnknown: [String] = []) {
        self.id = id
        self.ageYears = ageYears
        self.weightKg = weightKg
        self.sex = sex
        self.kidney = kidney
        self.hepatic = hepatic
        self.conditions = conditions
        self.labs = labs
        self.hepaticUnknown = hepaticUnknown
        self.conditionsUnknown = conditionsUnknown
    }
}
