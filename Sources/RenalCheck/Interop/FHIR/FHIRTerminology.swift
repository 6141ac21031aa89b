/// Code systems and the few codes the FHIR and CDS Hooks adapters recognise.
///
/// These are interface codes (how a FHIR server spells eGFR or haemodialysis), not clinical
/// facts: lab LOINC codes for electrolytes, drug RxCUIs and condition SNOMED codes live in the
/// formulary. Each code's provenance is listed in `docs/integration.md`.
enum FHIRTerminology {
    static let rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm"
    static let atc = "http://www.whocc.no/atc"
    static let loinc = "http://loinc.org"
    static let snomed = "http://snomed.info/sct"
    static let ucum = "http://unitsofmeasure.org"
    static let actCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
    static let severity = "http://hl7.org/fhir/detectedissue-severity"

    /// LOINC codes mapped to `patient.kidney.egfr` (mL/min/1.73 m²).
    static let egfrLOINC: Set<String> = ["98979-8", "98980-6", "62238-1", "33914-3", "48642-3", "48643-1"]
    /// LOINC codes mapped to `patient.kidney.crcl` (mL/min).
    static let crclLOINC: Set<String> = ["2164-2", "35591-7"]
    /// LOINC codes mapped to `patient.weightKg`.
    static let weightLOINC: Set<String> = ["29463-7", "3141-9"]

    /// SNOMED CT route codes and the checker's route names.
    static let routeSNOMED: [String: String] = [
        "26643006": "oral",  // Oral route
        "47625008": "iv",  // Intravenous route
        "78421000": "im",  // Intramuscular route
        "34206005": "sc",  // Subcutaneous route
        "6064005": "topical",  // Topical route
        "38239002": "intraperitoneal",  // Intraperitoneal route
    ]

    /// UCUM codes spelled the way the checker's dose units are.
    static func doseUnit(ucum code: String) -> String {
        switch code {
        case "ug": "mcg"
        case "[iU]", "[IU]": "IU"
        case "meq", "mEq": "mEq"
        case "mg/kg", "g/kg", "ug/kg": code == "ug/kg" ? "mcg/kg" : code
        default: code
        }
    }

    /// Days in one UCUM unit of time, or nil for an unknown unit.
    static func days(ucumTime unit: String) -> Double? {
        switch unit {
        case "s": 1.0 / 86_400
        case "min": 1.0 / 1440
        case "h": 1.0 / 24
        case "d": 1
        case "wk": 7
        case "mo": 30.4375
        case "a": 365.25
        default: nil
        }
    }
}
