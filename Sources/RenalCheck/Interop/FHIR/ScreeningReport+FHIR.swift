internal import RenalCheckJSON

extension ScreeningReport {
    /// The findings as a FHIR R4 `Bundle` (type `collection`) of `DetectedIssue` resources.
    ///
    /// One DetectedIssue per finding, in report order (most serious first): `status`; `code` from
    /// v3 ActCode by category (DOSEH/MDOSE dose, COND avoid or condition, DRG interaction, NHP
    /// herbal interaction, DUPTHPY duplicate, LAB lab, TIME dialysis timing, DOSEIVL dose timing,
    /// DOSEDUR duration, AGE age, DACT cascade; text only for an unscreened order); `severity`
    /// high (contraindicated, major), moderate, or low (minor, info); `patient`; `identifiedDateTime`
    /// (the report's `asOf`); `author` (RenalCheck and the formulary version); `implicated` (the
    /// proposed MedicationRequests by order id; an id that is already a URL or `urn:` is used as
    /// is); `detail`; `reference` (the first source URL); and one `mitigation` whose action carries
    /// the recommendation. Resource ids and `fullUrl`s are deterministic UUIDs (see
    /// `docs/integration.md`). A report with no findings is a Bundle with no entries.
    ///
    /// - Parameters:
    ///   - formulary: the formulary the report came from, to tell herbal interactions (`NHP`) from
    ///     drug interactions (`DRG`); nil codes every interaction `DRG`.
    ///   - status: `final` (default) or `preliminary`.
    ///   - indent: 0 for one line, 2 for people.
    /// - Returns: the Bundle as JSON text.
    public func fhirBundle(formulary: Formulary? = nil, status: DetectedIssueStatus = .final, indent: Int = 2) -> String {
        var w = JSONWriter(indent: indent, capacity: 1024 + findings.count * 1024)
        let ids = FindingUUID.make(for: findings, salt: patientID ?? "")
        w.beginObject()
        w.member("resourceType", "Bundle")
        w.member("type", "collection")
        w.member("timestamp", asOf.description)
        if !findings.isEmpty {
            w.key("entry"); w.beginArray()
            for (f, id) in zip(findings, ids) {
                w.beginObject()
                w.member("fullUrl", "urn:uuid:\(id)")
                w.key("resource")
                writeDetectedIssue(f, id: id, status: status, formulary: formulary, to: &w)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        return w.text
    }

    private func writeDetectedIssue(_ f: Finding, id: String, status: DetectedIssueStatus, formulary: Formulary?, to w: inout JSONWriter) {
        w.beginObject()
        w.member("resourceType", "DetectedIssue")
        w.member("id", id)
        w.member("status", status.rawValue)
        w.key("code"); w.beginObject()
        if let (code, display) = DetectedIssueCoding.issue(f, formulary: formulary) {
            w.key("coding"); w.beginArray()
            writeCoding(system: FHIRTerminology.actCode, code: code, display: display, to: &w)
            w.endArray()
        }
        w.member("text", f.category.rawValue)
        w.endObject()
        w.member("severity", DetectedIssueCoding.severity(f.severity))
        if let patientID { writeReference(Self.reference("Patient", patientID), display: nil, to: &w, key: "patient") }
        w.member("identifiedDateTime", asOf.description)
        w.key("author"); w.beginObject()
        w.member("display", "RenalCheck (formulary \(self.formulary.name) \(self.formulary.version))")
        w.endObject()
        if !f.orderIDs.isEmpty {
            w.key("implicated"); w.beginArray()
            for o in f.orderIDs {
                let drug = orders.first { $0.id == o }?.drug
                writeReference(Self.reference("MedicationRequest", o), display: drug, to: &w, key: nil)
            }
            w.endArray()
        }
        w.member("detail", "\(f.summary). \(f.detail)")
        if let url = f.sources.lazy.compactMap(\.link).first { w.member("reference", url) }
        w.key("mitigation"); w.beginArray(); w.beginObject()
        w.key("action"); w.beginObject()
        let (code, display) = DetectedIssueCoding.mitigation(f.category)
        w.key("coding"); w.beginArray()
        writeCoding(system: FHIRTerminology.actCode, code: code, display: display, to: &w)
        w.endArray()
        w.member("text", f.recommendation)
        w.endObject()
        w.endObject(); w.endArray()
        w.endObject()
    }

    private func writeCoding(system: String, code: String, display: String, to w: inout JSONWriter) {
        w.beginObject(); w.member("system", system); w.member("code", code); w.member("display", display); w.endObject()
    }

    private func writeReference(_ ref: String, display: String?, to w: inout JSONWriter, key: String?) {
        if let key { w.key(key) }
        w.beginObject(); w.member("reference", ref); w.member("display", display); w.endObject()
    }

    /// `Type/id`, or the id itself when it is already an absolute URL or `urn:`.
    static func reference(_ type: String, _ id: String) -> String {
        // An ingredient of a combination order ("mr1#oxycodone") refers to its order.
        let id = id.firstIndex(of: "#").map { String(id[..<$0]) } ?? id
        return id.hasPrefix("urn:") || id.hasPrefix("http://") || id.hasPrefix("https://") || id.hasPrefix("\(type)/") ? id : "\(type)/\(id)"
    }
}
