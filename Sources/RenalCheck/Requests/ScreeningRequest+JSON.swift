internal import RenalCheckJSON

extension ScreeningRequest {
    /// Decodes a screening request from JSON (the public contract documented in the README).
    ///
    /// Structural problems (not JSON, a wrong type, a missing required field, an unknown field, an
    /// unknown condition, lab or lab unit, a non-positive dose, a date that does not exist, a
    /// request over ``RequestLimits``) are errors. A drug, dose unit, route, frequency, timing or
    /// indication the formulary does not know is *not* an error: the order is kept and reported
    /// as unscreened.
    ///
    /// A UTF-8 byte order mark (`EF BB BF`) at the very start is ignored, as RFC 8259 §8.1 allows:
    /// editors on Windows add one, and it carries no meaning. Line and column numbers in errors
    /// then count from the first character after it, as an editor shows them. Only one mark is
    /// skipped; text in UTF-16 or UTF-32 is rejected with an error saying so.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 JSON, with or without a leading byte order mark.
    ///   - source: a name for the input in messages (a file name, `stdin`, `line 12`).
    ///   - formulary: the formulary that defines conditions and labs.
    /// - Returns: the request.
    /// - Throws: ``RequestError/invalid(problems:)`` with file, line, column and JSON path.
    public static func decode(json bytes: [UInt8], source: String = "request", formulary: Formulary) throws(RequestError) -> ScreeningRequest {
        try InputDocument.decode(bytes, source: source, what: "request") { root, reader in
            RequestDecoder(reader: reader, formulary: formulary).request(root)
        }
    }

    /// Decodes a request from a `JSONNode` inside a larger document (FHIR and CDS Hooks adapters use the same rules).
    static func decode(node: JSONNode, reader: JSONReader, formulary: Formulary) -> ScreeningRequest? {
        RequestDecoder(reader: reader, formulary: formulary).request(node)
    }
}

/// Decodes the request shape; reports every problem through its reader.
struct RequestDecoder {
    let reader: JSONReader
    let formulary: Formulary

    func request(_ node: JSONNode) -> ScreeningRequest? {
        guard let f = reader.object(node, keys: Keys.request) else { return nil }
        let requestID = f.string("requestId", required: false).flatMap { id -> String? in
            guard id.utf8.count <= RequestLimits.maxRequestIDBytes else {
                reader.report("requestId is \(id.utf8.count) bytes; the limit is \(RequestLimits.maxRequestIDBytes)", key: "requestId", code: .tooLarge)
                return nil
            }
            return id
        }
        let asOf = f.string("asOf", required: false).flatMap { text -> Instant? in
            guard let t = Instant(iso: text) else { reader.report("not an ISO 8601 date-time with a zone (e.g. 2026-11-21T10:00:00Z)", key: "asOf"); return nil }
            return t
        }
        let patient = f.object("patient", required: true) { self.patient($0) }
        let meds = entries(f, key: "medications", limit: RequestLimits.maxMedications, required: false)
        let orders = entries(f, key: "orders", limit: RequestLimits.maxOrders, required: true)
        // Only an empty array is "empty": orders dropped because they were invalid are reported already.
        if let node = f.member("orders"), node.kind == .array, node.count == 0 { reader.report("'orders' is empty: give at least one proposed order", key: "orders", code: .missingField) }
        guard let patient else { return nil }
        return ScreeningRequest(requestID: requestID, asOf: asOf, patient: patient, medications: meds ?? [], orders: orders ?? [])
    }

    func text(_ f: JSONFields, _ key: String, required: Bool = false) -> String? {
        guard let s = f.string(key, required: required) else { return nil }
        if s.utf8.count > RequestLimits.maxStringBytes {
            reader.report("string is \(s.utf8.count) bytes; the limit is \(RequestLimits.maxStringBytes)", key: key, code: .tooLarge)
            return nil
        }
        return s
    }

    func number(_ f: JSONFields, _ key: String, in range: ClosedRange<Double>, exclusiveLow: Bool = false) -> Double? {
        guard let v = f.number(key, required: false) else { return nil }
        if v < range.lowerBound || v > range.upperBound || (exclusiveLow && v == range.lowerBound) {
            reader.report("\(Quantity.format(v)) is out of range (\(exclusiveLow ? "above" : "from") \(Quantity.format(range.lowerBound)) to \(Quantity.format(range.upperBound)))", key: key)
            return nil
        }
        return v
    }

