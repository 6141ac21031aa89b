internal import RenalCheckJSON

/// A pharmacist's one-screen view of a drug: renal handling, dialysability, rules and sources.
public struct DrugProfile: Sendable {
    /// The drug.
    public let drug: Drug
    /// Rules from the drug's own file.
    public let rules: [Rule]
    /// Interactions, duplicates and cascades that involve it.
    public let related: [Rule]
    /// Every source cited by the profile and its rules.
    public let sources: [Source]
    private let labs: [LabTest]

    /// Builds the profile of `drug` from `formulary`.
    public init(drug: Drug, formulary: Formulary) {
        self.drug = drug
        rules = formulary.rules(forDrug: drug.id)
        related = formulary.relatedRules(forDrug: drug.id)
        labs = formulary.labs
        var ids: [String] = []
        if let r = drug.renal {
            ids += r.sourceIDs + r.fractionSourceIDs + r.halfLifeSourceIDs + r.dialysability.flatMap(\.sourceIDs)
        }
        ids += (rules + related).flatMap { $0.sources.map(\.id) }
        var seen = Set<String>()
        sources = ids.filter { seen.insert($0).inserted }.compactMap { formulary.source(id: $0) }
    }

    private func range(_ r: RenalProfile.Range, scale: Double = 1, unit: String) -> String {
        r.low == r.high ? "\(Quantity.format(r.low * scale))\(unit)" : "\(Quantity.format(r.low * scale))–\(Quantity.format(r.high * scale))\(unit)"
    }

    /// The profile for a terminal.
    public var text: String {
        var out = "\(drug.name) (\(drug.id))"
        var codes: [String] = []
        if !drug.rxnorm.isEmpty { codes.append("RxCUI " + drug.rxnorm.joined(separator: ", ")) }
        if !drug.atc.isEmpty { codes.append("ATC " + drug.atc.joined(separator: ", ")) }
        if !codes.isEmpty { out += " · " + codes.joined(separator: " · ") }
        out += "\n"
        if !drug.brands.isEmpty { out += "Brands: \(drug.brands.joined(separator: ", "))\n" }
        if !drug.synonyms.isEmpty { out += "Also: \(drug.synonyms.joined(separator: ", "))\n" }
        if !drug.classIDs.isEmpty { out += "Classes: \(drug.classIDs.joined(separator: ", "))\n" }
        if let r = drug.renal {
            out += "\nKidney failure: \(r.summary)\n"
            if let f = r.fractionExcretedUnchanged {
                out += "  Excreted unchanged in urine: \(range(f, scale: 100, unit: "%")) [\(r.fractionSourceIDs.joined(separator: ", "))]\n"
            }
            if r.halfLifeNormal != nil || r.halfLifeKidneyFailure != nil {
                var parts: [String] = []
                if let n = r.halfLifeNormal { parts.append("\(range(n, unit: " h")) normal") }
                if let k = r.halfLifeKidneyFailure { parts.append("\(range(k, unit: " h")) in kidney failure") }
                out += "  Half-life: \(parts.joined(separator: "; ")) [\(r.halfLifeSourceIDs.joined(separator: ", "))]\n"
            }
            for d in r.dialysability {
                out += "  Removed by \(d.modality.rawValue): \(d.removal)"
                if let n = d.note { out += " — \(n)" }
                if !d.sourceIDs.isEmpty { out += " [\(d.sourceIDs.joined(separator: ", "))]" }
                out += "\n"
            }
        } else {
            out += "\nKidney failure: no renal profile in the formulary.\n"
        }
        func line(_ rule: Rule) -> String {
            let sev = rule.severity.rawValue.uppercased()
            var s = "  \(sev)\(String(repeating: " ", count: max(1, 16 - sev.count)))\(rule.summary)\n"
            var when: [String] = []
            if let w = rule.when { when.append(w.described(labs: labs)) }
            if let l = rule.doseLimits {
                var parts: [String] = []
                if let q = l.single { parts.append("max \(q) per dose") }
                if let q = l.daily { parts.append("max \(q)/day") }
                if let q = l.weekly { parts.append("max \(q)/week") }
                if let q = l.per48h { parts.append("max \(q) per 48 h") }
                if let k = l.singlePerKg { parts.append("max \(Quantity.format(k)) mg/kg per dose") }
                if let k = l.dailyPerKg { parts.append("max \(Quantity.format(k)) mg/kg/day") }
                if let n = l.dosesPerDay { parts.append("max \(Quantity.format(n)) doses/day") }
                if let k = l.scaleBelowKidneyFunction { parts.append("in proportion to kidney function below \(Quantity.format(k)) mL/min") }
                if l.inclusive { parts.append("reaching a maximum counts") }
                when.append(parts.joined(separator: ", "))
            }
            if let (a, b) = rule.interactionSides { when.append("\(a.described) × \(b.described)") }
            if let c = rule.cascade { when.append("\(c.index.described) → \(c.adverseEffect) → \(c.marker.described)") }
            if !when.isEmpty { s += "                  when: \(when.joined(separator: "; "))\n" }
            s += "                  \(rule.id) [\(rule.sources.map(\.id).joined(separator: ", "))]\n"
            return s
        }
        if !rules.isEmpty { out += "\nRules:\n" + rules.sorted { $0.severity > $1.severity }.map(line).joined() }
        if !related.isEmpty { out += "\nInteractions, duplicates and cascades:\n" + related.sorted { $0.severity > $1.severity }.map(line).joined() }
        if let a = drug.alternatives { out += "\nAlternatives: \(a)\n" }
        if !sources.isEmpty {
            out += "\nSources:\n"
            for s in sources { out += "  [\(s.id)] \(s.citation)\(s.link.map { " \($0)" } ?? "")\n" }
        }
        return out
    }

