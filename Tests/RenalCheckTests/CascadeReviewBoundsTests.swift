import Testing
import TestSupport

/// Issue 12: a cascade review's work and output are bounded. 3,000 simvastatin and 3,000 quinine
/// entries once tried to allocate 6 GB; a 140-entry chain timeline took 25 s, 3.8 GB and wrote
/// 1.5 GB. Each is now a clear error.
struct CascadeReviewBoundsTests {
    static let formulary = TestFormulary.shipped

    static func entry(_ drug: String, day: Int) -> MedicationEntry {
        var e = MedicationEntry(id: nil, drug: .name(drug))
        e.start = CalendarDay(daysSinceEpoch: Int32(20_000 + day))
        return e
    }

    @Test func aTimelineOverTheEntryLimitIsRejectedWhenDecoded() {
        let entries = (0..<3_000).map { i in #"{"drug": "\#(i % 2 == 0 ? "simvastatin" : "quinine")", "start": "2026-01-01"}"# }
        let json = #"{"patient": {}, "history": [\#(entries.joined(separator: ","))]}"#
        #expect(throws: RequestError.self) { _ = try MedicationTimeline.decode(json: Array(json.utf8), formulary: Self.formulary) }
    }

    @Test func aTimelineOverTheEntryLimitIsRejectedByTheLibrary() {
        let history = (0..<(MedicationTimeline.maxEntries + 1)).map { Self.entry($0 % 2 == 0 ? "simvastatin" : "quinine", day: $0 % 300) }
        #expect(throws: CascadeReviewError.tooManyEntries(limit: MedicationTimeline.maxEntries)) {
            _ = try CascadeReview(formulary: Self.formulary).review(MedicationTimeline(patient: Patient(), history: history))
        }
    }

    /// lorazepam → haloperidol → levodopa, 40 of each on rising days: 64,000 chains.
    @Test func chainEnumerationIsBounded() {
        var history: [MedicationEntry] = []
        for i in 0..<40 {
            history.append(Self.entry("lorazepam", day: i))
            history.append(Self.entry("haloperidol", day: 40 + i))
            history.append(Self.entry("levodopa", day: 80 + i))
        }
        #expect(throws: CascadeReviewError.tooManyChains(limit: CascadeReview.maxChains)) {
            _ = try CascadeReview(formulary: Self.formulary).review(MedicationTimeline(patient: Patient(), history: history))
        }
    }

    @Test func aShortChainIsStillReported() throws {
        let history = [Self.entry("lorazepam", day: 0), Self.entry("haloperidol", day: 10), Self.entry("levodopa", day: 20)]
        let report = try CascadeReview(formulary: Self.formulary).review(MedicationTimeline(patient: Patient(), history: history))
        #expect(report.chains == [["lorazepam", "haloperidol", "levodopa"]])
    }
}