    func patient(_ f: JSONFields) -> Patient? {
        guard reader.object(f.node, keys: Keys.patient) != nil else { return nil }
        var p = Patient()
        p.id = text(f, "id")
        p.ageYears = number(f, "ageYears", in: RequestLimits.ageYears)
        p.weightKg = number(f, "weightKg", in: RequestLimits.weightKg, exclusiveLow: true)
        p.sex = text(f, "sex")
        p.kidney = f.object("kidney", keys: Keys.kidney) { k in
            let unspecified = k.member("dialysis")?.string == "unspecified"
            return KidneyStatus(dialysis: unspecified ? nil : k.enumeration("dialysis", DialysisModality.self, required: false),
                                sessionsPerWeek: number(k, "sessionsPerWeek", in: RequestLimits.sessionsPerWeek),
                                egfr: number(k, "egfr", in: RequestLimits.kidneyFunction),
                                crcl: number(k, "crcl", in: RequestLimits.kidneyFunction),
                                dialysisUnspecified: unspecified)
        } ?? KidneyStatus()
        // `"hepatic": "unknown"` says the gap out loud; an absent `hepatic` means no impairment.
        if f.member("hepatic")?.string == "unknown" {
            p.hepaticUnknown = true
        } else {
            p.hepatic = f.enumeration("hepatic", HepaticImpairment.self, required: false)
        }
        p.conditions = conditionList(f, "conditions")
        p.conditionsUnknown = conditionList(f, "conditionsUnknown")
        if let labsNode = f.member("labs"), labsNode.count > RequestLimits.maxLabs {
            reader.report("\(labsNode.count) lab results; the limit is \(RequestLimits.maxLabs)", key: "labs", code: .tooLarge)
        } else {
            p.labs = f.array("labs") { lab($0) } ?? []
        }
        return p
    }

    /// A list of condition ids (`conditions`, `conditionsUnknown`), each checked against the formulary.
    func conditionList(_ f: JSONFields, _ key: String) -> [String] {
        let conditions = f.strings(key) ?? []
        if conditions.count > RequestLimits.maxConditions {
            reader.report("\(conditions.count) conditions; the limit is \(RequestLimits.maxConditions)", key: key, code: .tooLarge)
        }
        for (i, c) in conditions.enumerated() where formulary.condition(id: c) == nil {
            reader.at(key) { reader.at(i) {
                if c.utf8.count > RequestLimits.maxStringBytes {
                    reader.report("string is \(c.utf8.count) bytes; the limit is \(RequestLimits.maxStringBytes)", code: .tooLarge)
                } else {
                    reader.report("unknown condition; see formulary/conditions.json", code: .unknownReference)
                }
            } }
        }
        return conditions
    }

    func lab(_ node: JSONNode) -> LabResult? {
        guard let f = reader.object(node, keys: Keys.lab) else { return nil }
        let name = text(f, "test") ?? text(f, "loinc")
        if name == nil { reader.report("give 'test' (a lab id) or 'loinc'", code: .missingField) }
        let value = f.number("value"), unit = text(f, "unit", required: true)
        let at = text(f, "at").flatMap { s -> Instant? in
            guard let t = Instant(iso: s) else { reader.report("not an ISO 8601 date or date-time with a zone", key: "at"); return nil }
            return t
        }
        guard let name, let value, let unit else { return nil }
        if let why = RequestLimits.labProblem(value) { reader.report("value \(why)", key: "value"); return nil }
        guard let test = formulary.lab(named: name) else {
            reader.report("unknown lab test; known: \(formulary.labs.map(\.id).joined(separator: ", "))", key: f.has("test") ? "test" : "loinc", code: .unknownReference)
            return nil
        }
        if test.canonical(value, unit: unit) == nil {
            reader.report("unit '\(unit)' is not known for \(test.id); known: \(test.toCanonical.keys.sorted().joined(separator: ", "))", key: "unit")
            return nil
        }
        return LabResult(test: test.id, value: value, unit: unit, at: at)
    }

