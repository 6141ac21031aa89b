import Testing
import TestSupport

/// `duplicate` rules: two drugs of a class, or the same drug twice (an exact renewal at `info`).
struct DuplicateRuleTests {
    static let harness = Result {
        try RuleHarness(files: [
            "rules/duplicates.json": RuleHarness.topicFile([
                RuleHarness.rule("dup.relaxants", kind: "duplicate", severity: "moderate", category: "duplicate", extra: #""class": "relaxant""#),
                RuleHarness.rule("dup.same-drug", kind: "duplicate", severity: "major", category: "duplicate", extra: #""sameDrug": true"#),
            ]),
        ])
    }

    static func entry(_ id: String, _ drug: String, dose: Int = 10, route: String = "oral", frequency: String = "daily") -> String {
        #"{"id": "\#(id)", "drug": "\#(drug)", "dose": {"value": \#(dose), "unit": "mg"}, "route": "\#(route)", "frequency": "\#(frequency)"}"#
    }

    @Test func twoDrugsOfAClassOneProposed() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "alpha")], medications: [Self.entry("m1", "gamma")])
        let finding = try #require(report.findings(rule: "dup.relaxants").first)
        #expect(finding.drugs == ["alpha", "gamma"])
        #expect(finding.orderIDs == ["o1"])
        #expect(report.findings(rule: "dup.same-drug").isEmpty)
    }

    @Test func drugsOfDifferentClassesAreNotDuplicates() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "alpha")], medications: [Self.entry("m1", "beta")])
        #expect(report.findings.isEmpty)
    }

    @Test func duplicatesAmongCurrentMedicationsOnlyAreNotReported() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "beta")],
                                                   medications: [Self.entry("m1", "alpha"), Self.entry("m2", "gamma"), Self.entry("m3", "delta"), Self.entry("m4", "delta")])
        #expect(report.findings.isEmpty)
    }

    @Test func theSameDrugOrderedTwice() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "alpha"), Self.entry("o2", "alpha", dose: 20)])
        let finding = try #require(report.findings(rule: "dup.same-drug").first)
        #expect(finding.severity == .major)
        #expect(finding.orderIDs == ["o1", "o2"])
        #expect(finding.drugs == ["alpha"])
        // One drug twice is not a class duplicate.
        #expect(report.findings(rule: "dup.relaxants").isEmpty)
    }

    @Test func anExactRenewalOfACurrentMedicationIsInfo() throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "alpha")], medications: [Self.entry("m1", "alpha")])
        let finding = try #require(report.findings(rule: "dup.same-drug").first)
        #expect(finding.severity == .info)
        #expect(finding.note?.contains("renewal") == true)
    }

    @Test("a changed dose, route or frequency is not a renewal", arguments: [
        entry("m1", "alpha", dose: 20), entry("m1", "alpha", route: "iv"), entry("m1", "alpha", frequency: "bid"),
    ])
    func notARenewal(current: String) throws {
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "alpha")], medications: [current])
        let finding = try #require(report.findings(rule: "dup.same-drug").first)
        #expect(finding.severity == .major)
        #expect(finding.note?.contains("renewal") == false)
    }

    @Test func aRenewalWrittenInAnotherMassUnitIsStillARenewal() throws {
        let current = #"{"id": "m1", "drug": "alpha", "dose": {"value": 10000, "unit": "mcg"}, "route": "po", "frequency": "qd"}"#
        let report = try Self.harness.get().screen(orders: [Self.entry("o1", "alpha")], medications: [current])
        let finding = try #require(report.findings(rule: "dup.same-drug").first)
        #expect(finding.severity == .info)
    }
}
