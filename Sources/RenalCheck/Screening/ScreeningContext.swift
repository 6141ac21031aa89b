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
    /// Patient values dropped because they are not finite or out of their documented range.
    let valueProblems: [String]

    init(request: ScreeningRequest, formulary: Formulary, asOf: Instant) {
        storage = formulary.storage
        (patient, valueProblems) = Self.usable(request.patient)
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
            if RequestLimits.labProblem(l.value) != nil {
                problems.append("a lab value is not a finite number within range"); continue
            }
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

    /// The patient with every number that is not finite or in its documented range removed (so
    /// rules that need it report it missing instead of comparing with NaN), and what was removed.
    static func usable(_ given: Patient) -> (Patient, [String]) {
        var p = given
        var problems: [String] = []
        func check(_ v: inout Double?, _ name: String, _ range: ClosedRange<Double>, exclusiveLow: Bool = false) {
            guard let x = v, let why = RequestLimits.problem(x, in: range, exclusiveLow: exclusiveLow) else { return }
            problems.append("\(name) \(why)")
            v = nil
        }
        check(&p.ageYears, "age", RequestLimits.ageYears)
        check(&p.weightKg, "weight", RequestLimits.weightKg, exclusiveLow: true)
        check(&p.kidney.sessionsPerWeek, "sessions a week", RequestLimits.sessionsPerWeek)
        check(&p.kidney.egfr, "eGFR", RequestLimits.kidneyFunction)
        check(&p.kidney.crcl, "CrCl", RequestLimits.kidneyFunction)
        return (p, problems)
    }

    /// Sessions a week for per-session doses.
    var sessionsPerWeek: Double? { patient.kidney.effectiveSessionsPerWeek }

    /// The newest result of `test` no older than `withinDays` (results in the future are ignored).
    ///
    /// A result without a date is taken as current, but it never hides a dated one: when both
    /// exist the newest dated result in the window is returned; ``labCandidates(_:withinDays:)``
    /// gives every reading a rule must consider.
    func latestLab(_ test: Int, withinDays: Double?) -> Double? {
        labCandidates(test, withinDays: withinDays).first
    }

    /// Every result that could be the patient's current value of `test`: the newest dated result
    /// no older than `withinDays` (future ones ignored), then every undated result.
    ///
    /// An undated result may be older or newer than a dated one, so neither may hide the other: a
    /// threshold rule fires when any candidate meets it (the safer reading of a conflict).
    func labCandidates(_ test: Int, withinDays: Double?) -> [Double] {
        var dated: Double?
        var undated: [Double] = []
        for l in labs where l.test == test {
            guard let at = l.at else { undated.append(l.value); continue }
            if dated != nil { continue }
            let age = asOf.days(since: at)
            if age < 0 { continue }
            if let withinDays, age > withinDays { continue }
            dated = l.value
        }
        return (dated.map { [$0] } ?? []) + undated
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
    ///
    /// Where the request allows more than one reading — an order of several doses a day timed
    /// "after dialysis" (one dose may be, the others cannot be), or a dated and an undated lab
    /// result — the reading that makes the rule apply is taken: a positive `timings` or `lab`
    /// holds when any reading meets it, and under `not` the inner predicate must hold for every
    /// reading. So an exemption (`not: {timings: [after-dialysis]}`) never switches a limit off
    /// for doses it does not describe.
    ///
    /// - Parameters:
    ///   - p: the predicate.
    ///   - order: the order or medication it is evaluated for.
    ///   - negated: true inside an odd number of `not`s (set by the recursion).
    func evaluate(_ p: Predicate, for order: ResolvedEntry, negated: Bool = false) -> Truth {
        switch p {
        case .all(let list):
            var missing: MissingDatum?
            for q in list {
                switch evaluate(q, for: order, negated: negated) {
                case .no: return .no
                case .unknown(let m): if missing == nil { missing = m }
                case .yes: break
                }
            }
            return missing.map { .unknown($0) } ?? .yes
        case .any(let list):
            var missing: MissingDatum?
            for q in list {
                switch evaluate(q, for: order, negated: negated) {
                case .yes: return .yes
                case .unknown(let m): if missing == nil { missing = m }
                case .no: break
                }
            }
            return missing.map { .unknown($0) } ?? .no
        case .not(let q):
            switch evaluate(q, for: order, negated: !negated) {
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
            // Not stated is no impairment (a problem-list reading); `"hepatic": "unknown"` is a gap.
            guard let h = patient.hepatic ?? (patient.hepaticUnknown ? nil : HepaticImpairment.none) else { return .unknown(.hepatic) }
            return .of(mask & h.bit != 0)
        case .conditions(let ids):
            // A condition not stated is absent, unless the request lists it as unknown.
            if ids.contains(where: { patient.conditions.contains($0) }) { return .yes }
            if let gap = ids.first(where: { patient.conditionsUnknown.contains($0) }) { return .unknown(.condition(gap)) }
            return .no
        case .indications(let ids):
            guard let i = order.entry.indication else { return .unknown(.indication) }
            return .of(ids.contains(i))
        case .routes(let mask):
            guard let r = order.route else { return .unknown(.route) }
            return .of(mask & r.bit != 0)
        case .timings(let mask):
            // A timing around a session (before, during, after) describes every dose only when
            // there is at most one a day; otherwise the other doses are untimed (`any`). "On
            // non-dialysis days" describes the day, so every dose of it.
            var readings = [order.timing]
            let perDay = order.frequency?.dosesPerDay(sessionsPerWeek: sessionsPerWeek ?? 3)
            if order.timing != .any, order.timing != .nonDialysisDays, perDay.map({ $0 > 1 }) ?? true { readings.append(.any) }
            let holds = readings.map { mask & $0.bit != 0 }
            return .of(negated ? !holds.contains(false) : holds.contains(true))
        case .frequencies(let codes):
            guard let f = order.frequency else { return .unknown(.frequency) }
            let code = Frequency.canonical(f.code)
            return .of(codes.contains { Frequency.canonical($0) == code })
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
        case .alongside(let set):
            // Another order (not this one) or a current medication not stopped, of a different drug.
            let other = orders.contains { $0.id != order.id && $0.drug != order.drug && ($0.drug.map(set.contains) ?? false) }
            return .of(other || medications.contains { m in isCurrent(m) && m.drug != order.drug && (m.drug.map(set.contains) ?? false) })
        case .lab(let test, let threshold, let within):
            let values = labCandidates(test, withinDays: within)
            guard !values.isEmpty else { return .unknown(.lab(storage.labs[test].id, withinDays: within)) }
            let holds = values.map(threshold.holds(for:))
            return .of(negated ? !holds.contains(false) : holds.contains(true))
        case .labMissing(let test, let within):
            return .of(latestLab(test, withinDays: within) == nil)
        }
    }
}
