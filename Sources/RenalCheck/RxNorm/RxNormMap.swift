internal import RenalCheckJSON

/// A site's map from clinical-drug RxCUIs (SCD, SBD, GPCK, BPCK) to normalised names and
/// ingredients, for the drugs of one formulary: built from the site's own RxNorm release by
/// ``importRRF(conso:rel:formulary:)`` (`renalcheck rxnorm import`), saved as JSON, and passed to
/// a ``Checker`` (`--rxnorm FILE`) so orders coded only with such an RxCUI are screened.
///
/// File format (`rxnorm-map.json`):
/// ```json
/// { "format": "renalcheck-rxnorm-map", "version": 1, "formulary": "2026.11.0",
///   "concepts": [ { "rxcui": "310431", "tty": "SCD", "name": "gabapentin 300 MG Oral Capsule",
///                   "ingredients": ["25480"] } ] }
/// ```
public struct RxNormMap: Sendable, Hashable {
    /// The concepts by RxCUI.
    public private(set) var concepts: [String: RxNormConcept]
    /// The formulary version the map was built for (informational).
    public var formularyVersion: String?

    /// Creates a map from concepts.
    public init(concepts: [RxNormConcept], formularyVersion: String? = nil) {
        var byCUI: [String: RxNormConcept] = [:]
        for c in concepts { byCUI[c.rxcui] = c }
        self.concepts = byCUI
        self.formularyVersion = formularyVersion
    }

    /// The concept for an RxCUI, or nil.
    public func concept(rxcui: String) -> RxNormConcept? { concepts[rxcui] }

    /// Reads a map written by ``jsonBytes()``.
    ///
    /// - Throws: ``RxNormMapError/invalid(problems:)`` naming file, line, column and JSON path.
    public static func load(json bytes: [UInt8], source: String = "rxnorm-map.json") throws(RxNormMapError) -> RxNormMap {
        let doc: JSONDocument
        do { doc = try JSONDocument.parse(bytes, file: source) } catch { throw .invalid(problems: [InputProblem(error)]) }
        let reader = JSONReader(file: source)
        let map: RxNormMap? = doc.withRoot { root in
            guard let f = reader.object(root, allowed: ["format", "version", "formulary", "source", "concepts"]) else { return nil }
            if let format = f.string("format"), format != "renalcheck-rxnorm-map" {
                reader.report("format '\(format)' is not renalcheck-rxnorm-map", key: "format")
            }
            if let v = f.integer("version"), v != 1 { reader.report("version \(v) is not supported (this build reads 1)", key: "version") }
            let formulary = f.string("formulary", required: false)
            _ = f.string("source", required: false)
            let concepts = f.array("concepts", required: true) { node -> RxNormConcept? in
                guard let c = reader.object(node, allowed: ["rxcui", "tty", "name", "ingredients"]),
                      let rxcui = c.string("rxcui"), let tty = c.string("tty"), let name = c.string("name") else { return nil }
                if !["SCD", "SBD", "GPCK", "BPCK"].contains(tty) { reader.report("tty '\(tty)' must be SCD, SBD, GPCK or BPCK", key: "tty") }
                return RxNormConcept(rxcui: rxcui, tty: tty, name: name, ingredients: c.strings("ingredients") ?? [])
            } ?? []
            return RxNormMap(concepts: concepts, formularyVersion: formulary)
        }
        guard reader.isClean, let map else { throw .invalid(problems: reader.diagnostics.map { InputProblem($0, bytes: bytes) }) }
        return map
    }

    /// The map as JSON, concepts in RxCUI order.
    public func jsonBytes(source: String? = nil) -> [UInt8] {
        var w = JSONWriter(indent: 1)
        w.beginObject()
        w.member("format", "renalcheck-rxnorm-map")
        w.key("version"); w.integer(1)
        w.member("formulary", formularyVersion)
        w.member("source", source)
        w.key("concepts"); w.beginArray()
        for c in concepts.values.sorted(by: { ($0.rxcui.count, $0.rxcui) < ($1.rxcui.count, $1.rxcui) }) {
            w.beginObject()
            w.member("rxcui", c.rxcui)
            w.member("tty", c.tty)
            w.member("name", c.name)
            w.member("ingredients", strings: c.ingredients)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }
}
