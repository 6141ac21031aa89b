import Foundation
import Testing
import TestSupport

/// The compact report, `requestId`, the dose comparison behind a finding, and the formulary export.
struct CompactReportTests {
    static let harness = Result {
        try RuleHarness(files: [
            "drugs/alpha.json": RuleHarness.drugFile("alpha", rules: [
                RuleHarness.rule("alpha.daily", kind: "dose-limit", category: "renal-dose", extra: #""limits": {"daily": {"value": 1, "unit": "g"}}"#),
                RuleHarness.rule("alpha.doses", kind: "dose-limit", category: "renal-dose", extra: #""limits": {"dosesPerDay": 2}"#),
            ]),
            "drugs/beta.json": RuleHarness.drugFile("beta", rules: [
                RuleHarness.rule("beta.course", kind: "duration", category: "duration", extra: #""maxDays": 14"#),
            ]),
        ])
    }

    static func request(id: String?, order: String) -> String {
        let key = id.map { #""requestId": "\#($0)", "# } ?? ""
        return #"{\#(key)"asOf": "2026-01-15T12:00:00Z", "patient": {"id": "MRN-1", "kidney": {"dialysis": "none", "crcl": 40}}, "orders": [\#(order)]}"#
    }

    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("a dose finding carries the daily total against the limit, in the canonical unit")
    func dailyComparison() throws {
        let report = try Self.harness.get().screen(Self.request(id: nil,
            order: #"{"id": "o1", "drug": "alpha", "dose": {"value": 400, "unit": "mg"}, "route": "oral", "frequency": "tid"}"#))
        let finding = try #require(report.findings.first { $0.ruleID == "alpha.daily" })
        let c = try #require(finding.comparison)
        #expect(c.measure == .daily)
        #expect(c.ordered == 1200 && c.limit == 1000 && c.unit == "mg")
        let doses = try #require(report.findings.first { $0.ruleID == "alpha.doses" }?.comparison)
        #expect(doses.measure == .dosesPerDay && doses.ordered == 3 && doses.limit == 2)
    }

    @Test("a duration finding carries days ordered against the limit")
    func durationComparison() throws {
        let report = try Self.harness.get().screen(Self.request(id: nil,
            order: #"{"id": "o1", "drug": "beta", "dose": {"value": 1, "unit": "mg"}, "route": "oral", "frequency": "daily", "durationDays": 21}"#))
        let c = try #require(report.findings.first { $0.ruleID == "beta.course" }?.comparison)
        #expect(c.measure == .durationDays && c.ordered == 21 && c.limit == 14 && c.unit == "days")
    }

    @Test("requestId is echoed in the full and the compact report; the compact one has no texts and no patient id")
    func compactShape() throws {
        let report = try Self.harness.get().screen(Self.request(id: "batch-7/42",
            order: #"{"id": "o1", "drug": "alpha", "dose": {"value": 600, "unit": "mg"}, "route": "oral", "frequency": "bid"}"#))
        #expect(report.requestID == "batch-7/42")
        let full = try Self.object(report.jsonBytes())
        #expect(full["requestId"] as? String == "batch-7/42")
        let compactBytes = report.compactJSONBytes()
        let compact = try Self.object(compactBytes)
        #expect(compact["requestId"] as? String == "batch-7/42")
        #expect(compact["patient"] == nil)
        let findings = try #require(compact["findings"] as? [[String: Any]])
        let daily = try #require(findings.first { $0["rule"] as? String == "alpha.daily" })
        #expect(daily["ordered"] as? Double == 1200 && daily["limit"] as? Double == 1000 && daily["unit"] as? String == "mg")
        #expect(daily["summary"] == nil && daily["detail"] == nil)
        let text = String(decoding: compactBytes, as: UTF8.self)
        #expect(!text.contains("MRN-1"))
        #expect(!text.contains(report.findings[0].summary))
    }

    @Test("a requestId longer than 128 bytes is a field error naming requestId")
    func longRequestID() throws {
        let long = String(repeating: "x", count: 129)
        #expect(throws: RequestError.self) {
            _ = try Self.harness.get().screen(Self.request(id: long,
                order: #"{"id": "o1", "drug": "alpha", "dose": {"value": 1, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#))
        }
    }

    @Test("the rules export covers every rule a report can name, including the checker's own")
    func exportCoversRules() throws {
        let formulary = try Self.harness.get().formulary
        let lines = String(decoding: formulary.exportNDJSON(.rules), as: UTF8.self).split(separator: "\n")
        let ids = Set(try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["id"] as? String })
        #expect(ids.isSuperset(of: formulary.rules.map(\.id)))
        #expect(ids.contains("renalcheck.unscreened.unknown-drug"))
        #expect(lines.count == formulary.reportableRules.count)
    }
}