    /// The profile as JSON.
    public func json(indent: Int = 2) -> String {
        var w = JSONWriter(indent: indent)
        w.beginObject()
        w.member("id", drug.id); w.member("name", drug.name)
        w.member("brands", strings: drug.brands); w.member("synonyms", strings: drug.synonyms)
        w.key("codes"); w.beginObject(); w.member("rxnorm", strings: drug.rxnorm); w.member("atc", strings: drug.atc); w.endObject()
        w.member("classes", strings: drug.classIDs)
        w.member("doseUnit", drug.doseUnit.rawValue)
        if let r = drug.renal {
            w.key("renal"); w.beginObject()
            w.member("summary", r.summary)
            if let f = r.fractionExcretedUnchanged {
                w.key("fractionExcretedUnchanged"); w.beginObject(); w.member("low", f.low); w.member("high", f.high)
                w.member("sources", strings: r.fractionSourceIDs); w.endObject()
            }
            w.key("dialysability"); w.beginArray()
            for d in r.dialysability {
                w.beginObject(); w.member("modality", d.modality.rawValue); w.member("removal", d.removal); w.member("note", d.note)
                w.member("sources", strings: d.sourceIDs); w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        for (key, list) in [("rules", rules), ("related", related)] {
            w.key(key); w.beginArray()
            for rule in list {
                w.beginObject()
                w.member("id", rule.id); w.member("kind", rule.kind.rawValue); w.member("severity", rule.severity.rawValue)
                w.member("category", rule.category.rawValue); w.member("summary", rule.summary)
                w.member("when", rule.when?.described(labs: labs))
                w.member("recommendation", rule.recommendation); w.member("sources", strings: rule.sources.map(\.id))
                w.endObject()
            }
            w.endArray()
        }
        w.key("sources"); w.beginArray()
        for s in sources { w.beginObject(); w.member("id", s.id); w.member("citation", s.citation); w.member("url", s.link); w.endObject() }
        w.endArray()
        w.endObject()
        return w.text
    }
}
