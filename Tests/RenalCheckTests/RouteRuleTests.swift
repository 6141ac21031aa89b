import Testing
import TestSupport

/// `route` rules, including route spellings and a missing route.
struct RouteRuleTests {
    static let harness = Result {
        try RuleHarness(drug: "alpha", rules: [
            RuleHarness.rule("alpha.route.iv", kind: "route", severity: "major", category: "route", when: #"{"routes": ["iv", "im"]}"#),
        ])
    }

    static func order(route: String?) -> String {
        let r = route.map { #", "route": "\#($0)""# } ?? ""
        return #"{"id": "o1", "drug": "alpha", "dose": {"value": 10, "unit": "mg"}, "frequency": "daily"\#(r)}"#
    }

    @Test("route spellings", arguments: [
        ("iv", true), ("IV", true), ("intravenous", true), ("im", true), ("intramuscular", true),
        ("oral", false), ("po", false), ("sc", false), ("subcut", false),
    ])
    func route(route: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(order: Self.order(route: route))
        #expect(!report.findings(rule: "alpha.route.iv").isEmpty == fires)
        #expect(report.status(of: "o1") == .screened)
    }

    @Test func missingRouteIsNamed() throws {
        let report = try Self.harness.get().screen(order: Self.order(route: nil))
        #expect(report.findings(rule: "alpha.route.iv").isEmpty)
        let missing = try #require(report.findings(rule: "renalcheck.unscreened.missing-data").first)
        #expect(missing.note?.contains("the order's route") == true)
        #expect(report.status(of: "o1") == .unscreened)
    }
}
