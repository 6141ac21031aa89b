internal import RenalCheckJSON

/// The suspected cascades in one patient's timeline.
public struct CascadeReviewReport: Sendable {
    /// One suspected cascade.
    public struct Suspicion: Sendable {
        /// The cascade rule (adverse effect, recommendation, sources).
        public let rule: Rule
        /// The index drug id (or name as given).
        public let index: String
        /// When it started.
        public let indexStart: CalendarDay
        /// The marker drug id (or name as given).
        public let marker: String
        /// When it started.
        public let markerStart: CalendarDay
        /// Days from index start to marker start.
        public let gapDays: Int
        let indexPosition: Int
        let markerPosition: Int
    }

    /// The patient id.
    public let patientID: String?
    let formulary: Formulary
    /// Suspected cascades, earliest index first.
    public let suspicions: [Suspicion]
    /// Chains of cascades (A → B → C), as drug ids.
    public let chains: [[String]]

    /// The report as JSON.
    public func json(indent: Int = 2) -> String {
        var w = JSONWriter(indent: indent)
        w.beginObject()
        w.key("formulary"); w.beginObject()
        w.member("name", formulary.name); w.member("version", formulary.version); w.member("sha256", formulary.sha256)
        w.endObject()
        w.key("patient"); if let patientID { w.string(patientID) } else { w.null() }
        w.key("cascades"); w.beginArray()
        for s in suspicions {
            w.beginObject()
            w.member("cascadeId", s.rule.id); w.member("severity", s.rule.severity.rawValue)
            w.member("index", s.index); w.member("indexStart", s.indexStart.description)
            w.member("marker", s.marker); w.member("markerStart", s.markerStart.description)
            w.key("gapDays"); w.integer(s.gapDays)
            w.key("windowDays"); w.integer(s.rule.cascade?.windowDays ?? 0)
            w.member("adverseEffect", s.rule.cascade?.adverseEffect)
            w.member("summary", s.rule.summary); w.member("recommendation", s.rule.recommendation)
            w.key("sources"); w.beginArray()
            for src in s.rule.sources { w.beginObject(); w.member("id", src.id); w.member("citation", src.citation); w.member("url", src.link); w.endObject() }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("chains"); w.beginArray(); for c in chains { w.beginArray(); for d in c { w.string(d) }; w.endArray() }; w.endArray()
        w.endObject()
        return w.text
    }

    /// The report for a terminal.
    public var text: String {
        var out = "Cascade review\(patientID.map { " for patient \($0)" } ?? ""): \(suspicions.count) suspected cascade\(suspicions.count == 1 ? "" : "s")\n"
        for s in suspicions {
            let effect = s.rule.cascade?.adverseEffect ?? "an adverse effect"
            out += "\n\(s.rule.severity.rawValue.uppercased())  \(s.index) (from \(s.indexStart)) → \(effect) → \(s.marker) (from \(s.markerStart)), \(s.gapDays) days later\n"
            out += "    \(s.rule.summary)\n    → \(s.rule.recommendation)\n"
            out += "    sources: \(s.rule.sources.map(\.id).joined(separator: ", ")) · cascade \(s.rule.id)\n"
        }
        if !chains.isEmpty {
            out += "\nChains:\n"
            for c in chains { out += "  " + c.joined(separator: " → ") + "\n" }
        }
        out += "\(formulary.name) \(formulary.version) (sha256 \(formulary.sha256.prefix(12)))\n"
        return out
    }
}
