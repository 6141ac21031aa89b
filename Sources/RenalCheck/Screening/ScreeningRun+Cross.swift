extension ScreeningRun {
    /// Every entry, orders first: (position, entry).
    var allEntries: [ResolvedEntry] { ctx.all }

    func label(_ e: ResolvedEntry) -> String { FindingNote.label(e, storage) }

    func unique(_ items: [String]) -> [String] {
        guard items.count > 1 else { return items }
        if items.count <= 16 {
            // A handful of ids: a linear scan is cheaper than hashing them.
            var out: [String] = []
            out.reserveCapacity(items.count)
            for s in items where !out.contains(s) { out.append(s) }
            return out
        }
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// Interactions between each proposed order and every other order and current medication.
    mutating func screenInteractions() {
        let entries = allEntries
        // (rule, lower entry index, higher entry index) packed: rules < 2^32, entries < 2^16.
        var emitted = Set<UInt64>()
        for (i, o) in ctx.orders.enumerated() {
            guard let d = o.drug else { continue }
            for ri in storage.interactionsByDrug[Int(d)] {
                let rule = storage.rules[Int(ri)]
                guard case .interaction(let a, let b) = rule.body else { continue }
                let (inA, inB) = (a.contains(d), b.contains(d))
                var partners: [ResolvedEntry] = []
                for (j, e) in entries.enumerated() where j != i {
                    // The same drug twice is duplication (screenDuplicates), never an interaction with itself.
                    guard let ed = e.drug, ed != d, (inA && b.contains(ed)) || (inB && a.contains(ed)) else { continue }
                    guard emitted.insert(UInt64(UInt32(ri)) << 32 | UInt64(min(i, j)) << 16 | UInt64(max(i, j))).inserted else { continue }
                    partners.append(e)
                }
                guard !partners.isEmpty else { continue }
                let truth = rule.when.map { ctx.evaluate($0, for: o) } ?? .yes
                when(truth, order: i, rule: rule) { run in
                    // One pass over the partners, without intermediate arrays.
                    var orderIDs = [o.id], drugs = [run.drugID(o)]
                    drugs.reserveCapacity(partners.count + 1)
                    for p in partners {
                        if p.isOrder { orderIDs.append(p.id) }
                        drugs.append(run.drugID(p))
                    }
                    run.fire(rule, orders: run.unique(orderIDs), drugs: run.unique(drugs),
                             noteParts: .interaction(run.storage, order: o, partners: partners))
                }
            }
        }
    }

    /// Orders and the medications not stopped before `asOf`: a stopped drug cannot double a dose.
    /// (Interactions and cascades still see stopped medications: washout and history matter there.)
    var activeEntries: [ResolvedEntry] { ctx.active }

    /// Duplicate therapy in a class, and the same drug ordered twice or ordered while current.
    mutating func screenDuplicates() {
        let entries = activeEntries
        for ri in storage.duplicateRules {
            let rule = storage.rules[Int(ri)]
            var groups: [[ResolvedEntry]] = []
            switch rule.body {
            case .duplicateClass(let c):
                // Members of the class, in entry order; a group when at least two drugs differ.
                var members: [ResolvedEntry] = []
                var first: Int32?
                var twoDrugs = false
                for e in entries {
                    guard let d = e.drug, storage.drugClasses[Int(d)].contains(c) else { continue }
                    members.append(e)
                    if let f = first { if f != d { twoDrugs = true } } else { first = d }
                }
                if twoDrugs { groups.append(members) }
            case .duplicateSameDrug:
                // Entries grouped by drug (drugs ascending, entries in order) by sorting
                // (drug, position) pairs: no dictionary of arrays per screening.
                var keyed: [(drug: Int32, at: Int)] = []
                keyed.reserveCapacity(entries.count)
                for (k, e) in entries.enumerated() { if let d = e.drug { keyed.append((d, k)) } }
                keyed.sort { $0.drug != $1.drug ? $0.drug < $1.drug : $0.at < $1.at }
                var start = 0
                while start < keyed.count {
                    var end = start + 1
                    while end < keyed.count && keyed[end].drug == keyed[start].drug { end += 1 }
                    defer { start = end }
                    guard end - start >= 2 else { continue }
                    // Entries that overlap in time with another entry of the same drug; sequential
                    // courses (titration steps with start dates and durations) are not duplicates.
                    let all = keyed[start..<end].map { entries[$0.at] }
                    // A dose timed after each dialysis session beside a maintenance dose of the
                    // same drug is the labelled supplement regimen (levetiracetam, gabapentin), not
                    // a duplicate.
                    let overlapping = all.enumerated().filter { i, a in
                        all.enumerated().contains { j, b in i != j && overlaps(a, b) && !isSupplementPair(a, b) }
                    }.map(\.element)
                    if overlapping.count >= 2 { groups.append(overlapping) }
                }
            default:
                continue
            }
            for group in groups {
                guard let first = group.first(where: \.isOrder), let i = ctx.orders.firstIndex(where: { $0.id == first.id }) else { continue }
                let truth = rule.when.map { ctx.evaluate($0, for: first) } ?? .yes
                let renewal = isRenewal(group)
                when(truth, order: i, rule: rule) { run in
                    var note = "Together: \(group.map(run.label).joined(separator: ", "))."
                    if renewal { note += " The order repeats the current medication exactly (a renewal?): make sure only one is given." }
                    run.fire(rule, orders: run.unique(group.filter(\.isOrder).map(\.id)), drugs: run.unique(group.map(run.drugID)),
                             note: note, severity: renewal ? .info : nil)
                }
            }
        }
    }

    /// The days an entry covers: from its start (an order without one starts at `asOf`) to its
    /// stop or start + duration (open-ended when neither is known, or the duration is out of range).
    func span(_ e: ResolvedEntry) -> (Int, Int) {
        let start = e.entry.start.map { Int($0.daysSinceEpoch) } ?? (e.isOrder ? Int(ctx.asOf.day.daysSinceEpoch) : Int.min / 2)
        if let stop = e.entry.stop { return (start, Int(stop.daysSinceEpoch) + 1) }
        if let days = e.entry.durationDays, ResolvedEntry.Given.validDuration(days), e.entry.start != nil || e.isOrder {
            return (start, start + Int(days.rounded(.up)))
        }
        return (start, Int.max / 2)
    }

    /// True when two entries are taken on at least one common day.
    func overlaps(_ a: ResolvedEntry, _ b: ResolvedEntry) -> Bool {
        let (sa, ea) = span(a), (sb, eb) = span(b)
        return sa < eb && sb < ea
    }

    /// True when exactly one of two entries of a drug is a post-dialysis supplement: timed after
    /// dialysis and given at most once a day (once, or once each session).
    func isSupplementPair(_ a: ResolvedEntry, _ b: ResolvedEntry) -> Bool {
        func supplement(_ e: ResolvedEntry) -> Bool {
            guard e.timing == .afterDialysis else { return false }
            guard let perDay = e.frequency?.dosesPerDay(sessionsPerWeek: ctx.sessionsPerWeek ?? 3) else { return true }
            return perDay <= 1
        }
        return supplement(a) != supplement(b)
    }

    /// True for one order that repeats one current medication's dose, route and frequency exactly.
    func isRenewal(_ group: [ResolvedEntry]) -> Bool {
        guard group.count == 2, group[0].drug == group[1].drug, group.filter(\.isOrder).count == 1 else { return false }
        let (a, b) = (group[0], group[1])
        return a.quantity != nil && a.quantity == b.quantity && a.route == b.route && a.frequency?.schedule == b.frequency?.schedule
    }

    /// Daily totals of an ingredient across every product ordered or current.
    mutating func screenCumulative() {
        let entries = activeEntries
        for ri in storage.cumulativeRules {
            let rule = storage.rules[Int(ri)]
            guard case .cumulative(let g, let threshold) = rule.body else { continue }
            var total = 0.0
            // Amounts and labels are formatted only when the rule fires (or blocks).
            var parts: [(amount: Double, entry: ResolvedEntry)] = []
            var skipped: [ResolvedEntry] = []
            var firstOrder: ResolvedEntry?
            for e in entries {
                guard let d = e.drug, let share = storage.drugs[Int(d)].ingredients.first(where: { $0.ingredient == g }) else { continue }
                if e.isOrder && firstOrder == nil { firstOrder = e }
                let drug = storage.drugs[Int(d)]
                let facts = DoseFacts(e, drug: drug, ctx: ctx)
                guard let perDose = facts.perDose, let perDay = facts.perDay, let mg = drug.fromDoseUnit(perDose * perDay, to: .mg) else {
                    skipped.append(e); continue
                }
                let amount = mg * share.mgPerMg
                total += amount
                parts.append((amount, e))
            }
            guard let order = firstOrder, let i = ctx.orders.firstIndex(where: { $0.id == order.id }) else { continue }
            if threshold.holds(for: total) {
                let truth = rule.when.map { ctx.evaluate($0, for: order) } ?? .yes
                let involved = entries.filter { e in e.drug.map { storage.drugs[Int($0)].ingredients.contains { $0.ingredient == g } } ?? false }
                when(truth, order: i, rule: rule) { run in
                    run.fire(rule, orders: run.unique(involved.filter(\.isOrder).map(\.id)), drugs: run.unique(involved.map(run.drugID)),
                             noteParts: .cumulative(run.storage, ingredient: g, total: total, parts: parts, skipped: skipped))
                }
            } else {
                for e in skipped { blocked(i, by: .doseOf(label(e)), rule: rule) }
            }
        }
    }

    func ingredientAmount(_ g: Int, _ mg: Double) -> String { FindingNote.ingredientAmount(g, mg, storage) }

    /// A proposed marker drug while an index drug of a cascade is current.
    mutating func screenCascades() {
        for (i, o) in ctx.orders.enumerated() {
            var candidates: [Int32] = []
            if let d = o.drug {
                for ri in storage.cascadesByDrug[Int(d)] where storage.rules[Int(ri)].cascade?.marker.contains(d) ?? false {
                    candidates.append(ri)
                }
            }
            if let ind = o.entry.indication, let more = storage.cascadesByIndication[ind] { candidates += more }
            // First occurrences only, in order (a linear scan while candidates are few).
            var seen = Set<Int32>()
            let few = candidates.count <= 16
            for (k, ri) in candidates.enumerated() where few ? !candidates[..<k].contains(ri) : seen.insert(ri).inserted {
                let rule = storage.rules[Int(ri)]
                guard let c = rule.cascade else { continue }
                // An order that states an indication other than the symptoms the cascade names is
                // not treating the index drug's adverse effect (baclofen for spasticity after a
                // stroke is not for statin myalgia): only an absent or matching indication fires.
                if let ind = o.entry.indication, !c.markerIndications.isEmpty, !c.markerIndications.contains(ind) { continue }
                let index = ctx.medications.filter { m in m.drug.map { c.index.contains($0) && $0 != o.drug } ?? false }
                guard !index.isEmpty else { continue }
                let truth = rule.when.map { ctx.evaluate($0, for: o) } ?? .yes
                when(truth, order: i, rule: rule) { run in
                    var drugs = index.map(run.drugID)
                    drugs.append(run.drugID(o))
                    run.fire(rule, orders: [o.id], drugs: run.unique(drugs),
                             noteParts: .cascade(run.storage, index: index, order: o, today: run.ctx.asOf.day, adverseEffect: c.adverseEffect))
                }
            }
        }
    }

    /// Current medications the formulary does not know, and lab results not understood.
    mutating func reportCoverage() {
        for m in ctx.medications where m.drug == nil {
            fire(EngineRules.unknownMedication, orders: [], drugs: [m.name], note: "'\(m.name)' is not in \(storage.name) \(storage.version).")
        }
        if !ctx.valueProblems.isEmpty {
            fire(EngineRules.valueOutOfRange, orders: [], drugs: [], note: ctx.valueProblems.joined(separator: "; ") + ".")
        }
        if !ctx.labProblems.isEmpty {
            fire(EngineRules.labNotUnderstood, orders: [], drugs: [], note: ctx.labProblems.joined(separator: "; ") + ".")
        }
    }
}
