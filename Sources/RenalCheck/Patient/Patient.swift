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
    /// Hepatic impairment; nil when not stated.
    public var hepatic: HepaticImpairment?
    /// Condition ids (see `formulary/conditions.json`).
    public var conditions: [String]
    /// Laboratory results.
    public var labs: [LabResult]

    /// Creates a patient.
    public init(id: String? = nil, ageYears: Double? = nil, weightKg: Double? = nil, sex: String? = nil,
                kidney: KidneyStatus = KidneyStatus(), hepatic: HepaticImpairment? = nil,
                conditions: [String] = [], labs: [LabResult] = []) {
        self.id = id
        self.ageYears = ageYears
        self.weightKg = weightKg
        self.sex = sex
        self.kidney = kidney
        self.hepatic = hepatic
        self.conditions = conditions
        self.labs = labs
    }
}
