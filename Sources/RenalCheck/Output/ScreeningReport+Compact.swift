internal import RenalCheckJSON

extension ScreeningReport {
    /// The report as compact JSON for data teams: identifiers and numbers, no texts.
    ///
    /// Shape (schema: `docs/schema/compact-report.schema.json`):
    /// `{"requestId":…,"formulary":"VERSION","asOf":…,"orders":[{"id","drug","status","highestSeverity"}],
    /// "findings":[{"rule","severity","category","orders","drugs","ordered","limit","unit","measure","sources"}],
    /// "unknownMedications":[…]}`. `requestId` is present only when the request gave one; `ordered`,
    /// `limit`, `unit` and `measure` only on dose and duration findings. The rule and source texts are
    /// joined from `renalcheck formulary export` by rule id and source id. The patient id is left out.
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
        w.member("asOf", asOf.description)
        w.key("orders"); w.beginArray()
        for o in orders {
            w.beginObject()
            w.member("id", o.id); w.member("drug", o.drug); w.member("status", o.status.rawValue)
            w.key("highestSeverity"); if let s = o.highestSeverity { w.string(s.rawValue) } else { w.null() }
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
        w.member("unknownMedications", strings: unknownMedications)
        w.endObject()
    }
}
