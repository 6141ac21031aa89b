/// The code systems `dialysis.json` may list codes from.
public enum DialysisCodeSystem: String, Sendable, CaseIterable, Codable {
    /// SNOMED CT (`http://snomed.info/sct`).
    case snomed
    /// ICD-10-CM (`http://hl7.org/fhir/sid/icd-10-cm`).
    case icd10cm = "icd-10-cm"
    /// CPT (`http://www.ama-assn.org/go/cpt`).
    case cpt
    /// HCPCS Level II (`urn:oid:2.16.840.1.113883.6.285`).
    case hcpcs

    /// The FHIR system URIs that mean this code system.
    public var fhirSystems: [String] {
        switch self {
        case .snomed: ["http://snomed.info/sct"]
        case .icd10cm: ["http://hl7.org/fhir/sid/icd-10-cm", "urn:oid:2.16.840.1.113883.6.90"]
        case .cpt: ["http://www.ama-assn.org/go/cpt", "urn:oid:2.16.840.1.113883.6.12"]
        case .hcpcs: ["urn:oid:2.16.840.1.113883.6.285", "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
                      "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"]
        }
    }

    /// The code system a FHIR `Coding.system` names, or nil.
    public init?(fhirSystem uri: String) {
        guard let s = Self.allCases.first(where: { $0.fhirSystems.contains(uri) }) else { return nil }
        self = s
    }
}
