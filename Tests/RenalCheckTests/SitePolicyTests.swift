import Foundation
import Testing
import TestSupport
@testable import RenalCheck

/// The CDS Hooks site policy: decoding with located problems, and what it does to a report.
struct SitePolicyTests {
    static let formulary = TestFormulary.shipped

    static func report(hookInstance: String = "h") throws -> ScreeningReport {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: TestPaths.root + "/examples/cds-hooks/order-sign.json")))
        return Checker(formulary: formulary).screen(try ScreeningRequest.decode(cdsHooks: bytes, formulary: formulary))
    }

    static func policy(_ text: String) throws -> SitePolicy {
        try SitePolicy.decode(Array(text.utf8), source: "policy.json", formulary: formulary)
    }

    @Test func problemsAreReportedWithFileLineColumnAndPath() throws {
        let text = """
            {
              "schemaVersion": 2,
              "rules": {
                "no.such.rule": {"enabled": false},
                "baclofen.kidney.avoid": {"severity": "hgih"},
                "renalcheck.unscreened.missing-data": {"enabled": false},
                "baclofen.kidney.reduce": {}
              },
              "minimumCardSeverity": {"order-dispatch": "major"},
              "colour": "red"
            }
            """
        let error = try #require(throws: RequestError.self) { try Self.policy(text) }
        let lines = error.problems.map(\.description)
        #expect(lines.contains { $0.hasPrefix("policy.json:2:") && $0.contains("schema version 2") })
        #expect(lines.contains { $0.hasPrefix("policy.json:4:") && $0.contains("unknown rule id 'no.such.rule'") })
        #expect(lines.contains { $0.contains("$.rules[\"baclofen.kidney.avoid\"].severity") || $0.contains("rules.baclofen.kidney.avoid.severity") })
        #expect(lines.contains { $0.contains("cannot turn it off") })
        #expect(lines.contains { $0.contains("needs 'enabled' or 'severity'") })
        #expect(lines.contains { $0.contains("order-dispatch") })
        #expect(lines.contains { $0.contains("colour") })
        #expect(error.problems.allSatisfy { $0.file == "policy.json" && $0.line != nil })
    }

    @Test func noPolicyChangesNothing() throws {
        let r = try Self.report()
        let same = r.applying(.standard, hook: "order-sign")
        #expect(same.findings.map(\.ruleID) == r.findings.map(\.ruleID))
        #expect(same.cdsHooksResponse(formulary: Self.formulary, hookInstance: "h") == r.cdsHooksResponse(formulary: Self.formulary, hookInstance: "h"))
        #expect(SitePolicy.standard.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func rulesTurnOffChangeSeverityAndRespectTheHookMinimum() throws {
        let r = try Self.report()
        #expect(r.findings.contains { $0.ruleID == "baclofen.kidney.avoid" && $0.severity == .contraindicated })
        let off = try Self.policy(#"{"schemaVersion": 1, "rules": {"baclofen.kidney.avoid": {"enabled": false}}}"#)
        #expect(!r.applying(off, hook: "order-sign").findings.contains { $0.ruleID == "baclofen.kidney.avoid" })

        let lowered = try Self.policy(#"{"schemaVersion": 1, "rules": {"baclofen.kidney.avoid": {"severity": "minor"}}, "minimumCardSeverity": {"order-select": "moderate"}}"#)
        let sign = r.applying(lowered, hook: "order-sign")
        #expect(sign.findings.first { $0.ruleID == "baclofen.kidney.avoid" }?.severity == .minor)
        #expect(zip(sign.findings, sign.findings.dropFirst()).allSatisfy { $0.severity >= $1.severity })
        // order-select shows moderate and above: the lowered rule is gone there.
        let select = r.applying(lowered, hook: "order-select")
        #expect(!select.findings.contains { $0.ruleID == "baclofen.kidney.avoid" })
        #expect(select.findings.allSatisfy { $0.severity >= .moderate || $0.category == .unscreened })
    }

    @Test func whatCouldNotBeScreenedIsNeverHidden() throws {
        // Without prefetch the checker reports missing data; a strict minimum must not hide it.
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestPaths.root + "/examples/cds-hooks/order-sign.json"))) as? [String: Any])
        object.removeValue(forKey: "prefetch")
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: object))
        let r = Checker(formulary: Self.formulary).screen(try ScreeningRequest.decode(cdsHooks: bytes, formulary: Self.formulary))
        let unscreened = r.findings.filter { $0.category == .unscreened }
        #expect(!unscreened.isEmpty)
        let strict = try Self.policy(#"{"schemaVersion": 1, "minimumCardSeverity": {"order-sign": "contraindicated"}}"#)
        let kept = r.applying(strict, hook: "order-sign").findings.filter { $0.category == .unscreened }
        #expect(kept.map(\.ruleID) == unscreened.map(\.ruleID))
    }

    @Test func cardUUIDsMatchTheCardsWritten() throws {
        let r = try Self.report()
        let text = r.cdsHooksResponse(formulary: Self.formulary, hookInstance: "abc")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let cards = try #require(root["cards"] as? [[String: Any]])
        #expect(cards.compactMap { $0["uuid"] as? String } == r.cdsHooksCardUUIDs(hookInstance: "abc"))
    }

    @Test func prefetchTemplatesAskForTheLabsTheFormularyScreens() {
        let templates = CDSHooksPrefetch.templates(formulary: Self.formulary)
        #expect(templates.map(\.key) == ["patient", "conditions", "dialysis", "labs", "activeMeds"])
        let labs = templates.first { $0.key == "labs" }?.query ?? ""
        for lab in Self.formulary.labs { for code in lab.loinc { #expect(labs.contains("http://loinc.org|\(code)")) } }
        #expect(labs.contains("http://loinc.org|2160-0"))
        #expect(labs.contains("http://loinc.org|98979-8"))
        #expect(!labs.contains(" "))
    }
}
