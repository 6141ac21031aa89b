import Foundation
import Testing
import TestSupport

/// The report's JSON shape and the order of its findings.
struct ScreeningReportJSONTests {
    static let harness = Result {
        try RuleHarness(files: [
            "drugs/alpha.json": RuleHarness.drugFile("alpha", rules: [
                RuleHarness.rule("a.cond", kind: "condition", severity: "contraindicated", category: "condition", when: #"{"conditions": ["heart-failure"]}"#),
                RuleHarness.rule("a.minor", kind: "age", severity: "minor", category: "age", when: #"{"ageYears": {"atLeast": 65}}"#),
            ]),
            "drugs/beta.json": RuleHarness.drugFile("beta", rules: [
                RuleHarness.rule("b.cond", kind: "condition", severity: "contraindicated", category: "condition", when: #"{"conditions": ["heart-failure"]}"#),
                RuleHarness.rule("b.moderate", kind: "age", severity: "moderate", category: "age", when: #"{"ageYears": {"atLeast": 65}}"#),
            ]),
        ])
    }

    static let patient = #"{"id": "patient-7", "ageYears": 80, "conditions": ["heart-failure"]}"#

    static func entry(_ id: String, _ drug: String) -> String {
        #"{"id": "\#(id)", "drug": "\#(drug)", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#
    }

    @Test("findings sort by severity, then by the first order they name", arguments: [
        (["alpha", "beta"], ["a.cond", "b.cond", "b.moderate", "a.minor"]),
        (["beta", "alpha"], ["b.cond", "a.cond", "b.moderate", "a.minor"]),
    ])
    func findingOrder(drugs: [String], expected: [String]) throws {
        let orders = drugs.enumerated().map { Self.entry("o\($0.offset + 1)", $0.element) }
        let report = try Self.harness.get().screen(patient: Self.patient, orders: orders)
        #expect(report.ruleIDs == expected)
        #expect(report.highestSeverity == .contraindicated)
        #expect(report.countsBySeverity == [.contraindicated: 2, .moderate: 1, .minor: 1])
        #expect(report.orders.map(\.highestSeverity) == [.contraindicated, .contraindicated])
    }

    @Test func jsonHasEveryDocumentedKey() throws {
        let h = try Self.harness.get()
        let report = try h.screen(patient: Self.patient, orders: [Self.entry("o1", "alpha")], medications: [#"{"drug": "Unknown Tea"}"#])
        let bytes = report.jsonBytes(indent: 0)
        #expect(bytes.last == UInt8(ascii: "}"))
        #expect(!bytes.contains(0x0A))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(Set(root.keys) == ["formulary", "asOf", "patient", "orders", "allScreened", "findings", "coverage"])
        let formulary = try #require(root["formulary"] as? [String: Any])
        #expect(formulary["name"] as? String == "Test formulary")
        #expect(formulary["version"] as? String == "2026.01.0")
        #expect(formulary["sha256"] as? String == h.formulary.sha256)
        #expect(root["asOf"] as? String == "2026-01-15T12:00:00Z")
        #expect(root["patient"] as? String == "patient-7")
        let orders = try #require(root["orders"] as? [[String: Any]])
        #expect(orders.count == 1)
        #expect(Set(orders[0].keys) == ["id", "drug", "status", "highestSeverity"])
        #expect(orders[0]["status"] as? String == "screened")
        #expect(orders[0]["highestSeverity"] as? String == "contraindicated")
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == report.findings.count)
        #expect(findings.map { $0["ruleId"] as? String } == report.ruleIDs)
        let first = try #require(findings.first)
        #expect(Set(first.keys) == ["ruleId", "severity", "category", "orders", "drugs", "summary", "detail", "recommendation", "sources"])
        let source = try #require((first["sources"] as? [[String: Any]])?.first)
        #expect(source["id"] as? String == "src-a")
        #expect(source["url"] as? String == "https://example.org/a")
        let coverage = try #require(root["coverage"] as? [String: Any])
        #expect(coverage["unknownMedications"] as? [String] == ["Unknown Tea"])
    }

    @Test func patientIsNullWithoutAnID() throws {
        let report = try Self.harness.get().screen(patient: "{}", orders: [Self.entry("o1", "nutrient-q")])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(report.jsonBytes())) as? [String: Any])
        #expect(root["patient"] is NSNull)
        #expect((root["findings"] as? [Any])?.isEmpty == true)
        let order = try #require((root["orders"] as? [[String: Any]])?.first)
        #expect(order["highestSeverity"] is NSNull)
    }

    @Test func indentedAndCompactJSONCarryTheSameContent() throws {
        let report = try Self.harness.get().screen(patient: Self.patient, orders: [Self.entry("o1", "alpha"), Self.entry("o2", "beta")])
        let compact = try JSONSerialization.jsonObject(with: Data(report.jsonBytes(indent: 0))) as? NSDictionary
        let indented = try JSONSerialization.jsonObject(with: Data(report.jsonBytes(indent: 2))) as? NSDictionary
        #expect(compact != nil)
        #expect(compact == indented)
        #expect(report.jsonBytes(indent: 2).contains(0x0A))
    }
}
