internal import RenalCheckJSON

extension ScreeningRequest {
    /// Decodes a screening request from a FHIR R4 `Bundle`.
    ///
    /// The Bundle (any `type`; nested Bundles are read too) holds a `Patient`, `MedicationRequest`s
    /// (status `draft`: proposed orders; `active` or `on-hold`: current medications; others are not
    /// screened), `Observation`s (LOINC: eGFR, CrCl, body weight and every lab the formulary
    /// defines), `Condition`s and `Procedure`s (SNOMED CT: dialysis modality and formulary
    /// conditions), and `Medication`s referenced by `medicationReference`. `Bundle.timestamp`, when
    /// present, becomes ``asOf``. The mapping is documented in `docs/integration.md`.
    ///
    /// What cannot be mapped is never dropped: an unknown drug, unit, route or schedule is kept as
    /// written so the checker reports the order as unscreened.
    ///
    /// - Parameters:
    ///   - bytes: the Bundle as UTF-8 JSON.
    ///   - source: a name for the input in messages.
    ///   - formulary: the formulary that defines drugs, labs and conditions.
    /// - Returns: the request.
    /// - Throws: ``RequestError/invalid(problems:)`` when the input is not JSON, not a Bundle, has a
    ///   malformed element (a wrong type, a date-time without a zone), exceeds ``RequestLimits``, or
    ///   holds no proposed order.
    public static func decode(fhirBundle bytes: [UInt8], source: String = "request", formulary: Formulary) throws(RequestError) -> ScreeningRequest {
        try FHIRRequestReader.decode(bytes, source: source, formulary: formulary) { r, root in
            guard let f = r.reader.object(root), let type = f.string("resourceType", required: true) else { return }
            guard type == "Bundle" else {
                r.reader.report("expected a FHIR Bundle, found a \(type)", key: "resourceType")
                return
            }
            r.asOf = r.instant(f, "timestamp")
            r.visit(root, role: .byStatus, fullUrl: nil)
        }
    }
}
