/// The CDS Hooks prefetch templates a RenalCheck service asks an EHR for, and the FHIR data the
/// CDS Hooks reader understands.
///
/// Every template stays within the CDS Hooks 2.0 prefetch query subset: an instance read, and
/// type-level searches by `patient` reference, token equality (`code`, `status`,
/// `clinical-status`), `_sort` and `_count`. The observation codes come from the formulary's lab
/// tests and the reader's own kidney-function and weight codes, so the EHR is asked for exactly
/// what the checker can use (plus serum creatinine, LOINC 2160-0, for the record).
public enum CDSHooksPrefetch {
    /// The LOINC code of serum creatinine (Creatinine [Mass/volume] in Serum or Plasma).
    public static let creatinineLOINC = "2160-0"

    /// Every LOINC code the observation template asks for, sorted.
    ///
    /// - Parameter formulary: the formulary whose lab tests are screened.
    /// - Returns: eGFR, creatinine clearance, weight, serum creatinine and every formulary lab code.
    public static func observationLOINC(formulary: Formulary) -> [String] {
        var codes = FHIRTerminology.egfrLOINC.union(FHIRTerminology.crclLOINC).union(FHIRTerminology.weightLOINC)
        codes.insert(creatinineLOINC)
        for lab in formulary.labs { codes.formUnion(lab.loinc) }
        return codes.sorted()
    }

    /// The procedure codes (SNOMED CT, CPT, HCPCS) in the formulary's `dialysis.json` that establish
    /// dialysis, as FHIR `system|code` search tokens, sorted. ICD-10-CM codes are diagnoses: they
    /// arrive with the active conditions.
    ///
    /// - Parameter formulary: the formulary whose dialysis vocabulary is read.
    /// - Returns: the tokens.
    public static func dialysisProcedureTokens(formulary: Formulary) -> [String] {
        formulary.dialysisCodes.filter { $0.system != .icd10cm }
            .compactMap { c in c.system.fhirSystems.first.map { "\($0)|\(c.code)" } }
            .sorted()
    }

    /// The prefetch templates, by key, in a stable order: `patient`, `conditions`, `dialysis`,
    /// `labs`, `activeMeds` (the keys of the examples in `examples/cds-hooks`).
    ///
    /// - Parameter formulary: the formulary whose lab tests are screened.
    /// - Returns: key and FHIR query template pairs.
    public static func templates(formulary: Formulary) -> [(key: String, query: String)] {
        let patient = "{{context.patientId}}"
        let loinc = observationLOINC(formulary: formulary).map { "\(FHIRTerminology.loinc)|\($0)" }.joined(separator: ",")
        let dialysis = dialysisProcedureTokens(formulary: formulary).joined(separator: ",")
        return [
            ("patient", "Patient/\(patient)"),
            ("conditions", "Condition?patient=\(patient)&clinical-status=active"),
            ("dialysis", "Procedure?patient=\(patient)&code=\(dialysis)"),
            ("labs", "Observation?patient=\(patient)&code=\(loinc)&_sort=-date&_count=200"),
            ("activeMeds", "MedicationRequest?patient=\(patient)&status=active"),
        ]
    }
}
