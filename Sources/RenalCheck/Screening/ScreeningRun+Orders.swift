extension ScreeningRun {
    /// Drug rules for each proposed order: kidney bands, dose, timing, route, duration, labs …
    mutating func screenOrders() {
        for (i, o) in ctx.orders.enumerated() {
            guard let d = o.drug else {
                unscreened[i] = true
                fire(EngineRules.unknownDrug, orders: [o.id], drugs: [o.name],
                     note: "'\(o.name)' is not in \(storage.name) \(storage.version).")
                continue
            }
            let drug = storage.drugs[Int(d)]
            if !o.problems.isEmpty {
                unscreened[i] = true
                fire(EngineRules.notUnderstood, orders: [o.id], drugs: [drug.id],
                     note: "Not understood: " + o.problems.joined(separator: "; ") + ".")
            }
            if !drug.renalReviewed {
                unscreened[i] = true
                fire(EngineRules.notReviewed, orders: [o.id], drugs: [drug.id],
                     note: "\(drug.name) is in \(storage.name) \(storage.version) without a reviewed renal statement (a summary and a source).")
            }
            if o.quantity?.unit == .mgPerKg && (ctx.patient.weightKg ?? 0) <= 0 {
                blocked(i, by: .weight, rule: EngineRules.missingData)
            }
            if case .every(_, .dialysisSession)? = o.frequency?.schedule, ctx.patient.kidney.dialysis != .hemodialysis,
               ctx.patient.kidney.sessionsPerWeek == nil {
                blocked(i, by: .sessionsPerWeek, rule: EngineRules.missingData)
            }
            for ri in storage.rulesByDrug[Int(d)] {
                let rule = storage.rules[Int(ri)]
                let truth = rule.when.map { ctx.evaluate($0, for: o) } ?? .yes
                switch rule.body {
                case .predicate:
                    when(truth, order: i, rule: rule) { run in
                        run.fire(rule, orders: [o.id], drugs: [drug.id])
                        if case .labMissing(let t, _)? = rule.when { run.reportedMissingLabs[i].insert(run.storage.labs[t].id) }
                        if let p = rule.when, case .all(let parts) = p {
                            for case .labMissing(let t, _) in parts { run.reportedMissingLabs[i].insert(run.storage.labs[t].id) }
                        }
                    }
                case .depletion(let n):
                    when(truth, order: i, rule: rule) { run in
                        run.fire(rule, orders: [o.id], drugs: [drug.id], note: "Depletes: \(run.storage.drugs[Int(n)].name).")
                    }
                case .duration(let maxDays):
                    when(truth, order: i, rule: rule) { run in
                        if let days = o.entry.durationDays {
                            if days > maxDays {
                                run.fire(rule, orders: [o.id], drugs: [drug.id],
                                         note: "Ordered for \(Quantity.format(days)) days; the limit is \(Quantity.format(maxDays)) days.",
                                         comparison: DoseComparison(measure: .durationDays, ordered: days, limit: maxDays, unit: "days"))
                            }
                        } else {
                            run.fire(rule, orders: [o.id], drugs: [drug.id], note: "No duration was given; the limit is \(Quantity.format(maxDays)) days.",
                                     severity: .info)
                        }
                    }
                case .doseLimit(let limits):
                    if case .no = truth { continue }
                    let (exceeded, lacking, comparison) = check(limits, order: o, drug: drug)
                    if !exceeded.isEmpty {
                        when(truth, order: i, rule: rule) { run in
                            run.fire(rule, orders: [o.id], drugs: [drug.id], note: exceeded.joined(separator: " "), comparison: comparison)
                        }
                    } else if let m = lacking.first {
                        blocked(i, by: m, rule: rule)
                        // A unit the drug cannot be converted from is not understood, whatever the
                        // rule's severity: the order is unscreened, never quietly passed.
                        if case .conversion = m { blocked(i, by: m, rule: EngineRules.missingData) }
                    }
                default:
                    break
                }
            }
        }
    }

    /// Compares an order with dose limits.
    ///
    /// - Returns: a sentence per limit exceeded, the data lacking for limits not checked, and the
    ///   numbers of the first limit exceeded.
    func check(_ l: DoseLimits, order o: ResolvedEntry, drug: Drug) -> ([String], [MissingDatum], DoseComparison?) {
        let facts = DoseFacts(o, drug: drug, ctx: ctx)
        var exceeded: [String] = []
        var lacking: [MissingDatum] = []
        var first: DoseComparison?
        func crossed(_ measure: DoseComparison.Measure, _ ordered: Double, _ limit: Double, _ unit: String) {
            if first == nil { first = DoseComparison(measure: measure, ordered: ordered, limit: limit, unit: unit) }
        }
        let tolerance = 1 + 1e-9
        let freq = o.frequency?.description ?? "?"
        // `inclusive`: reaching the limit is a breach; otherwise only exceeding it.
        func over(_ value: Double, _ limit: Double) -> Bool { l.inclusive ? value >= limit / tolerance : value > limit * tolerance }
        // Amount limits shrink in proportion to kidney function below `scaleBelowKidneyFunction`
        // (the lower of CrCl and eGFR given: the safer reading).
        var scale = 1.0, scaleNote = ""
        if let ref = l.scaleBelowKidneyFunction,
           let kf = [ctx.patient.kidney.crcl, ctx.patient.kidney.egfr].compactMap({ $0 }).min(), kf < ref {
            scale = Swift.max(0, kf) / ref
            scaleNote = " (in proportion to kidney function \(Quantity.format(kf)) mL/min of \(Quantity.format(ref)))"
        }
        func amount(_ given: Quantity, times: Double?, timesMissing: MissingDatum?, label: String, measure: DoseComparison.Measure) {
            guard let perDose = facts.perDose else { lacking.append(facts.missingAmount ?? .dose); return }
            guard let times else { lacking.append(timesMissing ?? .frequency); return }
            let limit = Quantity(given.value * scale, given.unit)
            guard let max = drug.inDoseUnit(limit) else { return }
            let total = perDose * times
            if over(total, max) {
                let shown = drug.fromDoseUnit(total, to: limit.unit) ?? total
                let unit = drug.fromDoseUnit(total, to: limit.unit) == nil ? drug.doseUnit.rawValue : limit.unit.rawValue
                let how = times == 1 && label == "in one dose" ? "" : " (\(Quantity.format(drug.fromDoseUnit(perDose, to: limit.unit) ?? perDose)) \(unit) \(freq))"
                exceeded.append("Ordered \(Quantity.format(shown)) \(unit) \(label)\(how); the limit here is \(limit) \(label)\(scaleNote).")
                crossed(measure, shown, unit == limit.unit.rawValue ? limit.value : max, unit)
            }
        }
        if let s = l.single { amount(s, times: 1, timesMissing: nil, label: "in one dose", measure: .single) }
        if let d = l.daily { amount(d, times: facts.perDay, timesMissing: facts.missingFrequency, label: "a day", measure: .daily) }
        if let w = l.weekly { amount(w, times: facts.perWeek, timesMissing: facts.missingFrequency, label: "a week", measure: .weekly) }
        if let h = l.per48h { amount(h, times: facts.per48h, timesMissing: facts.missingFrequency, label: "in 48 hours", measure: .per48h) }
        if let s = l.singlePerKg {
            if let k = facts.perKg {
                if over(k, s) {
                    exceeded.append("Ordered \(Quantity.format(k)) mg/kg in one dose; the limit here is \(Quantity.format(s)) mg/kg.")
                    crossed(.singlePerKg, k, s, "mg/kg")
                }
            } else { lacking.append(facts.missingPerKg ?? .weight) }
        }
        if let s = l.dailyPerKg {
            if let k = facts.perKg, let n = facts.perDay {
                if over(k * n, s) {
                    exceeded.append("Ordered \(Quantity.format(k * n)) mg/kg a day; the limit here is \(Quantity.format(s)) mg/kg a day.")
                    crossed(.dailyPerKg, k * n, s, "mg/kg")
                }
            } else { lacking.append(facts.perKg == nil ? (facts.missingPerKg ?? .weight) : (facts.missingFrequency ?? .frequency)) }
        }
        if let n = l.dosesPerDay {
            if let p = facts.perDay {
                if p > n {
                    exceeded.append("Ordered \(Quantity.format(p)) doses a day; the limit here is \(Quantity.format(n)).")
                    crossed(.dosesPerDay, p, n, "doses")
                }
            } else { lacking.append(facts.missingFrequency ?? .frequency) }
        }
        if let n = l.dosesPerWeek {
            if let p = facts.perWeek {
                if p > n {
                    exceeded.append("Ordered \(Quantity.format(p)) doses a week; the limit here is \(Quantity.format(n)).")
                    crossed(.dosesPerWeek, p, n, "doses")
                }
            } else { lacking.append(facts.missingFrequency ?? .frequency) }
        }
        return (exceeded, lacking, first)
    }
}
