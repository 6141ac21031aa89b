/// Everything one screening reads: the patient, resolved entries and labs in canonical units.
struct ScreeningContext {
    let storage: Formulary.Storage
    let patient: Patient
    let asOf: Instant
    let orders: [ResolvedEntry]
    let medications: [ResolvedEntry]
    /// Orders then medications, built once per screening.
    let all: [ResolvedEntry]
    /// Orders then the medications not stopped before `asOf`, built once per screening.
    let active: [ResolvedEntry]
    /// Usable lab results: (lab index, canonical value, time), newest first.
    let labs: [(test: Int, value: Double, at: Instant?)]
    /// Lab results the checker could not use, as messages.
    let labProblems: [String]

    init(request: ScreeningRequest, formulary: Formulary, asOf: Instant) {
        storage = formulary.storage
        patient = request.patient
        self.asOf = asOf
        // Index loops with reserved capacity: no per-entry copy of the request's entries, no regrowth.
        let (given, current) = (request.orders, request.medications)
        var orders: [ResolvedEntry] = [], medications: [ResolvedEntry] = []
        orders.reserveCapacity(given.count)
        medications.reserveCapacity(current.count)
        for i in given.indices {
            orders.append(ResolvedEntry(given[i], id: given[i].id ?? String(i + 1), isOrder: true, formulary: formulary))
        }
        for i in current.indices {
            medications.append(ResolvedEntry(current[i], id: current[i].id ?? "med-\(i + 1)", isOrder: false, formulary: formulary))
        }
        var all = orders, active = orders
        all.reserveCapacity(orders.count + medications.count)
        active.reserveCapacity(orders.count + medications.count)
        let today = asOf.day
        for m in medications {
            all.append(m)
            if m.entry.stop.map({ $0 >= today }) ?? true { active.append(m) }
        }
        self.orders = orders
        self.medications = medications
        self.all = all
        self.active = active
        var labs: [(test: Int, value: Double, at: Instant?)] = []
        var problems: [String] = []
        for l in request.patient.labs {
            guard let t = formulary.storage.labIndex[l.test] ?? formulary.storage.labByLOINC[l.test] else {
                problems.append("lab test '\(l.test)' is not known"); continue
            }
            guard let v = formulary.storage.labs[t].canonical(l.value, unit: l.unit) else {
                problems.append("unit '\(l.unit)' is not known for \(formulary.storage.labs[t].id)"); continue
            }
            labs.append((t, v, l.at))
        }
        labs.sort { ($0.at?.secondsSinceEpoch ?? .max) > ($1.at?.secondsSinceEpoch ?? .max) }
        self.labs = labs
        labProblems = problems
    }

    /// Sessions a week for per-session doses.
    var sessionsPerWeek: Double? { patient.kidney.effectiveSessionsPerWeek }

    /// The newest result of `test` no older than `withinDays` (results in the future are ignored).
    func latestLab(_ test: Int, withinDays: Double?) -> Double? {
        for l in labs where l.test == test {
            guard let at = l.at else { return l.value }
            let age = asOf.days(since: at)
            if age < 0 { continue }
            if let withinDays, age > withinDays { continue }
            return l.value
        }
        return nil
    }

    /// True when a current medication (not stopped before `asOf`) is in `set`.
    func hasCurrent(in set: DrugSet) -> Bool {
        medications.contains { m in isCurrent(m) && (m.drug.map(set.contains) ?? false) }
    }

    /// True unless the medication's stop date is before the day of `asOf`.
    func isCurrent(_ m: ResolvedEntry) -> Bool {
        guard let stop = m.entry.stop else { return true }
        return stop >= asOf.day
    }

    /// Evaluates a predicate for `order`.
    func evaluate(_ p: Predicate, for order: ResolvedEntry) -> Truth {
        switch p {
        case .all(let list):
            var missing: MissingDatum?
            for q in list {
                switch evaluate(q, for: order) {
                case .no: return .no
                case .unknown(let m): if missing == nil { missing = m }
                case .yes: break
                }
            }
            return missing.map { .unknown($0) } ?? .yes
        case .any(let list):
            var missing: MissingDatum?
            for q in list {
                switch evaluate(q, for: order) {
                case .yes: return .yes
                case .unknown(let m): if missing == nil { missing = m }
                case .no: break
                }
            }
            return missing.map { .unknown($0) } ?? .no
        case .not(let q):
            switch evaluate(q, for: order) {
            case .yes: return .no
            case .no: return .yes
            case .unknown(let m): return .unknown(m)
            }
        case .dialysis(let mask):
            guard let d = patient.kidney.dialysis else {
                guard patient.kidney.dialysisUnspecified else { return .unknown(.dialysisStatus) }
                // On dialysis, modality not stated: a rule for every modality holds, a rule for
                // none does not, and a rule for some modalities cannot be decided.
                let onDialysis = DialysisModality.hemodialysis.bit | DialysisModality.peritoneal.bit | DialysisModality.crrt.bit
                if mask & onDialysis == onDialysis { return .yes }
                if mask & onDialysis == 0 { return .no }
                return .unknown(.dialysisModality)
            }
            return .of(mask & d.bit != 0)
        case .egfr(let r):
            guard let v = patient.kidney.egfr else { return .unknown(.egfr) }
            return .of(r.contains(v))
        case .crcl(let r):
            guard let v = patient.kidney.crcl else { return .unknown(.crcl) }
            return .of(r.contains(v))
        case .kidneyFunction(let r):
            // Any measure given (CrCl or eGFR) in range: the safer reading when the two disagree.
            let values = [patient.kidney.crcl, patient.kidney.egfr].compactMap { $0 }
            guard !values.isEmpty else { return .unknown(.kidneyFunction) }
            return .of(values.contains { r.contains($0) })
        case .age(let r):
            guard let v = patient.ageYears else { return .unknown(.age) }
            return .of(r.contains(v))
        case .hepatic(let mask):
            guard let h = patient.hepatic else { return .unknown(.hepatic) }
            return .of(mask & h.bit != 0)
        case .conditions(let ids):
            return .of(ids.contains { patient.conditions.contains($0) })
        case .indications(let ids):
            guard let i = order.entry.indication else { return .unknown(.indication) }
            return .of(ids.contains(i))
        case .routes(let mask):
            guard let r = order.route else { return .unknown(.route) }
            return .of(mask & r.bit != 0)
        case .timings(let mask):
            return .of(mask & order.timing.bit != 0)
        case .frequencies(let codes):
            guard let f = order.frequency else { return .unknown(.frequency) }
            return .of(codes.contains(f.code))
        case .regular(let b):
            guard let f = order.frequency else { return .unknown(.frequency) }
            return .of(f.isRegular == b)
        case .newStart(let b):
            let current = medications.contains { $0.drug != nil && $0.drug == order.drug && isCurrent($0) }
            return .of(current != b)
        case .current(let set):
            return .of(hasCurrent(in: set))
        case .notCurrent(let set):
            return .of(!hasCurrent(in: set))
        case .lab(let test, let threshold, let within):
            guard let v = latestLab(test, withinDays: within) else {
                return .unknown(.lab(storage.labs[test].id, withinDays: within))
            }
            return .of(threshold.holds(for: v))
        case .labMissing(let test, let within):
            return .of(latestLab(test, withinDays: within) == nil)
        }
    }
}
