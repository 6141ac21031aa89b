internal import RenalCheckJSON

extension FormularyBuilder {
    static let commonRuleKeys: Set<String> = ["id", "kind", "severity", "category", "summary", "detail", "recommendation", "sources", "when"]

    static func extraKeys(for kind: RuleKind) -> Set<String> {
        switch kind {
        case .doseLimit: ["limits"]
        case .duration: ["maxDays"]
        case .interaction: ["with", "between"]
        case .depletion: ["nutrient"]
        case .duplicate: ["class", "sameDrug"]
        case .cumulative: ["ingredient", "daily"]
        case .cascade: ["index", "adverseEffect", "marker", "windowDays"]
        default: []
        }
    }

    /// Every key a rule of each kind may have, built once (not per rule decoded).
    static let ruleKeys: [RuleKind: Set<String>] = Dictionary(
        uniqueKeysWithValues: RuleKind.allCases.map { ($0, commonRuleKeys.union(extraKeys(for: $0))) })

    /// The keys of a drug set.
    static let drugSetKeys: Set<String> = ["drugs", "classes"]

    /// Decodes a list of rules at `key` of an object (a drug file's `rules`, a topic file's `rules`).
    func decodeRules(_ f: JSONFields, key: String, ownerDrug: Int32?, file: String) {
        _ = f.array(key, required: ownerDrug == nil) { node -> Void? in
            decodeRule(node, f.reader, ownerDrug: ownerDrug, file: file)
            return ()
        }
    }

    /// Decodes and files one rule.
    func decodeRule(_ node: JSONNode, _ r: JSONReader, ownerDrug: Int32?, file: String) {
        guard node.kind == .object else { _ = r.object(node); return }
        let kindText = node.member("kind")?.string
        let kind = kindText.flatMap(RuleKind.init(rawValue:))
        guard let f = r.object(node, allowed: kind.flatMap { Self.ruleKeys[$0] } ?? Self.commonRuleKeys) else { return }
        if kindText != nil && kind == nil {
            r.report("unknown rule kind '\(kindText!)'; expected one of: \(RuleKind.allCases.map(\.rawValue).joined(separator: ", "))", key: "kind")
        } else if kindText == nil { _ = f.string("kind") }
        let id = f.string("id")
        if let id { checkID(id, key: "id", reader: r, allowDots: true) }
        let severity = f.enumeration("severity", Severity.self)
        let category = f.enumeration("category", FindingCategory.self)
        if category == .unscreened { r.report("category 'unscreened' is reserved for the checker", key: "category") }
        let summary = f.string("summary")
        if let summary, summary.count >= 140 { r.report("summary must be under 140 characters (has \(summary.count))", key: "summary") }
        let detail = f.string("detail"), recommendation = f.string("recommendation")
        let sources = resolveSources(f)
        let when = f.member("when").flatMap { w in r.at("when") { predicate(w, r) } }
        if let kind, let keys = kind.requiredPredicateKeys, !(f.member("when").map { Self.mentions($0, keys) } ?? false) {
            r.report("a '\(kind.rawValue)' rule needs 'when' to test one of: \(keys.sorted().joined(separator: ", "))", key: "when", code: .missingField)
        }
        guard let kind, let body = decodeBody(kind, f, ownerDrug: ownerDrug),
              let id, let severity, let category, let summary, let detail, let recommendation else { return }
        let drugID = ownerDrug.map { drugs[Int($0)].id }
        add(Rule(id: id, kind: kind, severity: severity, category: category, summary: summary, detail: detail,
                 recommendation: recommendation, sources: sources, drugID: drugID, file: file, when: when, body: body),
            ownerDrug: ownerDrug, reader: r)
    }

    /// True when a predicate object (or any nested one) uses one of `keys`.
    static func mentions(_ node: JSONNode, _ keys: Set<String>) -> Bool {
        var found = false
        node.forEachMember { key, value in
            if keys.contains(key) { found = true }
            else if key == "anyOf" || key == "allOf" {
                for i in 0..<value.count where value.element(i).map({ mentions($0, keys) }) ?? false { found = true }
            } else if key == "not" { found = found || mentions(value, keys) }
        }
        return found
    }

