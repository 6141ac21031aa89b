internal import RenalCheckJSON

extension FHIRRequestReader {
    /// The first `dosageInstruction`: dose, route, frequency, course and dialysis timing.
    ///
    /// More than one instruction (a taper, split doses) is kept as an unrecognised frequency so the
    /// order is reported as unscreened rather than screened on part of its schedule.
    func dosage(_ f: JSONFields, into e: inout MedicationEntry) {
        guard let list = f.member("dosageInstruction") else { return }
        reader.at("dosageInstruction") {
            guard list.kind == .array else { reader.report("expected an array, found \(list.kind.described)", code: .wrongType); return }
            guard let first = list.element(0) else { return }
            if list.count > 1 { e.unrecognizedFrequency = "\(list.count) dosageInstruction entries" }
            reader.at(0) {
                guard let d = reader.object(first) else { return }
                dose(d, into: &e)
                route(d, into: &e)
                timing(d, into: &e)
                var texts = [text(d, "text"), text(d, "patientInstruction")]
                textOnly(d, texts: texts.compactMap { $0 }, into: &e)
                _ = d.array("additionalInstruction") { node -> Bool? in
                    let c = concept(node)
                    texts.append(c.text)
                    texts += c.codings.map(\.display)
                    return true
                }
                let (timing, each) = dialysisPhrases(texts.compactMap { $0 })
                e.timing = timing
                if each, e.frequency == nil, e.unrecognizedFrequency == nil { e.frequency = Frequency(code: "each-dialysis") }
            }
        }
    }

    /// `doseAndRate`: the `ordered` entry, else the first; `doseQuantity`, or the high end of `doseRange`.
    func dose(_ d: JSONFields, into e: inout MedicationEntry) {
        guard let list = d.member("doseAndRate"), list.kind == .array, list.count > 0 else { return }
        var index = 0
        for i in 0..<list.count {
            if let t = list.element(i)?.member("type")?.member("coding")?.element(0)?.member("code")?.string, t == "ordered" { index = i }
        }
        guard let node = list.element(index) else { return }
        reader.at("doseAndRate") { reader.at(index) {
            guard let r = reader.object(node) else { return }
            let q = quantity(r, "doseQuantity") ?? r.object("doseRange") { range in quantity(range, "high") }
            guard let q else { return }
            let unit = q.code.map(FHIRTerminology.doseUnit(ucum:)) ?? q.unit ?? "(no unit)"
            e.dose = Dose(value: q.value, unit: unit)
        } }
    }

    /// `route`: a SNOMED CT route code, else the text or display as written.
    func route(_ d: JSONFields, into e: inout MedicationEntry) {
        let c = concept(d, "route")
        if let known = codes(c, system: FHIRTerminology.snomed).lazy.compactMap({ FHIRTerminology.routeSNOMED[$0] }).first {
            e.route = known
        } else if let written = c.text ?? c.codings.lazy.compactMap(\.display).first ?? c.codings.lazy.compactMap(\.code).first {
            e.route = written
        }
    }

