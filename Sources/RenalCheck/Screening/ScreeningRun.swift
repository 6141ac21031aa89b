/// The mutable state of one screening: findings so far and, per order, the data rules lacked.
struct ScreeningRun {
    let ctx: ScreeningContext
    var findings: [Finding] = []
    /// Per order: each missing datum with the rules it blocked.
    var missing: [[MissingDatum: [Rule]]]
    /// Per order: labs a `labMissing` rule already reported.
    var reportedMissingLabs: [Set<String>]
    var unscreened: [Bool]

    init(ctx: ScreeningContext) {
        self.ctx = ctx
        missing = Array(repeating: [:], count: ctx.orders.count)
        reportedMissingLabs = Array(repeating: [], count: ctx.orders.count)
        unscreened = Array(repeating: false, count: ctx.orders.count)
    }

    var storage: Formulary.Storage { ctx.storage }

    func drugID(_ e: ResolvedEntry) -> String { e.drug.map { storage.drugs[Int($0)].id } ?? e.name }

    mutating func fire(_ rule: Rule, orders: [String], drugs: [String], note: String? = nil, severity: Severity? = nil,
                       comparison: DoseComparison? = nil) {
        findings.append(Finding(rule: rule, severity: severity ?? rule.severity, orderIDs: orders, drugs: drugs, note: note,
                                comparison: comparison))
    }

    /// Records a finding whose note is formatted only when read.
    mutating func fire(_ rule: Rule, orders: [String], drugs: [String], noteParts: FindingNote) {
        findings.append(Finding(rule: rule, severity: rule.severity, orderIDs: orders, drugs: drugs, noteParts: noteParts))
    }

    mutating func blocked(_ order: Int, by datum: MissingDatum, rule: Rule) {
        missing[order][datum, default: []].append(rule)
    }

    /// Applies a three-valued `when` result: runs `body` on yes, records the missing datum on unknown.
    mutating func when(_ truth: Truth, order: Int, rule: Rule, _ body: (inout ScreeningRun) -> Void) {
        switch truth {
        case .yes: body(&self)
        case .no: break
        case .unknown(let m): blocked(order, by: m, rule: rule)
        }
    }

    /// The ordered index of an order id, for sorting.
    func orderPosition(_ id: String) -> Int { ctx.orders.firstIndex { $0.id == id } ?? Int.max }

    func report(formulary: Formulary, requestID: String?) -> ScreeningReport {
        var all = findings
        var status = unscreened
        for (i, byDatum) in missing.enumerated() where !byDatum.isEmpty {
            let order = ctx.orders[i]
            var critical: [String] = [], gaps: [(String, Severity)] = []
            for (datum, rules) in byDatum {
                if case .lab(let test, _) = datum, reportedMissingLabs[i].contains(test) { continue }
                let text = "\(datum.described) for \(rules.map(\.id).joined(separator: ", "))"
                // Unscreened only when a number a dose or kidney rule of this order needs is missing
                // (or the checker's own dose arithmetic lacks it); every other gap is reported on a
                // screened order, never above minor.
                let needed = datum.isOrderCritical && rules.contains { r in
                    r === EngineRules.missingData || r.kind == .doseLimit || r.category == .renalDose
                        || r.category == .avoidInKidneyFailure || r.category == .route || r.severity >= .major
                }
                if needed { critical.append(text) } else { gaps.append((text, rules.map(\.severity).max() ?? .info)) }
            }
            if !critical.isEmpty {
                status[i] = true
                critical.sort()
                all.append(Finding(rule: EngineRules.missingData, severity: EngineRules.missingData.severity, orderIDs: [order.id],
                                   drugs: [drugID(order)], note: "Missing: " + critical.joined(separator: "; ") + "."))
            }
            if !gaps.isEmpty {
                gaps.sort { $0.0 < $1.0 }
                let severity: Severity = gaps.contains { $0.1 >= .major } ? .minor : .info
                all.append(Finding(rule: EngineRules.missingDataMinor, severity: severity, orderIDs: [order.id], drugs: [drugID(order)],
                                   note: "Not checked for lack of data: " + gaps.map(\.0).joined(separator: "; ") + "."))
            }
        }
        // Each finding's first order position, computed once (not per comparison); the comparator
        // is unchanged, so the order is exactly the one sorting the findings directly gives.
        let positions: [String: Int]? = ctx.orders.count > 8
            ? Dictionary(ctx.orders.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a }) : nil
        func position(_ id: String) -> Int? { positions.map { $0[id] } ?? ctx.orders.firstIndex { $0.id == id } }
        func firstOrder(_ f: Finding) -> Int {
            var best = Int.max
            for id in f.orderIDs { if let p = position(id), p < best { best = p } }
            return best
        }
        var keyed = all.map { (finding: $0, position: firstOrder($0)) }
        keyed.sort { x, y in
            let (a, b) = (x.finding, y.finding)
            if a.severity != b.severity { return a.severity > b.severity }
            let (pa, pb) = (x.position, y.position)
            if pa != pb { return pa < pb }
            return a.ruleID < b.ruleID
        }
        all = keyed.map(\.finding)
        let results = ctx.orders.enumerated().map { i, o in
            OrderResult(id: o.id, drug: drugID(o), status: status[i] ? .unscreened : .screened,
                        highestSeverity: all.first { $0.orderIDs.contains(o.id) }?.severity)
        }
        return ScreeningReport(
            formulary: .init(name: formulary.name, version: formulary.version, sha256: formulary.sha256),
            requestID: requestID, patientID: ctx.patient.id, asOf: ctx.asOf, orders: results, findings: all,
            unknownMedications: ctx.medications.filter { $0.drug == nil }.map(\.name))
    }
}
