import Testing
import RenalCheck
import TestSupport

/// Kidney-function and age bands with inclusive and exclusive bounds, so that a label's band
/// edges are encoded as written and the safer band can claim an edge value.
struct NumericRangeTests {
    @Test("each kind of bound", arguments: [
        (NumericRange(atLeast: 15), [(14.99, false), (15, true), (90, true)] as [(Double, Bool)]),
        (NumericRange(above: 15), [(15, false), (15.01, true)]),
        (NumericRange(below: 30), [(29.99, true), (30, false)]),
        (NumericRange(atMost: 30), [(30, true), (30.01, false)]),
        (NumericRange(above: 15, atMost: 30), [(15, false), (15.5, true), (30, true), (30.5, false)]),
    ])
    func bounds(_ range: NumericRange, _ cases: [(Double, Bool)]) {
        for (value, inside) in cases { #expect(range.contains(value) == inside, "\(range.described) contains \(value)") }
        #expect(!range.contains(.nan))
    }

    @Test func descriptions() {
        #expect(NumericRange(atLeast: 30, below: 60).described == "30 to <60")
        #expect(NumericRange(above: 15, atMost: 30).described == ">15 to ≤30")
        #expect(NumericRange(atMost: 15).described == "≤15")
        #expect(NumericRange(above: 65).described == ">65")
    }

    static let harness = Result {
        try RuleHarness(drug: "alpha", rules: [
            RuleHarness.rule("alpha.band", kind: "avoid", category: "avoid-in-kidney-failure",
                             when: #"{"kidneyFunction": {"above": 15, "atMost": 30}}"#),
        ])
    }

    @Test("a band from a label's edges: above 15, up to and including 30",
          arguments: [(15.0, false), (15.5, true), (29.5, true), (30.0, true), (30.5, false)])
    func labelBand(crcl: Double, fires: Bool) throws {
        let order = #"{"id": "o1", "drug": "alpha", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none", "crcl": \#(crcl)}}"#, order: order)
        #expect(!report.findings(rule: "alpha.band").isEmpty == fires)
    }

    @Test("a range the validator refuses", arguments: [
        (#"{"atLeast": 15, "above": 15}"#, "give 'atLeast' or 'above', not both"),
        (#"{"below": 30, "atMost": 30}"#, "give 'below' or 'atMost', not both"),
        (#"{"above": 30, "atMost": 30}"#, "is empty"),
        (#"{"atLeast": 30, "below": 30}"#, "is empty"),
        (#"{}"#, "give a lower bound"),
    ])
    func refused(range: String, message: String) throws {
        let rule = RuleHarness.rule("beta.band", kind: "avoid", category: "avoid-in-kidney-failure", when: #"{"crcl": \#(range)}"#)
        let problems = try TemporaryFormulary.problems(["drugs/beta.json": RuleHarness.drugFile("beta", rules: [rule])])
        let problem = try #require(problems.first, "no problem reported for \(range)")
        #expect(problem.path == "$.rules[0].when.crcl")
        #expect(problem.message.contains(message), "got: \(problem.description)")
    }

    @Test func aSinglePointRangeIsAllowed() throws {
        let rule = RuleHarness.rule("beta.band", kind: "avoid", category: "avoid-in-kidney-failure", when: #"{"crcl": {"atLeast": 15, "atMost": 15}}"#)
        let problems = try TemporaryFormulary.problems(["drugs/beta.json": RuleHarness.drugFile("beta", rules: [rule])])
        #expect(problems.isEmpty, "got: \(problems.map(\.description))")
    }
}
