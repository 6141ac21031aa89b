import Foundation
import Testing
import TestSupport

/// One patient's timeline reviewed for prescribing cascades (fixtures in `Tests/Fixtures/timelines/`).
struct CascadeReviewTests {
    static let names = TestPaths.fixtures(in: "timelines")

    @Test("timeline fixture", arguments: names)
    func timeline(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("timelines/" + name)))
        var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expect = try #require(root.removeValue(forKey: "expect") as? [String: Any])
        root["name"] = nil
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: root))
        let timeline = try MedicationTimeline.decode(json: bytes, source: name, formulary: TestFormulary.shipped)
        let report = try CascadeReview(formulary: TestFormulary.shipped).review(timeline)
        let got = report.suspicions.map { "\($0.rule.id): \($0.index) → \($0.marker) (\($0.gapDays) d)" }.joined(separator: "\n  ")

        func matches(_ s: CascadeReviewReport.Suspicion, _ want: [String: Any]) -> Bool {
            want.allSatisfy { key, value in
                switch key {
                case "cascadeId": s.rule.id == "\(value)"
                case "index": s.index == "\(value)"
                case "marker": s.marker == "\(value)"
                case "gapDays": s.gapDays == (value as? Int)
                default: false
                }
            }
        }
        for want in expect["cascades"] as? [[String: Any]] ?? [] {
            #expect(report.suspicions.contains { matches($0, want) }, "\(name): expected \(want)\n  got:\n  \(got)")
        }
        for unwanted in expect["absent"] as? [[String: Any]] ?? [] {
            #expect(!report.suspicions.contains { matches($0, unwanted) }, "\(name): did not expect \(unwanted)\n  got:\n  \(got)")
        }
        let chains = expect["chains"] as? [[String]] ?? []
        #expect(report.chains == chains, "\(name): chains \(report.chains), expected \(chains)")
    }

    @Test func sameDayStartsAreNotOrdered() throws {
        let t = try MedicationTimeline.decode(json: Array("""
        {"patient": {"kidney": {"dialysis": "hemodialysis"}},
         "history": [{"drug": "atorvastatin", "start": "2025-01-10"}, {"drug": "quinine", "start": "2025-01-10"}]}
        """.utf8), formulary: TestFormulary.shipped)
        #expect(try CascadeReview(formulary: TestFormulary.shipped).review(t).suspicions.isEmpty)
    }

    @Test func markerAfterIndexStoppedIsNotACascade() throws {
        let t = try MedicationTimeline.decode(json: Array("""
        {"patient": {}, "history": [{"drug": "atorvastatin", "start": "2025-01-10", "stop": "2025-02-01"},
                                   {"drug": "quinine", "start": "2025-03-01"}]}
        """.utf8), formulary: TestFormulary.shipped)
        #expect(try CascadeReview(formulary: TestFormulary.shipped).review(t).suspicions.isEmpty)
    }

    @Test func historyEntriesNeedAStartDate() {
        #expect(throws: RequestError.self) {
            try MedicationTimeline.decode(json: Array(#"{"patient": {}, "history": [{"drug": "quinine"}]}"#.utf8), formulary: TestFormulary.shipped)
        }
    }

    @Test func acceptsAScreeningRequestAsTimeline() throws {
        let t = try MedicationTimeline.decode(json: Array("""
        {"patient": {}, "medications": [{"drug": "atorvastatin", "start": "2025-01-10"}],
         "orders": [{"drug": "quinine", "dose": {"value": 300, "unit": "mg"}, "start": "2025-03-01"}]}
        """.utf8), formulary: TestFormulary.shipped)
        let report = try CascadeReview(formulary: TestFormulary.shipped).review(t)
        #expect(report.suspicions.map(\.marker) == ["quinine"])
        #expect(report.suspicions.first?.gapDays == 50)
    }
}
