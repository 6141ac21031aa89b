internal import RenalCheckJSON

extension FormularyBuilder {
    static func idPattern(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 46 }
    }

    /// Checks an id's spelling (lower-case words joined by `-`, and `.` in rule ids).
    func checkID(_ id: String, key: String, reader: JSONReader, allowDots: Bool = false) {
        if !FormularyBuilder.idPattern(id) || (!allowDots && id.contains(".")) {
            reader.report("id '\(id)' must be lower-case letters, digits and '-'\(allowDots ? " or '.'" : "")", key: key, code: .invalidValue)
        }
    }

    /// Decodes `formulary.json`.
    func decodeManifest(_ root: JSONNode, _ r: JSONReader) {
        guard let f = r.object(root, allowed: ["name", "version", "schemaVersion", "description"]) else { return }
        name = f.string("name") ?? ""
        version = f.string("version") ?? ""
        schemaVersion = f.integer("schemaVersion") ?? 0
        _ = f.string("description", required: false)
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count != 3 || parts.contains(where: { Int($0) == nil }) || parts[0].count != 4 {
            r.report("version '\(version)' must be CalVer YYYY.MM.N, e.g. 2026.11.0", key: "version")
        }
        if f.has("schemaVersion") && schemaVersion != 1 {
            r.report("schemaVersion \(schemaVersion) is not supported (this build reads 1)", key: "schemaVersion")
        }
    }

    /// Decodes `sources.json`.
    func decodeSources(_ root: JSONNode, _ r: JSONReader) {
        guard let f = r.object(root, allowed: ["sources"]) else { return }
        _ = f.array("sources", required: true) { node -> Void? in
            guard let s = r.object(node, allowed: ["id", "kind", "year", "citation", "url", "doi", "note"]) else { return nil }
            guard let id = s.string("id") else { return nil }
            checkID(id, key: "id", reader: r)
            let kind = s.enumeration("kind", Source.Kind.self)
            let year = s.integer("year", required: false)
            let citation = s.string("citation")
            let url = s.string("url", required: false), doi = s.string("doi", required: false)
            let note = s.string("note", required: false)
            if url == nil && doi == nil { r.report("a source needs a url or a doi", code: .missingField) }
            if let year, !(1900...2100).contains(year) { r.report("year \(year) is out of range", key: "year") }
            if sourceIndex[id] != nil { r.report("source id '\(id)' is used twice", key: "id", code: .duplicateName); return nil }
            guard let kind, let citation else { return nil }
            sourceIndex[id] = sources.count
            sources.append(Source(id: id, kind: kind, year: year, citation: citation, url: url, doi: doi, note: note))
            return ()
        }
    }

    /// Decodes one of the term files: classes, conditions, indications, ingredients.
    func decodeTerms(_ root: JSONNode, _ r: JSONReader, key: String,
                     into terms: inout [FormularyTerm], index: inout [String: Int]) {
        guard let f = r.object(root, allowed: [key]) else { return }
        let extra: Set<String> = switch key {
        case "conditions": ["snomed"]
        case "indications": ["condition"]
        case "ingredients": ["unit"]
        default: []
        }
        var decoded: [FormularyTerm] = []
        _ = f.array(key, required: true) { node -> Void? in
            guard let t = r.object(node, allowed: Set(["id", "name"]).union(extra)) else { return nil }
            guard let id = t.string("id"), let name = t.string("name") else { return nil }
            checkID(id, key: "id", reader: r)
            let snomed = t.strings("snomed") ?? []
            var link = t.string("condition", required: false)
            if key == "ingredients" {
                link = t.string("unit", required: false)
                if let u = link, BaseUnit.parse(u)?.unit != .mg { r.report("ingredient unit '\(u)' must be a mass unit", key: "unit") }
            }
            if index[id] != nil || decoded.contains(where: { $0.id == id }) {
                r.report("\(key) id '\(id)' is used twice", key: "id", code: .duplicateName)
                return nil
            }
            index[id] = terms.count + decoded.count
            decoded.append(FormularyTerm(id: id, name: name, snomed: snomed, link: link))
            return ()
        }
        terms += decoded
    }

    /// Checks indication → condition links once conditions are known.
    func checkIndicationLinks(_ root: JSONNode, _ r: JSONReader) {
        for (i, ind) in indications.enumerated() where ind.link != nil && conditionIndex[ind.link!] == nil {
            r.at("indications") { r.at(i) {
                r.report("unknown condition '\(ind.link!)'", key: "condition", code: .unknownReference)
            } }
        }
    }

    /// Decodes `labs.json`.
    func decodeLabs(_ root: JSONNode, _ r: JSONReader) {
        guard let f = r.object(root, allowed: ["labs"]) else { return }
        _ = f.array("labs", required: true) { node -> Void? in
            guard let l = r.object(node, allowed: ["id", "name", "loinc", "unit", "units"]) else { return nil }
            guard let id = l.string("id"), let name = l.string("name"), let unit = l.string("unit") else { return nil }
            checkID(id, key: "id", reader: r)
            let loinc = l.strings("loinc") ?? []
            var factors: [String: Double] = [:]
            _ = l.array("units", required: true) { u -> Void? in
                guard let uf = r.object(u, allowed: ["unit", "perCanonical", "canonicalPerUnit"]),
                      let name = uf.string("unit") else { return nil }
                let per = uf.number("perCanonical", required: false)
                let cpu = uf.number("canonicalPerUnit", required: false)
                switch (per, cpu) {
                case let (p?, nil) where p > 0: factors[name] = 1 / p
                case let (nil, c?) where c > 0: factors[name] = c
                default: r.report("give exactly one positive 'perCanonical' or 'canonicalPerUnit'", code: .invalidValue)
                }
                return ()
            }
            if factors[unit] != 1 { r.report("the canonical unit '\(unit)' must be listed in units with factor 1", key: "unit", code: .inconsistent) }
            if labIndex[id] != nil { r.report("lab id '\(id)' is used twice", key: "id", code: .duplicateName); return nil }
            for code in loinc {
                if labByLOINC[code] != nil { r.report("LOINC code \(code) is mapped twice", key: "loinc", code: .duplicateName) }
                labByLOINC[code] = labs.count
            }
            labIndex[id] = labs.count
            labs.append(LabTest(id: id, name: name, loinc: loinc, unit: unit, toCanonical: factors))
            return ()
        }
    }

    /// Decodes `dialysis.json`: codes that establish dialysis and the modality each names.
    func decodeDialysisCodes(_ root: JSONNode, _ r: JSONReader) {
        guard let f = r.object(root, allowed: ["dialysis", "description"]) else { return }
        _ = f.string("description", required: false)
        _ = f.array("dialysis", required: true) { node -> Void? in
            guard let d = r.object(node, allowed: ["system", "code", "name", "establishes", "listing"]) else { return nil }
            let system = d.enumeration("system", DialysisCodeSystem.self)
            let code = d.string("code"), name = d.string("name"), listing = d.string("listing")
            let establishes = d.enumeration("establishes", DialysisEvidence.self)
            guard let system, let code, let name, let listing, let establishes else { return nil }
            if code.isEmpty || code.contains(where: { $0 == " " }) { r.report("code '\(code)' must be one code without spaces", key: "code") }
            let key = DialysisCode.key(system, code)
            if dialysisByKey[key] != nil {
                r.report("\(system.rawValue) code \(code) is listed twice", key: "code", code: .duplicateName)
                return nil
            }
            dialysisByKey[key] = dialysisCodes.count
            dialysisCodes.append(DialysisCode(system: system, code: code, name: name, establishes: establishes, listing: listing))
            return ()
        }
    }

    /// Checks a list of source ids, reporting unknown ones; returns the resolved sources.
    func resolveSources(_ f: JSONFields, key: String = "sources", required: Bool = true) -> [Source] {
        guard let ids = f.strings(key, required: required) else { return [] }
        if required && ids.isEmpty { f.reader.report("at least one source is required", key: key, code: .missingField) }
        var out: [Source] = []
        for (i, id) in ids.enumerated() {
            if let s = sourceIndex[id] { out.append(sources[s]) } else {
                f.reader.at(key) { f.reader.at(i) { f.reader.report("unknown source '\(id)'", code: .unknownReference) } }
            }
        }
        return out
    }
}
