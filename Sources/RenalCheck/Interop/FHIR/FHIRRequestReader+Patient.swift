internal import RenalCheckJSON

extension FHIRRequestReader {
    /// `Patient`: id, gender, birthDate (age is computed at the request's `asOf`, or now).
    func patient(_ f: JSONFields) {
        if let id = text(f, "id") { patientID = id }
        if let g = text(f, "gender") { sex = g }
        if let d = day(f, "birthDate") { birthDate = d }
    }

    /// `Observation`: eGFR and CrCl to the kidney status, body weight, and every lab the formulary
    /// defines by LOINC. Results that are preliminary, cancelled or entered in error are ignored;
    /// a known lab with a unit the formulary does not accept is passed on, so the checker reports it.
    func observation(_ f: JSONFields) {
        let status = text(f, "status")
        if let status, ["registered", "preliminary", "cancelled", "entered-in-error", "unknown"].contains(status) { return }
        let loinc = codes(concept(f, "code"), system: FHIRTerminology.loinc)
        guard !loinc.isEmpty else { return }
        let at = instant(f, "effectiveDateTime")
            ?? f.object("effectivePeriod") { p in instant(p, "end") ?? instant(p, "start") }
            ?? instant(f, "effectiveInstant") ?? instant(f, "issued")
        guard let q = quantity(f, "valueQuantity") else { return }
        func newer(_ old: Measurement?, _ value: Double) -> Measurement? {
            guard let old else { return Measurement(value: value, at: at) }
            guard let t = at else { return old }
            if let o = old.at, o >= t { return old }
            return Measurement(value: value, at: at)
        }
        for code in loinc {
            if FHIRTerminology.egfrLOINC.contains(code) {
                egfr = newer(egfr, q.value)
                if egfr?.value == q.value { provenance["patient.kidney.egfr"] = "\(currentResource) LOINC \(code)" }
            } else if FHIRTerminology.crclLOINC.contains(code) {
                crcl = newer(crcl, q.value)
                if crcl?.value == q.value { provenance["patient.kidney.crcl"] = "\(currentResource) LOINC \(code)" }
            } else if FHIRTerminology.weightLOINC.contains(code) {
                let factor: Double? = switch q.code ?? q.unit ?? "" {
                case "kg": 1
                case "g": 0.001
                case "[lb_av]", "lb", "lbs": 0.45359237
                default: nil
                }
                if let factor { weightKg = newer(weightKg, q.value * factor) }
            } else if let test = formulary.lab(named: code) {
                let candidates = [q.code, q.unit].compactMap { $0 }
                let unit = candidates.first { test.canonical(1, unit: $0) != nil } ?? candidates.first ?? "(no unit)"
                labs.append(LabResult(test: test.id, value: q.value, unit: unit, at: at))
            } else {
                continue
            }
            break
        }
    }

    /// `Condition` or `Procedure`: dialysis from the formulary's dialysis codes (SNOMED CT,
    /// ICD-10-CM, CPT, HCPCS), and any condition the formulary maps from SNOMED CT. Inactive,
    /// resolved, refuted, not-done or entered-in-error entries are ignored.
    func condition(_ f: JSONFields, isProcedure: Bool) {
        if isProcedure {
            if let s = text(f, "status"), ["not-done", "entered-in-error", "stopped"].contains(s) { return }
        } else {
            let clinical = concept(f, "clinicalStatus").codings.compactMap(\.code)
            if clinical.contains(where: { ["inactive", "remission", "resolved"].contains($0) }) { return }
            let verification = concept(f, "verificationStatus").codings.compactMap(\.code)
            if verification.contains(where: { ["refuted", "entered-in-error"].contains($0) }) { return }
        }
        let code = concept(f, "code")
        dialysisCodes(code.codings)
        for snomed in codes(code, system: FHIRTerminology.snomed) {
            if let term = formulary.condition(snomed: snomed), !conditions.contains(term.id) {
                conditions.append(term.id)
                provenance["patient.conditions[\(conditions.count - 1)]"] = "\(currentResource) code SNOMED CT \(snomed)"
            }
        }
    }

    /// `Encounter`: dialysis from the codes in `type` (CPT, HCPCS, SNOMED CT) and `reasonCode`
    /// (ICD-10-CM, SNOMED CT). Cancelled or entered-in-error encounters are ignored.
    func encounter(_ f: JSONFields) {
        if let s = text(f, "status"), ["cancelled", "entered-in-error"].contains(s) { return }
        for key in ["type", "reasonCode"] {
            _ = f.array(key) { node -> Bool? in
                dialysisCodes(concept(node).codings)
                return true
            }
        }
    }

    /// Records the dialysis each coding establishes (`dialysis.json`), with where it came from.
    func dialysisCodes(_ codings: [FHIRCoding]) {
        for c in codings {
            guard let uri = c.system, let system = DialysisCodeSystem(fhirSystem: uri), let code = c.code,
                  let entry = formulary.dialysisCode(system: system, code: code) else { continue }
            let what: String
            if let m = entry.establishes.modality {
                modalities.insert(m)
                what = m.rawValue
            } else {
                dialysisUnspecified = true
                what = "dialysis, modality not stated"
            }
            let from = "\(what): \(currentResource) \(system.rawValue) \(code) (\(entry.name))"
            if let old = provenance["patient.kidney.dialysis"] {
                if !old.contains(from) { provenance["patient.kidney.dialysis"] = old + "; " + from }
            } else {
                provenance["patient.kidney.dialysis"] = from
            }
        }
    }
}
