import Testing
import TestSupport

/// `cascade` rules: a marker drug (or indication) proposed while an index drug is current.
struct CascadeRuleTests {
    static let harness = Result {
        try RuleHarness(files: [
            "cascades.json": #"""
            {"cascades": [{"id": "statin-cramps", "kind": "cascade", "severity": "moderate", "category": "cascade",
              "index": {"classes": ["statin"]}, "adverseEffect": "muscle cramps",
              "marker": {"drugs": ["gamma"], "indications": ["muscle-cramps"]}, "windowDays": 365,
              "summary": "Statin then a cramp treatment", "detail": "Detail.", "recommendation": "Review the statin.", "sources": ["src-a"]}]}
            """#,
        ])
    }

    static func entry(_ id: String, _ drug: String, indication: String? = nil, start: String? = nil) -> String {
        let i = indication.map { #", "indication": "\#($0)""# } ?? ""
        let s = start.map { #", "start": "\#($0)""# } ?? ""
        return #"{"id": "\#(id)", "drug": "\#(drug)", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"\#(i)\#(s)}"#
    }

    @Test func markerDrugProposedWhileIndexIsCurrent() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "gamma")], medications: [Self.entry("m1", "delta", start: "2025-12-16")])
        let finding = try #require(report.findings(rule: "statin-cramps").first)
        #expect(finding.category == .cascade)
        #expect(finding.drugs == ["delta", "gamma"])
        #expect(finding.orderIDs == ["o1"])
        #expect(finding.note?.contains("30 days ago") == true)
    }

    @Test func markerByIndication() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "alpha", indication: "muscle-cramps")],
                                                   medications: [Self.entry("m1", "delta")])
        #expect(report.findings(rule: "statin-cramps").count == 1)
    }

    @Test("no cascade", arguments: [
        (entry("o1", "gamma"), entry("m1", "alpha")),
        (entry("o1", "alpha", indication: "malaria"), entry("m1", "delta")),
        (entry("o1", "delta"), entry("m1", "gamma")),
    ])
    func noCascade(order: String, current: String) throws {
        let report = try Self.harness.get().screen(orders: [order], medications: [current])
        #expect(report.findings(rule: "statin-cramps").isEmpty)
    }
}
