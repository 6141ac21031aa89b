internal import RenalCheckJSON

extension FormularyBuilder {
    static let predicateKeys: Set<String> = [
        "dialysis", "egfr", "crcl", "kidneyFunction", "ageYears", "hepatic", "conditions", "indications",
        "routes", "timings", "frequencies", "regular", "newStart", "current", "notCurrent", "alongside", "lab", "labMissing",
        "anyOf", "allOf", "not",
    ]

    /// Decodes a `when` predicate object; several keys combine with AND.
    func predicate(_ node: JSONNode, _ r: JSONReader) -> Predicate? {
        guard r.object(node, allowed: Self.predicateKeys) != nil else { return nil }
        let f = JSONFields(node: node, reader: r)
        var parts: [Predicate] = []
        node.forEachMember { key, value in
            if let p = r.at(key, { predicatePart(key, value, f, r) }) { parts.append(p) }
        }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private func predicatePart(_ key: String, _ value: JSONNode, _ f: JSONFields, _ r: JSONReader) -> Predicate? {
        switch key {
        case "dialysis": return bits(value, r, DialysisModality.self).map { .dialysis($0) }
        case "hepatic": return bits(value, r, HepaticImpairment.self).map { .hepatic($0) }
        case "routes": return bits(value, r, Route.self).map { .routes($0) }
        case "timings": return bits(value, r, DialysisTiming.self).map { .timings($0) }
        case "egfr": return range(value, r).map { .egfr($0) }
        case "crcl": return range(value, r).map { .crcl($0) }
        case "kidneyFunction": return range(value, r).map { .kidneyFunction($0) }
        case "ageYears": return range(value, r).map { .age($0) }
        case "conditions":
            return ids(value, r, known: conditionIndex, what: "condition").map { .conditions($0) }
        case "indications":
            return ids(value, r, known: indicationIndex, what: "indication").map { .indications($0) }
        case "frequencies":
            guard let codes = r.array(value, { r.string($0) }) else { return nil }
            for (i, c) in codes.enumerated() where Frequency(code: c) == nil {
                r.at(i) { r.report("unknown frequency '\(c)'") }
            }
            return .frequencies(codes.map { $0.lowercased() })
        case "regular", "newStart":
            guard let b = value.bool else { r.report("expected true or false", code: .wrongType); return nil }
            return key == "regular" ? .regular(b) : .newStart(b)
        case "current", "notCurrent", "alongside":
            guard let fields = r.object(value), let set = drugSet(fields) else { return nil }
            return key == "current" ? .current(set) : key == "alongside" ? .alongside(set) : .notCurrent(set)
        case "lab": return labPredicate(value, r)
        case "labMissing":
            guard let g = r.object(value, allowed: ["test", "withinDays"]), let test = g.string("test"),
                  let days = g.number("withinDays") else { return nil }
            guard let t = labIndex[test] else { r.report("unknown lab '\(test)'", key: "test", code: .unknownReference); return nil }
            if days <= 0 { r.report("withinDays must be positive", key: "withinDays") }
            return .labMissing(test: t, withinDays: days)
        case "anyOf", "allOf":
            guard let list = r.array(value, { predicate($0, r) }) else { return nil }
            if list.isEmpty { r.report("needs at least one predicate", code: .missingField) }
            return key == "anyOf" ? .any(list) : .all(list)
        case "not":
            return predicate(value, r).map { .not($0) }
        default:
            return nil
        }
    }

    private func labPredicate(_ value: JSONNode, _ r: JSONReader) -> Predicate? {
        guard let g = r.object(value, allowed: ["test", "below", "above", "atLeast", "atMost", "withinDays"]),
              let test = g.string("test") else { return nil }
        guard let t = labIndex[test] else { r.report("unknown lab '\(test)'", key: "test", code: .unknownReference); return nil }
        let lab = labs[t]
        var thresholds: [Threshold] = []
        for key in ["below", "above", "atLeast", "atMost"] {
            guard let q = g.object(key, allowed: ["value", "unit"], { q -> Double? in
                guard let v = q.number("value"), let u = q.string("unit") else { return nil }
                guard let c = lab.canonical(v, unit: u) else {
                    r.report("unit '\(u)' is not accepted for \(lab.id); accepted: \(lab.toCanonical.keys.sorted().joined(separator: ", "))", key: "unit")
                    return nil
                }
                return c
            }) else { continue }
            switch key {
            case "below": thresholds.append(.below(q))
            case "above": thresholds.append(.above(q))
            case "atLeast": thresholds.append(.atLeast(q))
            default: thresholds.append(.atMost(q))
            }
        }
        guard thresholds.count == 1 else {
            r.report("give exactly one of below, above, atLeast, atMost", code: thresholds.isEmpty ? .missingField : .inconsistent)
            return nil
        }
        let within = g.number("withinDays", required: false)
        if let within, within <= 0 { r.report("withinDays must be positive", key: "withinDays") }
        return .lab(test: t, threshold: thresholds[0], withinDays: within)
    }

    private func bits<E: RawRepresentable & BitSetMember>(_ node: JSONNode, _ r: JSONReader, _ type: E.Type) -> UInt8?
    where E.RawValue == String {
        guard let names = r.array(node, { r.string($0) }) else { return nil }
        var mask: UInt8 = 0
        for (i, n) in names.enumerated() {
            if let e = E(rawValue: n) { mask |= e.bit } else {
                r.at(i) { r.report("unknown value '\(n)'; expected one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))") }
            }
        }
        if names.isEmpty { r.report("list at least one value", code: .missingField) }
        return mask
    }

    private func range(_ node: JSONNode, _ r: JSONReader) -> NumericRange? {
        guard let f = r.object(node, allowed: ["below", "atMost", "atLeast", "above"]) else { return nil }
        let range = NumericRange(atLeast: f.number("atLeast", required: false), above: f.number("above", required: false),
                                 below: f.number("below", required: false), atMost: f.number("atMost", required: false))
        let lower = range.atLeast ?? range.above, upper = range.below ?? range.atMost
        if lower == nil && upper == nil {
            r.report("give a lower bound ('atLeast' or 'above'), an upper bound ('below' or 'atMost') or both", code: .missingField)
        }
        if range.atLeast != nil && range.above != nil { r.report("give 'atLeast' or 'above', not both", code: .inconsistent) }
        if range.below != nil && range.atMost != nil { r.report("give 'below' or 'atMost', not both", code: .inconsistent) }
        if let l = lower, let u = upper, range.atLeast != nil && range.atMost != nil ? l > u : l >= u {
            r.report("the range \(range.described) is empty", code: .inconsistent)
        }
        return range
    }

    private func ids(_ node: JSONNode, _ r: JSONReader, known: [String: Int], what: String) -> [String]? {
        guard let list = r.array(node, { r.string($0) }) else { return nil }
        for (i, id) in list.enumerated() where known[id] == nil {
            r.at(i) { r.report("unknown \(what) '\(id)'", code: .unknownReference) }
        }
        return list
    }
}