    private func decodeBody(_ kind: RuleKind, _ f: JSONFields, ownerDrug: Int32?) -> Rule.Body? {
        let r = f.reader
        switch kind {
        case .avoid, .dialysisTiming, .route, .hepatic, .condition, .age, .indication, .lab:
            if ownerDrug == nil { r.report("a '\(kind.rawValue)' rule belongs in a drug file", key: "kind") }
            return .predicate
        case .doseLimit:
            if ownerDrug == nil { r.report("a 'dose-limit' rule belongs in a drug file", key: "kind") }
            return f.object("limits", required: true, allowed: ["single", "daily", "weekly", "per48h", "singlePerKg", "dailyPerKg", "dosesPerDay", "dosesPerWeek",
                                                               "inclusive", "scaleBelowKidneyFunction"]) { l in
                decodeLimits(l, ownerDrug: ownerDrug)
            }.map { .doseLimit($0) }
        case .duration:
            if ownerDrug == nil { r.report("a 'duration' rule belongs in a drug file", key: "kind") }
            guard let days = f.number("maxDays") else { return nil }
            if days <= 0 { r.report("maxDays must be positive", key: "maxDays"); return nil }
            return .duration(maxDays: days)
        case .interaction:
            if let owner = ownerDrug {
                if f.has("between") { r.report("in a drug file, name the other side with 'with'", key: "between") }
                guard let other = f.object("with", required: true, { drugSet($0) }) else { return nil }
                if other.drugIDs.contains(drugs[Int(owner)].id) {
                    r.report("a drug cannot interact with itself", key: "with", code: .inconsistent)
                }
                let me = DrugSet(drugIDs: [drugs[Int(owner)].id], classIDs: [], members: [owner])
                return .interaction(me, other)
            }
            if f.has("with") { r.report("outside a drug file, name both sides with 'between'", key: "with") }
            guard let sides = f.array("between", required: true, { n in r.object(n).flatMap { drugSet($0) } }) else { return nil }
            guard sides.count == 2 else { r.report("'between' needs exactly two sides", key: "between"); return nil }
            // Two drugs of one class on both sides is a real pair (two anticoagulants); one drug
            // alone on both sides can only pair the drug with itself.
            if sides[0].classIDs.isEmpty, sides[1].classIDs.isEmpty, sides[0].drugIDs.count == 1, sides[0].drugIDs == sides[1].drugIDs {
                r.report("a drug cannot interact with itself", key: "between", code: .inconsistent)
            }
            return .interaction(sides[0], sides[1])
        case .depletion:
            if ownerDrug == nil { r.report("a 'depletion' rule belongs in a drug file", key: "kind") }
            guard let n = f.string("nutrient") else { return nil }
            guard let i = drugIndex[n] else { r.report("unknown drug '\(n)'", key: "nutrient", code: .unknownReference); return nil }
            return .depletion(nutrient: i)
        case .duplicate:
            if f.bool("sameDrug", required: false) == true { return .duplicateSameDrug }
            guard let c = f.string("class") else { return nil }
            guard let ci = classIndex[c] else { r.report("unknown class '\(c)'", key: "class", code: .unknownReference); return nil }
            return .duplicateClass(ci)
        case .cumulative:
            guard let ing = f.string("ingredient") else { return nil }
            guard let gi = ingredientIndex[ing] else { r.report("unknown ingredient '\(ing)'", key: "ingredient", code: .unknownReference); return nil }
            let t = f.object("daily", required: true, allowed: ["above", "atLeast"]) { d -> Threshold? in
                if d.has("above") && d.has("atLeast") { d.reader.report("give 'above' or 'atLeast', not both", code: .inconsistent); return nil }
                let key = d.has("above") ? "above" : "atLeast"
                guard let q = d.object(key, { quantity($0) }) else {
                    d.reader.report("give 'above' or 'atLeast' as a mass", code: .missingField)
                    return nil
                }
                guard q.unit == .mg else { d.reader.report("the threshold must be a mass (g, mg, mcg)", key: key, code: .invalidValue); return nil }
                return key == "above" ? .above(q.value) : .atLeast(q.value)
            }
            return t.map { .cumulative(ingredient: gi, threshold: $0) }
        case .cascade:
            let index = f.object("index", required: true) { drugSet($0) }
            let effect = f.string("adverseEffect")
            let window = f.integer("windowDays")
            if let window, window <= 0 { r.report("windowDays must be positive", key: "windowDays") }
            var indications: [String] = []
            let marker = f.object("marker", required: true) { m -> DrugSet? in
                indications = m.strings("indications") ?? []
                for (i, ind) in indications.enumerated() where indicationIndex[ind] == nil {
                    r.at("indications") { r.at(i) { r.report("unknown indication '\(ind)'", code: .unknownReference) } }
                }
                return drugSet(m, extraKeys: ["indications"], allowEmpty: !indications.isEmpty)
            }
            guard let index, let marker, let effect, let window else { return nil }
            if indications.isEmpty, Set(index.drugIDs) == Set(marker.drugIDs), Set(index.classIDs) == Set(marker.classIDs) {
                r.report("the marker is the same as the index", key: "marker", code: .inconsistent)
            }
            return .cascade(CascadePattern(index: index, adverseEffect: effect, marker: marker,
                                           markerIndications: indications, windowDays: window))
        }
    }

