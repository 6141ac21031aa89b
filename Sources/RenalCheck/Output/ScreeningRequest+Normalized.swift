internal import RenalCheckJSON

extension ScreeningRequest {
    /// The request as the checker will read it, as JSON: clinical drugs resolved
    /// (``resolvingClinicalDrugs(formulary:rxnorm:)``), each drug with the formulary drug it
    /// resolves to (or `null`), doses also in canonical units, frequencies with doses a day, the
    /// kidney and dialysis status, labs in canonical units, and ``provenance`` (where each mapped
    /// value came from). `renalcheck screen --show-request` prints it, so an integrator can check
    /// a mapping before trusting the findings.
    ///
    /// - Parameters:
    ///   - formulary: the formulary that names drugs and labs.
    ///   - rxnorm: the site's RxNorm map, if any.
    ///   - indent: spaces per level (0: one line).
    public func normalizedJSONBytes(formulary: Formulary, rxnorm: RxNormMap? = nil, indent: Int = 2) -> [UInt8] {
        let r = resolvingClinicalDrugs(formulary: formulary, rxnorm: rxnorm)
        var w = JSONWriter(indent: indent)
        func number(_ key: String, _ v: Double?) { if let v { w.key(key); w.number(v) } }
        w.beginObject()
        w.member("asOf", r.asOf?.description)
        w.key("patient"); w.beginObject()
        w.member("id", r.patient.id)
        number("ageYears", r.patient.ageYears)
        number("weightKg", r.patient.weightKg)
        w.member("sex", r.patient.sex)
        w.key("kidney"); w.beginObject()
        let k = r.patient.kidney
        w.member("dialysis", k.dialysis?.rawValue ?? (k.dialysisUnspecified ? "unspecified" : nil))
        number("sessionsPerWeek", k.effectiveSessionsPerWeek)
        number("egfr", k.egfr)
        number("crcl", k.crcl)
        w.endObject()
        w.member("hepatic", r.patient.hepatic?.rawValue)
        w.member("conditions", strings: r.patient.conditions)
        w.key("labs"); w.beginArray()
        for l in r.patient.labs {
            w.beginObject()
            w.member("test", l.test)
            number("value", l.value)
            w.member("unit", l.unit)
            if let t = formulary.lab(named: l.test), let v = t.canonical(l.value, unit: l.unit) {
                w.key("canonical"); w.beginObject(); number("value", v); w.member("unit", t.unit); w.endObject()
            }
            w.member("at", l.at?.description)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        for (key, list) in [("orders", r.orders), ("medications", r.medications)] {
            w.key(key); w.beginArray()
            for e in list { Self.write(e, formulary: formulary, sessions: k.effectiveSessionsPerWeek, to: &w) }
            w.endArray()
        }
        w.key("provenance"); w.beginObject()
        for key in r.provenance.keys.sorted() { w.member(key, r.provenance[key]) }
        w.endObject()
        w.endObject()
        return w.bytes + [0x0A]
    }

    private static func write(_ e: MedicationEntry, formulary: Formulary, sessions: Double?, to w: inout JSONWriter) {
        w.beginObject()
        w.member("id", e.id)
        w.key("drug"); w.beginObject()
        w.member("given", e.drug.description)
        w.member("rxcui", e.rxcui)
        let drug: Drug? = switch e.drug {
        case .name(let n): formulary.drug(named: n)
        case .rxnorm(let c): formulary.drug(rxcui: c)
        }
        w.key("resolved")
        if let drug { w.string(drug.id) } else { w.null() }
        w.endObject()
        if let d = e.dose {
            w.key("dose"); w.beginObject()
            w.key("value"); w.number(d.value)
            w.member("unit", d.unit)
            if let q = d.quantity {
                w.key("canonical"); w.beginObject(); w.key("value"); w.number(q.value); w.member("unit", q.unit.rawValue); w.endObject()
            }
            w.endObject()
        }
        w.member("route", e.route)
        if let f = e.frequency {
            w.key("frequency"); w.beginObject()
            w.member("code", f.code)
            if let perDay = f.dosesPerDay(sessionsPerWeek: sessions ?? .nan), perDay.isFinite { w.key("perDay"); w.number(perDay) }
            w.endObject()
        }
        w.member("unrecognizedFrequency", e.unrecognizedFrequency)
        w.member("timing", e.timing)
        if let days = e.durationDays { w.key("durationDays"); w.number(days) }
        w.member("indication", e.indication)
        w.member("start", e.start?.description)
        w.member("stop", e.stop?.description)
        w.endObject()
    }
}
