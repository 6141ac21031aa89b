import Testing
import TestSupport

/// `interaction` rules: drug–drug and drug–class in drug files, class–class in `rules/`.
struct InteractionRuleTests {
    static let harness = Result {
        try RuleHarness(files: [
            "drugs/alpha.json": RuleHarness.drugFile("alpha", rules: [
                RuleHarness.rule("alpha.beta", kind: "interaction", severity: "major", category: "interaction", extra: #""with": {"drugs": ["beta"]}"#),
            ]),
            "drugs/gamma.json": RuleHarness.drugFile("gamma", rules: [
                RuleHarness.rule("gamma.opioids", kind: "interaction", severity: "moderate", category: "interaction", extra: #""with": {"classes": ["opioid"]}"#),
            ]),
            "rules/statin-diuretic.json": RuleHarness.topicFile([
                RuleHarness.rule("statin.diuretic", kind: "interaction", severity: "minor", category: "interaction",
                                 extra: #""between": [{"classes": ["statin"]}, {"classes": ["diuretic"]}]"#),
            ]),
        ])
    }

    static func entry(_ id: String, _ drug: String) -> String {
        #"{"id": "\#(id)", "drug": "\#(drug)", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#
    }

    @Test func drugDrugWithACurrentMedication() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "alpha")], medications: [Self.entry("m1", "beta")])
        let finding = try #require(report.findings(rule: "alpha.beta").first)
        #expect(finding.orderIDs == ["o1"])
        #expect(finding.drugs == ["alpha", "beta"])
        #expect(finding.severity == .major)
    }

    @Test func eitherSideMayBeTheProposedOrder() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "beta")], medications: [Self.entry("m1", "alpha")])
        #expect(report.findings(rule: "alpha.beta").count == 1)
    }

    @Test func twoProposedOrdersGiveOneFindingNamingBoth() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "alpha"), Self.entry("o2", "beta")])
        let findings = report.findings(rule: "alpha.beta")
        #expect(findings.count == 1)
        #expect(Set(findings.first?.orderIDs ?? []) == ["o1", "o2"])
    }

    @Test func noPartnerNoFinding() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "alpha")], medications: [Self.entry("m1", "gamma")])
        #expect(report.findings(rule: "alpha.beta").isEmpty)
    }

    @Test func theSameDrugTwiceIsNotAnInteraction() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "gamma")], medications: [Self.entry("m1", "gamma")])
        #expect(report.findings(rule: "gamma.opioids").isEmpty)
    }

    @Test func drugWithAClass() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "gamma")], medications: [Self.entry("m1", "beta")])
        let finding = try #require(report.findings(rule: "gamma.opioids").first)
        #expect(finding.drugs == ["gamma", "beta"])
    }

    @Test("class with class from rules/", arguments: [("delta", "epsilon"), ("epsilon", "delta")])
    func classWithClass(ordered: String, current: String) throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", ordered)], medications: [Self.entry("m1", current)])
        let finding = try #require(report.findings(rule: "statin.diuretic").first)
        #expect(finding.severity == .minor)
        #expect(Set(finding.drugs) == ["delta", "epsilon"])
    }

    @Test func currentMedicationsAloneAreNotScreened() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "nutrient-q")],
                                                   medications: [Self.entry("m1", "delta"), Self.entry("m2", "epsilon"), Self.entry("m3", "alpha"), Self.entry("m4", "beta")])
        #expect(report.findings.isEmpty)
    }
}
