internal import RenalCheckJSON

extension FormularyBuilder {
    static let drugKeys: Set<String> = [
        "id", "name", "synonyms", "brands", "codes", "classes", "doseUnit", "unitConversions",
        "ingredients", "renal", "alternatives", "rules",
    ]

    /// Decodes a drug file's descriptive part (not its rules) and registers the drug.
    ///
    /// - Returns: the drug's index, or nil when the file is too broken to register.
    func decodeDrug(_ root: JSONNode, _ r: JSONReader, file: String, expectedID: String) -> Int32? {
        guard let f = r.object(root, allowed: Self.drugKeys), let id = f.string("id") else { return nil }
        checkID(id, key: "id", reader: r)
        if id != expectedID { r.report("id '\(id)' must match the file name '\(expectedID).json'", key: "id", code: .inconsistent) }
        if drugIndex[id] != nil { r.report("drug id '\(id)' is used twice", key: "id", code: .duplicateName); return nil }
        let index = Int32(drugs.count)
        let name = f.string("name") ?? id
        let synonyms = f.strings("synonyms") ?? []
        let brands = f.strings("brands") ?? []
        r.at("id") { claim(name: id, for: id, index: index, reader: r) }
        r.at("name") { claim(name: name, for: id, index: index, reader: r) }
        for (i, s) in synonyms.enumerated() { r.at("synonyms") { r.at(i) { claim(name: s, for: id, index: index, reader: r) } } }
        for (i, s) in brands.enumerated() { r.at("brands") { r.at(i) { claim(name: s, for: id, index: index, reader: r) } } }

        var rxnorm: [String] = [], atc: [String] = []
        _ = f.object("codes", allowed: ["rxnorm", "atc"]) { c -> Void? in
            rxnorm = c.strings("rxnorm") ?? []
            atc = c.strings("atc") ?? []
            for (i, code) in rxnorm.enumerated() {
                r.at("rxnorm") { r.at(i) {
                    if !code.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) || code.isEmpty { r.report("RxCUI '\(code)' must be digits") }
                    claim(code: code, system: "rxnorm", for: id, index: index, reader: r)
                } }
            }
            for (i, code) in atc.enumerated() {
                r.at("atc") { r.at(i) { claim(code: code, system: "atc", for: id, index: index, reader: r) } }
            }
            return ()
        }

        let classIDs = f.strings("classes") ?? []
        var classNumbers: [Int] = []
        for (i, c) in classIDs.enumerated() {
            if let n = classIndex[c] { classNumbers.append(n); classMembers[n].append(index) } else {
                r.at("classes") { r.at(i) { r.report("unknown class '\(c)'", code: .unknownReference) } }
            }
        }

        var doseUnit = BaseUnit.mg
        if let text = f.string("doseUnit") {
            if let parsed = BaseUnit.parse(text), parsed.factor == 1, parsed.unit != .mgPerKg { doseUnit = parsed.unit } else {
                r.report("doseUnit '\(text)' must be one of mg, IU, mEq, mmol, mL", key: "doseUnit")
            }
        }
        var toDose: [BaseUnit: Double] = [doseUnit: 1]
        _ = f.array("unitConversions") { node -> Void? in
            guard let c = r.object(node, allowed: ["unit", "equals"]), let u = c.string("unit"),
                  let eq = c.object("equals", required: true, { quantity($0) }) else { return nil }
            guard let from = BaseUnit.parse(u), from.unit != .mgPerKg else { r.report("unknown unit '\(u)'", key: "unit"); return nil }
            // A conversion multiplies every dose: zero would make any dose 0 and a limit never fire.
            guard eq.value > 0, eq.value.isFinite, from.factor > 0 else {
                r.at("equals") { r.report("a conversion must be a positive amount", key: "value", code: .invalidValue) }
                return nil
            }
            // "1 u = eq": either side may be the drug's dose unit; store the factor to the dose unit.
            if eq.unit == doseUnit, from.unit != doseUnit {
                toDose[from.unit] = eq.value / from.factor
            } else if from.unit == doseUnit, eq.unit != doseUnit, eq.value > 0 {
                toDose[eq.unit] = from.factor / eq.value
            } else {
                r.report("a conversion must link the drug's dose unit (\(doseUnit.rawValue)) with another unit", code: .inconsistent)
            }
            return ()
        }

        var amounts: [Drug.IngredientAmount] = []
        _ = f.array("ingredients") { node -> Void? in
            guard let g = r.object(node, allowed: ["ingredient", "amount", "per"]), let ing = g.string("ingredient") else { return nil }
            let amount = g.object("amount", required: true) { quantity($0) }
            let per = g.object("per", required: true) { quantity($0) }
            guard let gi = ingredientIndex[ing] else { r.report("unknown ingredient '\(ing)'", key: "ingredient", code: .unknownReference); return nil }
            guard let amount, let per, amount.unit == .mg, per.unit == .mg, per.value > 0 else {
                r.report("ingredient 'amount' and 'per' must be positive masses", code: .invalidValue)
                return nil
            }
            amounts.append(Drug.IngredientAmount(ingredient: gi, ingredientID: ing, mgPerMg: amount.value / per.value))
            return ()
        }

