internal import RenalCheckJSON

extension Formulary {
    /// The tables `renalcheck formulary export` writes, to join against compact reports.
    public enum ExportTable: String, Sendable, CaseIterable {
        /// One record per rule (the formulary's and the checker's own), keyed by `id`.
        case rules
        /// One record per source, keyed by `id`.
        case sources
    }

    /// Every rule the checker can report: the formulary's rules, then the checker's own
    /// (`renalcheck.*`: unscreened orders and missing data).
    public var reportableRules: [Rule] { rules + EngineRules.all }

    /// One table as NDJSON: one JSON object per line, each with the formulary version.
    ///
    /// A rule record is `{"formulary","id","kind","severity","category","drug","summary","detail",
    /// "recommendation","sources":[ids]}`; a source record is `{"formulary","id","kind","year",
    /// "citation","url","doi","note"}` (absent fields are left out). Compact reports name rules by
    /// `rule` and sources by id, so these join on `id`.
    ///
    /// - Parameter table: which table.
    /// - Returns: UTF-8 bytes, each line ending in a newline.
    public func exportNDJSON(_ table: ExportTable) -> [UInt8] {
        var out: [UInt8] = []
        switch table {
        case .rules:
            for r in reportableRules {
                var w = JSONWriter(indent: 0, capacity: 512)
                w.beginObject()
                w.member("formulary", version); w.member("id", r.id); w.member("kind", r.kind.rawValue)
                w.member("severity", r.severity.rawValue); w.member("category", r.category.rawValue)
                w.member("drug", r.drugID); w.member("summary", r.summary); w.member("detail", r.detail)
                w.member("recommendation", r.recommendation); w.member("sources", strings: r.sources.map(\.id))
                w.endObject()
                out += w.bytes; out.append(0x0A)
            }
        case .sources:
            for s in sources {
                var w = JSONWriter(indent: 0, capacity: 256)
                w.beginObject()
                w.member("formulary", version); w.member("id", s.id); w.member("kind", s.kind.rawValue)
                if let y = s.year { w.key("year"); w.integer(y) }
                w.member("citation", s.citation); w.member("url", s.url); w.member("doi", s.doi); w.member("note", s.note)
                w.endObject()
                out += w.bytes; out.append(0x0A)
            }
        }
        return out
    }
}
