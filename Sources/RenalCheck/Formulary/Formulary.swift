/// The loaded formulary: immutable, indexed, and safe to share across threads.
///
/// Load it once with ``load(directory:)`` or ``builtin()``, then hand it to any number of
/// ``Checker``s. Lookups by name, brand, synonym, RxCUI, class and ingredient are hash or array
/// lookups.
public struct Formulary: Sendable {
    let storage: Storage

    /// The formulary's name.
    public var name: String { storage.name }
    /// Its CalVer version, e.g. `2026.11.0`.
    public var version: String { storage.version }
    /// The format's schema version.
    public var schemaVersion: Int { storage.schemaVersion }
    /// SHA-256 over the canonical content of every file (sorted keys, compact), in hex.
    public var sha256: String { storage.sha256 }
    /// Every drug, in id order.
    public var drugs: [Drug] { storage.drugs }
    /// Every rule, including interactions, duplicates, cumulative limits and cascades.
    public var rules: [Rule] { storage.rules }
    /// Every source.
    public var sources: [Source] { storage.sources }
    /// Classes.
    public var classes: [FormularyTerm] { storage.classes }
    /// Conditions.
    public var conditions: [FormularyTerm] { storage.conditions }
    /// Indications.
    public var indications: [FormularyTerm] { storage.indications }
    /// Ingredients summed across products.
    public var ingredients: [FormularyTerm] { storage.ingredients }
    /// Lab tests.
    public var labs: [LabTest] { storage.labs }

    /// The drug with this id, name, synonym or brand (case- and accent-insensitive), or this
    /// RxCUI or ATC code.
    public func drug(named text: String) -> Drug? { index(ofDrugNamed: text).map { storage.drugs[Int($0)] } }

    /// The drug with this RxNorm RxCUI.
    public func drug(rxcui: String) -> Drug? { storage.byRxCUI[rxcui].map { storage.drugs[Int($0)] } }

    /// Index of a drug by any name or code.
    func index(ofDrugNamed text: String) -> Int32? {
        if let i = storage.byExactName[text] { return i }
        let key = NameKey.make(text)
        if let i = storage.byName[key] { return i }
        if let i = storage.byRxCUI[text] { return i }
        return storage.byATC[text.uppercased()]
    }

    /// Up to `limit` names close to `text`, for "did you mean".
    public func suggestions(for text: String, limit: Int = 3) -> [String] {
        let key = NameKey.make(text)
        guard !key.isEmpty else { return [] }
        var scored: [(Int, String)] = []
        for (name, _) in storage.byName {
            let d = NameKey.distance(key, name)
            let prefix = name.hasPrefix(key) || key.hasPrefix(name)
            if d <= max(2, key.count / 3) || (prefix && key.count >= 3) { scored.append((prefix ? 0 : d, name)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var seen = Set<Int32>()
        var out: [String] = []
        for (_, name) in scored {
            guard let i = storage.byName[name], seen.insert(i).inserted else { continue }
            out.append(storage.drugs[Int(i)].id)
            if out.count == limit { break }
        }
        return out
    }

    /// The drugs in a class.
    public func drugs(inClass classID: String) -> [Drug] {
        guard let c = storage.classIndex[classID] else { return [] }
        return storage.classMembers[c].map { storage.drugs[Int($0)] }
    }

    /// The rules defined in a drug's file, in file order.
    public func rules(forDrug id: String) -> [Rule] {
        guard let i = storage.drugIndex[id] else { return [] }
        return storage.rulesByDrug[Int(i)].map { storage.rules[Int($0)] }
    }

    /// Interaction, cumulative, duplicate and cascade rules that can involve a drug.
    public func relatedRules(forDrug id: String) -> [Rule] {
        guard let i = storage.drugIndex[id] else { return [] }
        let all = storage.interactionsByDrug[Int(i)] + storage.cascadesByDrug[Int(i)]
        var seen = Set<Int32>()
        return all.filter { seen.insert($0).inserted }.map { storage.rules[Int($0)] }
    }

    /// The source with this id.
    public func source(id: String) -> Source? { storage.sourceIndex[id].map { storage.sources[$0] } }

    /// The lab test with this id or LOINC code.
    public func lab(named text: String) -> LabTest? {
        (storage.labIndex[text] ?? storage.labByLOINC[text]).map { storage.labs[$0] }
    }

    /// The condition with this id.
    public func condition(id: String) -> FormularyTerm? { storage.conditionIndex[id].map { storage.conditions[$0] } }

    /// The condition whose SNOMED CT codes include `code`.
    public func condition(snomed code: String) -> FormularyTerm? {
        storage.conditionBySNOMED[code].map { storage.conditions[$0] }
    }

    /// The codes that establish dialysis (`dialysis.json`), in file order.
    public var dialysisCodes: [DialysisCode] { storage.dialysisCodes }

    /// The dialysis entry for a code, or nil. ICD-10-CM codes match with or without their dot.
    public func dialysisCode(system: DialysisCodeSystem, code: String) -> DialysisCode? {
        storage.dialysisByKey[DialysisCode.key(system, code)].map { storage.dialysisCodes[$0] }
    }
}