    private func decodeLimits(_ l: JSONFields, ownerDrug: Int32?) -> DoseLimits? {
        var limits = DoseLimits()
        let drug = ownerDrug.map { drugs[Int($0)] }
        func amount(_ key: String) -> Quantity? {
            guard let q = l.object(key, { quantity($0) }) else { return nil }
            if q.unit == .mgPerKg { l.reader.report("use singlePerKg or dailyPerKg for mg/kg limits", key: key); return nil }
            if let drug, drug.inDoseUnit(q) == nil {
                l.reader.report("\(q.unit.rawValue) does not convert to \(drug.id)'s dose unit \(drug.doseUnit.rawValue)", key: key, code: .inconsistent)
            }
            return q
        }
        func perKg(_ key: String) -> Double? {
            guard let q = l.object(key, { quantity($0) }) else { return nil }
            if q.unit != .mgPerKg { l.reader.report("must be in mg/kg", key: key); return nil }
            return q.value
        }
        limits.single = amount("single")
        limits.daily = amount("daily")
        limits.weekly = amount("weekly")
        limits.per48h = amount("per48h")
        limits.singlePerKg = perKg("singlePerKg")
        limits.dailyPerKg = perKg("dailyPerKg")
        limits.dosesPerDay = l.number("dosesPerDay", required: false)
        limits.dosesPerWeek = l.number("dosesPerWeek", required: false)
        limits.inclusive = l.bool("inclusive", required: false) ?? false
        if let k = l.number("scaleBelowKidneyFunction", required: false) {
            if k > 0 { limits.scaleBelowKidneyFunction = k } else { l.reader.report("must be above 0", key: "scaleBelowKidneyFunction", code: .inconsistent) }
        }
        if let s = limits.single?.value, let d = limits.daily?.value, limits.single?.unit == limits.daily?.unit, d < s {
            l.reader.report("daily limit is below the single-dose limit", code: .inconsistent)
        }
        if limits.isEmpty { l.reader.report("give at least one limit", code: .missingField); return nil }
        return limits
    }

    /// Decodes `{ "drugs": [...], "classes": [...] }`, checking every id.
    func drugSet(_ f: JSONFields, extraKeys: Set<String> = [], allowEmpty: Bool = false) -> DrugSet? {
        let r = f.reader
        guard r.object(f.node, allowed: extraKeys.isEmpty ? Self.drugSetKeys : Self.drugSetKeys.union(extraKeys)) != nil else { return nil }
        let ids = f.strings("drugs") ?? [], cls = f.strings("classes") ?? []
        var members = Set<Int32>()
        for (i, d) in ids.enumerated() {
            if let n = drugIndex[d] { members.insert(n) } else {
                r.at("drugs") { r.at(i) { r.report("unknown drug '\(d)'", code: .unknownReference) } }
            }
        }
        for (i, c) in cls.enumerated() {
            if let n = classIndex[c] { members.formUnion(classMembers[n]) } else {
                r.at("classes") { r.at(i) { r.report("unknown class '\(c)'", code: .unknownReference) } }
            }
        }
        if ids.isEmpty && cls.isEmpty && !allowEmpty { r.report("name at least one drug or class", code: .missingField) }
        return DrugSet(drugIDs: ids, classIDs: cls, members: members)
    }
}