        let renal = f.object("renal", allowed: ["summary", "fractionExcretedUnchanged", "halfLifeHours", "dialysability", "sources"]) {
            decodeRenal($0)
        }
        let alternatives = f.string("alternatives", required: false)
        // Every drug needs a reviewed renal statement (a summary and a source): an order of an
        // unreviewed drug would otherwise pass with no findings. The screening engine reports such
        // orders as unscreened too, for formularies built before this check.
        if Self.requireReviewedRenal && !(renal.map { !$0.summary.allSatisfy(\.isWhitespace) && !$0.sourceIDs.isEmpty } ?? false) {
            f.reader.report("drug '\(id)' has no reviewed renal statement: give renal.summary and at least one renal.sources id "
                            + "(\"no dose adjustment in kidney failure, per the label\" counts)", key: "renal", code: .missingField)
        }

        drugIndex[id] = index
        drugClasses.append(classNumbers)
        rulesByDrug.append([]); interactionsByDrug.append([]); cascadesByDrug.append([])
        drugs.append(Drug(id: id, name: name, synonyms: synonyms, brands: brands, rxnorm: rxnorm, atc: atc,
                          classIDs: classIDs, doseUnit: doseUnit, toDoseUnit: toDose, ingredients: amounts,
                          renal: renal, alternatives: alternatives, file: file))
        return index
    }

    /// Decodes `{ "value": n, "unit": "mg" }` into a base-unit quantity.
    func quantity(_ f: JSONFields) -> Quantity? {
        guard f.reader.object(f.node, allowed: ["value", "unit"]) != nil,
              let value = f.number("value"), let unit = f.string("unit") else { return nil }
        guard let q = Quantity(value: value, unitText: unit) else {
            f.reader.report("unknown unit '\(unit)'; expected mg, g, mcg, IU, mEq, mmol, mL or mg/kg", key: "unit")
            return nil
        }
        if value < 0 { f.reader.report("value must not be negative", key: "value") }
        return q
    }

    private func decodeRange(_ f: JSONFields, key: String) -> RenalProfile.Range? {
        f.object(key, allowed: ["low", "high"]) { g -> RenalProfile.Range? in
            guard let low = g.number("low"), let high = g.number("high") else { return nil }
            if low > high || low < 0 { g.reader.report("need 0 ≤ low ≤ high", code: .inconsistent) }
            return RenalProfile.Range(low: low, high: high)
        }
    }

    /// True when the validator refuses a drug without a reviewed renal statement.
    static let requireReviewedRenal = true

    private func decodeRenal(_ f: JSONFields) -> RenalProfile? {
        let r = f.reader
        let summary = f.string("summary") ?? ""
        var fraction: RenalProfile.Range?
        var fractionSources: [String] = []
        _ = f.object("fractionExcretedUnchanged", allowed: ["low", "high", "sources"]) { g -> Void? in
            if let low = g.number("low"), let high = g.number("high") {
                if !(0...1).contains(low) || !(0...1).contains(high) || low > high { r.report("need 0 ≤ low ≤ high ≤ 1", code: .inconsistent) }
                fraction = RenalProfile.Range(low: low, high: high)
            }
            fractionSources = resolveSources(g).map(\.id)
            return ()
        }
        var normal: RenalProfile.Range?, failure: RenalProfile.Range?
        var halfSources: [String] = []
        _ = f.object("halfLifeHours", allowed: ["normal", "kidneyFailure", "sources"]) { g -> Void? in
            normal = decodeRange(g, key: "normal")
            failure = decodeRange(g, key: "kidneyFailure")
            halfSources = resolveSources(g).map(\.id)
            return ()
        }
        let dialysability = f.array("dialysability") { node -> RenalProfile.Dialysability? in
            guard let d = r.object(node, allowed: ["modality", "removal", "note", "sources"]) else { return nil }
            let modality = d.enumeration("modality", DialysisModality.self)
            let removal = d.string("removal") ?? ""
            if !["yes", "partly", "no", "unknown"].contains(removal) { r.report("removal must be yes, partly, no or unknown", key: "removal") }
            if modality == DialysisModality.none { r.report("modality must be a dialysis modality", key: "modality") }
            let note = d.string("note", required: false)
            let ids = resolveSources(d, required: removal != "unknown").map(\.id)
            guard let modality else { return nil }
            return RenalProfile.Dialysability(modality: modality, removal: removal, note: note, sourceIDs: ids)
        } ?? []
        // The profile's own sources are required once it states facts beyond a summary.
        let statesFacts = fraction != nil || normal != nil || failure != nil || !dialysability.isEmpty
        let ids = resolveSources(f, required: statesFacts).map(\.id)
        return RenalProfile(summary: summary, fractionExcretedUnchanged: fraction, fractionSourceIDs: fractionSources,
                            halfLifeNormal: normal, halfLifeKidneyFailure: failure, halfLifeSourceIDs: halfSources,
                            dialysability: dialysability, sourceIDs: ids)
    }
}