    func entries(_ f: JSONFields, key: String, limit: Int, required: Bool) -> [MedicationEntry]? {
        if let node = f.member(key), node.count > limit {
            reader.report("\(node.count) entries; the limit is \(limit)", key: key, code: .tooLarge)
            return nil
        }
        return f.array(key, required: required) { entry($0) }
    }

    func entry(_ node: JSONNode) -> MedicationEntry? {
        guard let f = reader.object(node, keys: Keys.entry) else { return nil }
        let drug: DrugReference?
        switch f.member("drug", required: true) {
        case .none: drug = nil
        case .some(let d) where d.kind == .string: drug = text(f, "drug").map { DrugReference.name($0) }
        case .some(let d) where d.kind != .object:
            reader.report("expected a string (a drug name) or an object ({\"rxnorm\": …} or {\"name\": …}), found \(d.kind.described)",
                          key: "drug", code: .wrongType)
            drug = nil
        case .some(let d):
            drug = reader.at("drug") { reader.object(d, keys: Keys.drug).flatMap { g in
                if let c = text(g, "rxnorm") { return .rxnorm(c) }
                if let n = text(g, "name") { return .name(n) }
                reader.report("give 'rxnorm' or 'name'", code: .missingField)
                return nil
            } }
        }
        if let d = drug, case .name(let n) = d, n.isEmpty { reader.report("drug name is empty", key: "drug") }
        var e = MedicationEntry(drug: drug ?? .name(""))
        e.id = text(f, "id")
        e.dose = f.object("dose", keys: Keys.dose) { d -> Dose? in
            guard let v = d.number("value"), let u = text(d, "unit", required: true) else { return nil }
            if !(v > 0) { reader.report("dose must be a positive amount, got \(Quantity.format(v))", key: "value"); return nil }
            if v > 1e7 { reader.report("dose \(Quantity.format(v)) is implausibly large", key: "value"); return nil }
            return Dose(value: v, unit: u)
        }
        e.route = text(f, "route")
        e.timing = text(f, "timing")
        e.indication = text(f, "indication")
        e.durationDays = number(f, "durationDays", in: 0...RequestLimits.maxDurationDays, exclusiveLow: true)
        let maxPerDay = number(f, "maxPerDay", in: 0...RequestLimits.maxDosesPerDay, exclusiveLow: true)
        if let node = f.member("frequency") {
            reader.at("frequency") { frequency(node, maxPerDay: maxPerDay, into: &e) }
        }
        e.start = date(f, "start")
        e.stop = date(f, "stop")
        if let s = e.start, let t = e.stop, t < s { reader.report("stop \(t) is before start \(s)", key: "stop", code: .inconsistent) }
        return drug == nil ? nil : e
    }

    func frequency(_ node: JSONNode, maxPerDay: Double?, into e: inout MedicationEntry) {
        if let code = node.string {
            if code.utf8.count > RequestLimits.maxStringBytes {
                reader.report("string is \(code.utf8.count) bytes; the limit is \(RequestLimits.maxStringBytes)", code: .tooLarge)
                return
            }
            if let f = Frequency(code: code, maxPerDay: maxPerDay) { e.frequency = f } else { e.unrecognizedFrequency = code }
            return
        }
        guard node.kind == .object else {
            reader.report("expected a string (a frequency code such as \"tid\") or an object ({\"times\": …, \"per\": …}), found \(node.kind.described)",
                          code: .wrongType)
            return
        }
        guard let g = reader.object(node, keys: Keys.frequency), let times = g.number("times"),
              let per = g.enumeration("per", Frequency.Period.self) else { return }
        let most = per == .week ? 7 * RequestLimits.maxDosesPerDay : RequestLimits.maxDosesPerDay
        guard times > 0, times <= most else {
            reader.report("\(Quantity.format(times)) times a \(per.rawValue) is not plausible (1 to \(Quantity.format(most)))", key: "times")
            return
        }
        e.frequency = Frequency(code: "\(Quantity.format(times))/\(per.rawValue)", schedule: .every(times: times, per: per))
    }

    func date(_ f: JSONFields, _ key: String) -> CalendarDay? {
        guard let s = text(f, key) else { return nil }
        if let d = CalendarDay(iso: s) { return d }
        if let i = Instant(iso: s) { return i.day }
        reader.report("not a date (YYYY-MM-DD)", key: key)
        return nil
    }
}
