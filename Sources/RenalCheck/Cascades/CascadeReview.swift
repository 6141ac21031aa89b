/// Finds prescribing cascades in one patient's medication timeline.
///
/// A cascade is suspected when a marker drug (or an entry with a marker indication) starts after an
/// index drug, within the cascade's window, while the index drug is still taken. Starts on the same
/// day are not ordered and are not reported. Consecutive cascades that share a drug are reported as
/// chains (A → B → C).
public struct CascadeReview: Sendable {
    /// The formulary whose `cascades.json` patterns are applied.
    public let formulary: Formulary

    /// Most suspected cascades one review reports.
    public static let maxSuspicions = 10_000
    /// Most chains one review reports.
    public static let maxChains = 1_000
    /// Most steps spent enumerating chains (paths through the index → marker edges can be
    /// exponentially many: a 140-entry timeline once took 25 s, 3.8 GB and wrote 1.5 GB).
    public static let maxChainSteps = 200_000

    /// Creates a reviewer.
    public init(formulary: Formulary) { self.formulary = formulary }

    /// Reviews a timeline.
    ///
    /// - Returns: every suspected cascade, earliest index first, and the chains they form.
    /// - Throws: ``CascadeReviewError`` when the timeline needs more than the documented bounds
    ///   (``maxSuspicions``, ``maxChains``, ``maxChainSteps``; the timeline itself is limited to
    ///   ``MedicationTimeline/maxEntries`` entries).
    public func review(_ timeline: MedicationTimeline) throws(CascadeReviewError) -> CascadeReviewReport {
        guard timeline.history.count <= MedicationTimeline.maxEntries else { throw .tooManyEntries(limit: MedicationTimeline.maxEntries) }
        let s = formulary.storage
        struct Item { let name: String; let drug: Int32?; let start: CalendarDay; let stop: CalendarDay?; let indication: String? }
        let items = timeline.history.compactMap { e -> Item? in
            guard let start = e.start else { return nil }
            let drug: Int32? = switch e.drug {
            case .name(let n): formulary.index(ofDrugNamed: n)
            case .rxnorm(let c): s.byRxCUI[c]
            }
            return Item(name: drug.map { s.drugs[Int($0)].id } ?? e.drug.description, drug: drug, start: start, stop: e.stop, indication: e.indication)
        }
        var found: [CascadeReviewReport.Suspicion] = []
        for rule in s.rules {
            guard let c = rule.cascade else { continue }
            for (ii, index) in items.enumerated() {
                guard let d = index.drug, c.index.contains(d) else { continue }
                for (mi, marker) in items.enumerated() where mi != ii && marker.drug != d {
                    let byDrug = marker.drug.map { c.marker.contains($0) } ?? false
                    let byIndication = marker.indication.map { c.markerIndications.contains($0) } ?? false
                    guard byDrug || byIndication else { continue }
                    let gap = marker.start - index.start
                    guard gap > 0, gap <= c.windowDays else { continue }
                    if let stop = index.stop, stop < marker.start { continue }
                    if found.count == Self.maxSuspicions { throw .tooManySuspicions(limit: Self.maxSuspicions) }
                    found.append(.init(rule: rule, index: index.name, indexStart: index.start, marker: marker.name,
                                       markerStart: marker.start, gapDays: gap, indexPosition: ii, markerPosition: mi))
                }
            }
        }
        found.sort { ($0.indexStart, $0.markerStart, $0.rule.id) < ($1.indexStart, $1.markerStart, $1.rule.id) }
        return CascadeReviewReport(patientID: timeline.patient.id, formulary: formulary, suspicions: found,
                                   chains: try Self.chains(found))
    }

    /// Maximal paths of length ≥ 3 through the index → marker edges.
    static func chains(_ edges: [CascadeReviewReport.Suspicion]) throws(CascadeReviewError) -> [[String]] {
        var next: [Int: Set<Int>] = [:]
        var names: [Int: String] = [:]
        var hasIncoming = Set<Int>()
        for e in edges {
            next[e.indexPosition, default: []].insert(e.markerPosition)
            names[e.indexPosition] = e.index
            names[e.markerPosition] = e.marker
            hasIncoming.insert(e.markerPosition)
        }
        var out: [[String]] = []
        var steps = 0
        func walk(_ node: Int, _ path: [Int]) throws(CascadeReviewError) {
            steps += 1
            if steps > maxChainSteps { throw .tooManyChains(limit: maxChains) }
            let successors = (next[node] ?? []).filter { !path.contains($0) }.sorted()
            if successors.isEmpty {
                if path.count >= 3 {
                    if out.count == maxChains { throw .tooManyChains(limit: maxChains) }
                    out.append(path.map { names[$0] ?? "?" })
                }
                return
            }
            for n in successors { try walk(n, path + [n]) }
        }
        for start in next.keys.sorted() where !hasIncoming.contains(start) { try walk(start, [start]) }
        return out
    }
}
