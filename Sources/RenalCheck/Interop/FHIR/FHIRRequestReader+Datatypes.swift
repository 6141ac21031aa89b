internal import RenalCheckJSON

/// One `Coding` of a `CodeableConcept`.
struct FHIRCoding {
    var system: String?
    var code: String?
    var display: String?
}

extension FHIRRequestReader {
    /// The codings and text of a `CodeableConcept` member (wrong types are reported).
    func concept(_ f: JSONFields, _ key: String) -> (codings: [FHIRCoding], text: String?) {
        guard let node = f.member(key) else { return ([], nil) }
        return reader.at(key) { concept(node) }
    }

    /// The codings and text of a `CodeableConcept` node.
    func concept(_ node: JSONNode) -> (codings: [FHIRCoding], text: String?) {
        guard let c = reader.object(node) else { return ([], nil) }
        let codings = c.array("coding") { coding -> FHIRCoding? in
            guard let g = reader.object(coding) else { return nil }
            return FHIRCoding(system: text(g, "system"), code: text(g, "code"), display: text(g, "display"))
        } ?? []
        return (codings, text(c, "text"))
    }

    /// The codes of one system in a concept.
    func codes(_ concept: (codings: [FHIRCoding], text: String?), system: String) -> [String] {
        concept.codings.compactMap { $0.system == system ? $0.code : nil }
    }

    /// A string member no longer than ``RequestLimits/maxStringBytes`` (longer ones are reported).
    func text(_ f: JSONFields, _ key: String) -> String? {
        guard let s = f.string(key, required: false) else { return nil }
        guard s.utf8.count <= RequestLimits.maxStringBytes else {
            reader.report("string is \(s.utf8.count) bytes; the limit is \(RequestLimits.maxStringBytes)", key: key, code: .tooLarge)
            return nil
        }
        return s
    }

    /// A FHIR `dateTime`/`instant` member as an instant. `YYYY` and `YYYY-MM` mean the first day;
    /// a time without a zone is reported (FHIR requires the zone when a time is given).
    func instant(_ f: JSONFields, _ key: String) -> Instant? {
        guard let s = text(f, key) else { return nil }
        if let t = Instant(iso: s) { return t }
        if let d = partialDay(s) { return Instant(day: d) }
        reader.report("not a FHIR dateTime (a date, or a date-time with a zone)", key: key)
        return nil
    }

    /// A FHIR `date` member (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or the day of a `dateTime`.
    func day(_ f: JSONFields, _ key: String) -> CalendarDay? {
        guard let s = text(f, key) else { return nil }
        if let d = partialDay(s) { return d }
        if let t = Instant(iso: s) { return t.day }
        reader.report("not a FHIR date", key: key)
        return nil
    }

    private func partialDay(_ s: String) -> CalendarDay? {
        switch s.utf8.count {
        case 4: CalendarDay(iso: s + "-01-01")
        case 7: CalendarDay(iso: s + "-01")
        case 10: CalendarDay(iso: s)
        default: nil
        }
    }

    /// A `Quantity`: value, and the unit as a UCUM code when the system is UCUM (or absent), else
    /// the unit text.
    func quantity(_ f: JSONFields, _ key: String) -> (value: Double, code: String?, unit: String?)? {
        f.object(key) { q -> (value: Double, code: String?, unit: String?)? in
            guard let v = q.number("value", required: false) else { return nil }
            let system = text(q, "system")
            let code = system == nil || system == FHIRTerminology.ucum ? text(q, "code") : nil
            return (v, code, text(q, "unit"))
        }
    }
}
