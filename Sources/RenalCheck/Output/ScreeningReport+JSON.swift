internal import RenalCheckJSON

extension ScreeningReport {
    /// The report as JSON (the public contract documented in the README).
    ///
    /// - Parameter indent: 0 for one line (NDJSON), 2 for people.
    /// - Returns: UTF-8 bytes, without a trailing newline.
    public func jsonBytes(indent: Int = 0) -> [UInt8] {
        var w = JSONWriter(indent: indent, capacity: 512 + findings.count * 512)
        write(to: &w)
        return w.bytes
    }

    /// The report as a JSON string.
    public func json(indent: Int = 2) -> String { String(decoding: jsonBytes(indent: indent), as: UTF8.self) }

    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("requestId", requestID)
        w.key("formulary"); w.beginObject()
        w.member("name", formulary.name); w.member("version", formulary.version); w.member("sha256", formulary.sha256)
        w.endObject()
        w.member("asOf", asOf.description)
        w.key("patient"); if let patientID { w.string(patientID) } else { w.null() }
        w.key("orders"); w.beginArray()
        for o in orders {
            w.beginObject()
            w.member("id", o.id); w.member("drug", o.drug); w.member("status", o.status.rawValue)
            w.key("highestSeverity"); if let s = o.highestSeverity { w.string(s.rawValue) } else { w.null() }
            w.endObject()
        }
        w.endArray()
        // Said whatever the exit status: false when any order was not fully screened.
        w.key("allScreened"); w.bool(!hasUnscreenedOrders)
        w.key("findings"); w.beginArray()
        for f in findings {
            w.beginObject()
            w.member("ruleId", f.ruleID); w.member("severity", f.severity.rawValue); w.member("category", f.category.rawValue)
            w.member("orders", strings: f.orderIDs); w.member("drugs", strings: f.drugs)
            w.member("summary", f.summary)
            // `f.detail` without the temporary string.
            w.key("detail"); if let note = f.note { w.string(note, " ", f.rule.detail) } else { w.string(f.rule.detail) }
            w.member("recommendation", f.recommendation)
            w.key("sources"); w.beginArray()
            for s in f.sources {
                w.beginObject(); w.member("id", s.id); w.member("citation", s.citation); w.member("url", s.link); w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("coverage"); w.beginObject(); w.member("unknownMedications", strings: unknownMedications); w.endObject()
        w.endObject()
    }
}