    /// `timing`: `repeat` (frequency, frequencyMax, period, periodUnit, count, when, bounds) and
    /// `asNeeded[x]`; `timing.code` (BID, TID, QID, QD, QOD, Q4H, Q6H, AM, PM, WK) when there is no
    /// repeat. A schedule that cannot be expressed is kept as an unrecognised frequency.
    func timing(_ d: JSONFields, into e: inout MedicationEntry) {
        let asNeeded = d.bool("asNeededBoolean", required: false) == true || d.has("asNeededCodeableConcept")
        guard let t = d.member("timing") else {
            if asNeeded { e.frequency = Frequency(code: "prn", maxPerDay: nil) }
            return
        }
        reader.at("timing") {
            guard let tf = reader.object(t) else { return }
            let code = concept(tf, "code")
            guard let r = tf.object("repeat", { r in FHIRTimingRepeat(reader: self, r: r) }) else {
                // timing.code: a known code (any system: Epic and others send local codes), else
                // its text or display read as written text ("3 times daily").
                let codes = code.codings.compactMap(\.code)
                let written = [code.text] + code.codings.map(\.display)
                guard let first = codes.first ?? written.compactMap({ $0 }).first else {
                    if asNeeded { e.frequency = Frequency(code: "prn", maxPerDay: nil) }
                    return
                }
                var found: Frequency?
                for c in codes where found == nil {
                    found = Frequency(code: ["AM": "qam", "PM": "qpm", "WK": "weekly"][c.uppercased()] ?? c)
                }
                var fromText: String?
                for t in written.compactMap({ $0 }) where found == nil {
                    found = Sig.frequency(fromText: t)
                    if found != nil { fromText = t }
                }
                if asNeeded, let f = found, case .every(let n, .day) = f.schedule {
                    e.frequency = Frequency(code: "prn", maxPerDay: n)
                } else if let f = found {
                    e.frequency = asNeeded ? Frequency(code: "prn", maxPerDay: nil) : f
                } else {
                    let quoted = written.compactMap({ $0 }).first.map { "\"\($0)\"" }
                    e.unrecognizedFrequency = quoted ?? first
                }
                if let fromText { frequencyFromText = "timing.code text \"\(fromText)\"" }
                return
            }
            if let days = r.boundsDays { e.durationDays = days }
            if let s = r.boundsStart { e.start = s }
            if let s = r.boundsEnd { e.stop = s }
            e.frequency = nil
            if r.count == 1, r.period == nil { e.frequency = Frequency(code: "once"); return }
            guard let period = r.period else {
                if asNeeded { e.frequency = Frequency(code: "prn", maxPerDay: nil) }
                else if r.frequency != nil { e.unrecognizedFrequency = "timing.repeat without period" }
                return
            }
            let unit = r.periodUnit ?? "(no unit)"
            guard let unitDays = FHIRTerminology.days(ucumTime: unit), period > 0 else {
                e.unrecognizedFrequency = "\(Quantity.format(Double(r.frequency ?? 1))) per \(Quantity.format(period)) \(unit)"
                return
            }
            // frequencyMax is the upper bound of frequency: the larger of the two counts.
            let perDay = Double(max(r.frequencyMax ?? 0, r.frequency ?? 1)) / (period * unitDays)
            guard perDay <= 48 else {
                e.unrecognizedFrequency = "\(Quantity.format(perDay)) per day"
                return
            }
            if asNeeded {
                e.frequency = Frequency(code: "prn", maxPerDay: perDay)
            } else if perDay == 1, r.hasEveningDose {
                e.frequency = Frequency(code: "qhs")
            } else if unitDays >= 7 {
                let perWeek = perDay * 7
                e.frequency = Frequency(code: "\(Quantity.format(perWeek))/week", schedule: .every(times: perWeek, per: .week))
            } else {
                e.frequency = Frequency(code: "\(Quantity.format(perDay))/day", schedule: .every(times: perDay, per: .day))
            }
        }
    }

    /// When the structured dose or timing is missing, reads them from `text` or
    /// `patientInstruction` with the quick-form parser (``Sig/dose(fromText:)``,
    /// ``Sig/frequency(fromText:)``). A text whose schedule cannot be read leaves the order
    /// unscreened with the text quoted.
    func textOnly(_ d: JSONFields, texts: [String], into e: inout MedicationEntry) {
        guard !texts.isEmpty else { return }
        if e.dose == nil {
            for t in texts {
                if let dose = Sig.dose(fromText: t) { e.dose = dose; doseFromText = "dosageInstruction text \"\(t)\""; break }
            }
        }
        if e.frequency == nil, e.unrecognizedFrequency == nil, !d.has("timing") {
            for t in texts {
                if let f = Sig.frequency(fromText: t) { e.frequency = f; frequencyFromText = "dosageInstruction text \"\(t)\""; break }
            }
            if e.frequency == nil, !d.has("asNeededBoolean"), !d.has("asNeededCodeableConcept"),
               dialysisPhrases(texts).timing == nil, !dialysisPhrases(texts).eachSession {
                e.unrecognizedFrequency = "\"\(texts[0])\""
            }
        }
    }

    /// Dialysis timing written in the dosage text or additional instructions ("before dialysis",
    /// "post-HD", "on non-dialysis days"), and whether the dose is given with each session.
    func dialysisPhrases(_ texts: [String]) -> (timing: String?, eachSession: Bool) {
        var timing: String?
        var each = false
        let session: Set<String> = ["dialysis", "hd", "haemodialysis", "hemodialysis", "session"]
        for t in texts {
            let words = t.lowercased().split { !$0.isLetter }.map(String.init)
            for (i, w) in words.enumerated() {
                var j = i + 1
                if j < words.count, words[j] == "each" || words[j] == "every" { j += 1 }
                guard j < words.count, session.contains(words[j]) || (words[j] == "non" && j + 1 < words.count && words[j + 1] == "dialysis") else { continue }
                if ["each", "every", "per"].contains(w) || j > i + 1 { each = true }
                if timing != nil { continue }
                switch w {
                case "before", "pre": timing = DialysisTiming.beforeDialysis.rawValue
                case "during", "intradialytic": timing = DialysisTiming.duringDialysis.rawValue
                case "after", "post": timing = DialysisTiming.afterDialysis.rawValue
                case "on" where words[j] == "non": timing = DialysisTiming.nonDialysisDays.rawValue
                default: break
                }
            }
        }
        return (timing, each)
    }
}
