internal import RenalCheckJSON

extension ScreeningReport {
    /// The report as compact JSON for data teams: identifiers and numbers, no texts.
    ///
    /// Shape (schema: `docs/schema/compact-report.schema.json`):
    /// `{"requestId":…,"formulary":"VERSION","orders":[{"id","drug","status"}],
    /// "findings":[{"rule","severity","category","orders","drugs","ordered","limit","unit","measure","sources"}],
    /// "unknownMedications":[…]}`. `requestId` is present only when the request gave one; `ordered`,
    /// `limit`, `unit` and `measure` only on dose and duration findings; `unknownMedications` only
    /// when some current medication was not recognised. What the request already says (`asOf`, the
    /// patient id) and what the findings already say (an order's highest severity) are left out. The
    /// rule and source texts are joined from `renalcheck formulary export` by rule id and source id.
    ///
    /// - Returns: UTF-8 bytes on one line, without a trailing newline.
    public func compactJSONBytes() -> [UInt8] {
        var w = JSONWriter(indent: 0, capacity: 160 + findings.count * 160)
        writeCompact(to: &w)
        return w.bytes
    }

    func writeCompact(to w: inout JSONWriter) {
        w.beginObject()
        w.member("requestId", requestID)
        w.member("formulary", formulary.version)
        w.key("orders"); w.beginArray()
        for o in orders {
            w.beginObject()
            w.member("id", o.id); w.member("drug", o.drug); w.member("status", o.status.rawValue)
            w.endObject()
        }
        w.endArray()
        w.key("findings"); w.beginArray()
        for f in findings {
            w.beginObject()
            w.member("rule", f.ruleID); w.member("severity", f.severity.rawValue); w.member("category", f.category.rawValue)
            w.member("orders", strings: f.orderIDs); w.member("drugs", strings: f.drugs)
            if let c = f.comparison {
                w.member("ordered", c.ordered); w.member("limit", c.limit)
                w.member("unit", c.unit); w.member("measure", c.measure.rawValue)
            }
            w.key("sources"); w.beginArray()
            for s in f.sources { w.string(s.id) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        if !unknownMedications.isEmpty { w.member("unknownMedications", strings: unknownMedications) }
        w.endObject()
    }
}
