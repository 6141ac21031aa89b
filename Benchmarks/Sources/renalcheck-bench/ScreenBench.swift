import CMallocCounter
import Foundation
import RenalCheck

/// Goal 3: single-thread screens per second, latency percentiles and allocations per screen.
enum ScreenBench {
    /// A request line: 10 current medications and 1 proposed order (see ``request(formulary:order:)``).
    static func requestJSON(formulary: Formulary, order preferred: String?, patientID: String = "pt-bench") -> String {
        let order = preferred.flatMap { formulary.drug(named: $0)?.id } ?? mostConnected(formulary)
        // Current medications: partners of the order in its interaction rules first, then others by id.
        var meds: [String] = []
        for rule in formulary.relatedRules(forDrug: order) {
            guard let (a, b) = rule.interactionSides else { continue }
            for id in a.drugIDs + b.drugIDs where id != order && !meds.contains(id) { meds.append(id) }
        }
        meds = Array(meds.prefix(5))
        for d in formulary.drugs where meds.count < 10 && d.id != order && !meds.contains(d.id) { meds.append(d.id) }
        let medJSON = meds.enumerated().map { i, id in
            #"{"id":"m\#(i + 1)","drug":"\#(id)","dose":{"value":10,"unit":"mg"},"route":"oral","frequency":"daily","start":"2026-06-01"}"#
        }.joined(separator: ",")
        return #"{"asOf":"2026-11-21T10:00:00Z","patient":{"id":"\#(patientID)","ageYears":72,"weightKg":60,"#
            + #""kidney":{"dialysis":"hemodialysis","sessionsPerWeek":3,"egfr":8,"crcl":10},"hepatic":"none","conditions":[],"labs":[]},"#
            + #""medications":[\#(medJSON)],"#
            + #""orders":[{"id":"ord-1","drug":"\#(order)","dose":{"value":10,"unit":"mg"},"route":"oral","frequency":"tid","durationDays":7}]}"#
    }

    /// The drug named in the most interaction and cascade rules.
    static func mostConnected(_ formulary: Formulary) -> String {
        formulary.drugs.max { formulary.relatedRules(forDrug: $0.id).count < formulary.relatedRules(forDrug: $1.id).count }!.id
    }

    static func run(directory: String?, label: String, order: String?, seconds: Double) throws {
        let formulary = try directory.map { try Formulary.load(directory: $0) } ?? Formulary.builtin()
        let json = requestJSON(formulary: formulary, order: order)
        let request = try ScreeningRequest.decode(json: Array(json.utf8), formulary: formulary)
        let checker = Checker(formulary: formulary)
        let first = checker.screen(request)
        print("== screen: \(label): order \(request.orders[0].drug), \(request.medications.count) current; "
              + "\(first.findings.count) findings (\(first.findings.filter { $0.category == .interaction }.count) interactions), "
              + "report \(first.jsonBytes().count) bytes")
        var sink = 0
        // Throughput: a tight loop, no per-call timing.
        var n = 0
        let t0 = Clock.nanos()
        let deadline = t0 + UInt64(seconds * 1e9)
        while true {
            for _ in 0..<1000 { sink &+= checker.screen(request).findings.count }
            n += 1000
            if Clock.nanos() >= deadline { break }
        }
        let elapsed = Double(Clock.nanos() - t0) / 1e9
        // Latency: each call timed.
        var samples: [Double] = []
        samples.reserveCapacity(200_000)
        for _ in 0..<200_000 {
            let s = Clock.nanos()
            sink &+= checker.screen(request).findings.count
            samples.append(Double(Clock.nanos() - s))
        }
        samples.sort()
        // Allocations: malloc calls counted by CMallocCounter over 10,000 screens.
        let c0 = malloc_counter_calls(), b0 = malloc_counter_bytes()
        for _ in 0..<10_000 { sink &+= checker.screen(request).findings.count }
        let calls = Double(malloc_counter_calls() - c0) / 10_000, bytes = Double(malloc_counter_bytes() - b0) / 10_000
        // End to end for one line: decode + screen + JSON.
        let bytesIn = Array(json.utf8)
        let e0 = Clock.nanos()
        for _ in 0..<20_000 {
            if let r = try? ScreeningRequest.decode(json: bytesIn, formulary: formulary) { sink &+= checker.screen(r).jsonBytes().count }
        }
        let e2e = Double(Clock.nanos() - e0) / 20_000
        // The batch path for data teams: decode + screen + compact report.
        let c0e = Clock.nanos()
        for _ in 0..<20_000 {
            if let r = try? ScreeningRequest.decode(json: bytesIn, formulary: formulary) { sink &+= checker.screen(r).compactJSONBytes().count }
        }
        let e2eCompact = Double(Clock.nanos() - c0e) / 20_000
        print(String(format: "   screen(): %.0f screens/s (%d in %.2f s); p50 %.2f µs, p99 %.2f µs, p99.9 %.2f µs, max %.1f µs",
                     Double(n) / elapsed, n, elapsed, Clock.quantile(samples, 0.5) / 1e3, Clock.quantile(samples, 0.99) / 1e3,
                     Clock.quantile(samples, 0.999) / 1e3, samples.last! / 1e3))
        print(String(format: "   allocations: %.1f malloc calls, %.0f bytes per screen", calls, bytes))
        print(String(format: "   decode + screen + JSON report: %.2f µs per request (%.0f/s)", e2e / 1e3, 1e9 / e2e))
        print(String(format: "   decode + screen + compact report: %.2f µs per request (%.0f/s)   (sink %d)", e2eCompact / 1e3, 1e9 / e2eCompact, sink))
    }

    /// A plain loop for callgrind: `screen` (checker only), `decode` (request JSON only), `json` or
    /// `compact` (report only), or `batch` (decode + screen + compact report, the data-team path).
    static func profile(what: String, count: Int, directory: String?, order: String?) throws {
        let formulary = try directory.map { try Formulary.load(directory: $0) } ?? Formulary.builtin()
        let json = Array(requestJSON(formulary: formulary, order: order ?? (directory == nil ? "baclofen" : nil)).utf8)
        let request = try ScreeningRequest.decode(json: json, formulary: formulary)
        let checker = Checker(formulary: formulary)
        let report = checker.screen(request)
        var sink = 0
        for _ in 0..<count {
            switch what {
            case "decode": sink &+= (try? ScreeningRequest.decode(json: json, formulary: formulary))?.orders.count ?? 0
            case "json": sink &+= report.jsonBytes().count
            case "compact": sink &+= report.compactJSONBytes().count
            case "batch":
                if let r = try? ScreeningRequest.decode(json: json, formulary: formulary) { sink &+= checker.screen(r).compactJSONBytes().count }
            default: sink &+= checker.screen(request).findings.count
            }
        }
        print("profile \(what) x\(count): sink \(sink)")
    }
}
