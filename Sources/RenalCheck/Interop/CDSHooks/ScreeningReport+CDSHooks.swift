internal import RenalCheckJSON

extension ScreeningReport {
    /// The findings as a CDS Hooks 2.0 response: `{"cards": [...]}`, one card per finding.
    ///
    /// Each card has a deterministic `uuid` (SHA-256 of `hookInstance`, rule id, order ids, drugs
    /// and note, as a version-8 UUID: the same call always gets the same cards, another call other
    /// uuids); a `summary` under 140 characters (cut with an ellipsis when longer); a Markdown
    /// `detail` (severity, orders, drugs, detail, recommendation, sources as links); an `indicator`
    /// (`critical` for contraindicated and major, `warning` for moderate, `info` below); a `source`
    /// (label naming RenalCheck and the formulary, URL of the first source cited). When a formulary
    /// is given and an implicated order's drug lists `alternatives`, the card carries one
    /// suggestion naming them, with a `delete` action on that draft MedicationRequest, and
    /// `selectionBehavior` `at-most-one`. No finding gives `{"cards": []}`.
    ///
    /// - Parameters:
    ///   - formulary: the formulary the report came from, for alternatives; nil omits suggestions.
    ///   - hookInstance: the request's `hookInstance`, mixed into the uuids (nil: none).
    ///   - indent: 0 for one line, 2 for people.
    /// - Returns: the response body as JSON text.
    public func cdsHooksResponse(formulary: Formulary? = nil, hookInstance: String? = nil, indent: Int = 2) -> String {
        var w = JSONWriter(indent: indent, capacity: 1024 + findings.count * 1024)
        let ids = FindingUUID.make(for: findings, salt: hookInstance ?? "")
        w.beginObject()
        w.key("cards"); w.beginArray()
        for (f, id) in zip(findings, ids) { writeCard(f, uuid: id, formulary: formulary, to: &w) }
        w.endArray()
        w.endObject()
        return w.text
    }

    /// `critical`, `warning` or `info`.
    static func indicator(_ s: Severity) -> String {
        switch s {
        case .contraindicated, .major: "critical"
        case .moderate: "warning"
        case .minor, .info: "info"
        }
    }

    /// `text` cut to at most `limit` characters, ending with an ellipsis when cut.
    static func clip(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    private func writeCard(_ f: Finding, uuid: String, formulary: Formulary?, to w: inout JSONWriter) {
        w.beginObject()
        w.member("uuid", uuid)
        w.member("summary", Self.clip(f.summary, to: 139))
        w.member("detail", markdown(f))
        w.member("indicator", Self.indicator(f.severity))
        w.key("source"); w.beginObject()
        w.member("label", "RenalCheck (formulary \(self.formulary.name) \(self.formulary.version))")
        w.member("url", f.sources.lazy.compactMap(\.link).first)
        w.endObject()
        if let formulary, let (order, drug) = alternativeOrder(f, formulary: formulary), let alternatives = drug.alternatives {
            w.key("suggestions"); w.beginArray(); w.beginObject()
            w.member("label", Self.clip("Consider instead of \(drug.name): \(alternatives)", to: 200))
            w.member("uuid", FindingUUID.uuid("\(uuid)\u{0}suggestion"))
            w.key("actions"); w.beginArray(); w.beginObject()
            w.member("type", "delete")
            w.member("description", "Remove the \(drug.name) order")
            w.member("resourceId", Self.reference("MedicationRequest", order))
            w.endObject(); w.endArray()
            w.endObject(); w.endArray()
            w.member("selectionBehavior", "at-most-one")
        }
        w.endObject()
    }

    /// The first implicated order whose drug lists alternatives.
    private func alternativeOrder(_ f: Finding, formulary: Formulary) -> (String, Drug)? {
        for id in f.orderIDs {
            guard let o = orders.first(where: { $0.id == id }), let d = formulary.drug(named: o.drug), d.alternatives != nil else { continue }
            return (id, d)
        }
        return nil
    }

    private func markdown(_ f: Finding) -> String {
        var lines = ["**Severity: \(f.severity.rawValue)** · \(f.category.rawValue) · rule `\(f.ruleID)`"]
        if !f.orderIDs.isEmpty {
            let named = f.orderIDs.map { id in orders.first { $0.id == id }.map { "\(id) (\($0.drug))" } ?? id }
            lines.append("")
            lines.append("Orders: \(named.joined(separator: ", "))")
        }
        lines.append("")
        lines.append(f.detail)
        lines.append("")
        lines.append("**Recommendation:** \(f.recommendation)")
        if !f.sources.isEmpty {
            lines.append("")
            lines.append("**Sources:**")
            for s in f.sources {
                lines.append(s.link.map { "- [\(s.id)](\($0)): \(s.citation)" } ?? "- \(s.id): \(s.citation)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
