import Testing
import TestSupport

/// The dose-limit forms added for calibration: a total over 48 hours, a limit reached at its own
/// value (`inclusive`), limits scaled to kidney function, and a limit that applies only
/// `alongside` another drug.
struct DoseLimitsTests {
    static let harness = Result {
        try RuleHarness(files: [
            "drugs/alpha.json": RuleHarness.drugFile("alpha", rules: [
                RuleHarness.rule("alpha.48h", kind: "dose-limit", category: "renal-dose", extra: #""limits": {"per48h": {"value": 20, "unit": "g"}}"#),
            ]),
            "drugs/beta.json": RuleHarness.drugFile("beta", rules: [
                RuleHarness.rule("beta.inclusive", kind: "dose-limit", severity: "minor", category: "dose",
                                 extra: #""limits": {"daily": {"value": 400, "unit": "mg"}, "inclusive": true}"#),
            ]),
            "drugs/gamma.json": RuleHarness.drugFile("gamma", rules: [
                RuleHarness.rule("gamma.scaled", kind: "dose-limit", category: "renal-dose", when: #"{"kidneyFunction": {"atMost": 15}}"#,
                                 extra: #""limits": {"daily": {"value": 300, "unit": "mg"}, "scaleBelowKidneyFunction": 15}"#),
            ]),
            "drugs/delta.json": RuleHarness.drugFile("delta", rules: [
                RuleHarness.rule("delta.alongside", kind: "dose-limit", category: "interaction", when: #"{"alongside": {"drugs": ["epsilon"]}}"#,
                                 extra: #""limits": {"daily": {"value": 20, "unit": "mg"}}"#),
            ]),
        ])
    }

    static func order(_ drug: String, _ value: Double, _ unit: String, _ frequency: String, id: String = "o1") -> String {
        #"{"id": "\#(id)", "drug": "\#(drug)", "dose": {"value": \#(value), "unit": "\#(unit)"}, "route": "oral", "frequency": "\#(frequency)"}"#
    }

    static let patient = #"{"kidney": {"dialysis": "none", "crcl": 40}}"#

    @Test("20 g in 48 hours", arguments: [
        (7.5, "bid", true), (5.0, "bid", false), (10.0, "daily", false), (10.5, "daily", true), (15.0, "once", false), (21.0, "once", true),
        (10.0, "thrice-weekly", false), (7.0, "q48h", false),
    ])
    func per48h(grams: Double, frequency: String, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order("alpha", grams, "g", frequency))
        #expect(report.findings(rule: "alpha.48h").isEmpty == !fires)
    }

    @Test("inclusive: reaching the limit is a breach", arguments: [(399.0, false), (400.0, true), (401.0, true)])
    func inclusive(mg: Double, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: Self.patient, order: Self.order("beta", mg, "mg", "daily"))
        #expect(report.findings(rule: "beta.inclusive").isEmpty == !fires)
    }

    @Test("limits in proportion to kidney function below 15", arguments: [
        (15.0, 300.0, false), (15.0, 301.0, true), (7.5, 150.0, false), (7.5, 151.0, true), (5.0, 100.0, false), (5.0, 110.0, true),
    ])
    func scaled(crcl: Double, mg: Double, fires: Bool) throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none", "crcl": \#(crcl)}}"#,
                                                  order: Self.order("gamma", mg, "mg", "daily"))
        #expect(report.findings(rule: "gamma.scaled").isEmpty == !fires)
    }

    @Test func theLowerOfCrClAndEGFRScales() throws {
        let report = try Self.harness.get().screen(patient: #"{"kidney": {"dialysis": "none", "crcl": 15, "egfr": 7.5}}"#,
                                                  order: Self.order("gamma", 200, "mg", "daily"))
        #expect(!report.findings(rule: "gamma.scaled").isEmpty)
    }

    @Test("alongside: another order or a current medication", arguments: [(true, false, true), (false, true, true), (false, false, false)])
    func alongside(asOrder: Bool, asCurrent: Bool, fires: Bool) throws {
        var orders = [Self.order("delta", 40, "mg", "daily")]
        if asOrder { orders.append(Self.order("epsilon", 5, "mg", "daily", id: "o2")) }
        let meds = asCurrent ? [#"{"drug": "epsilon", "dose": {"value": 5, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#] : []
        let report = try Self.harness.get().screen(patient: Self.patient, orders: orders, medications: meds)
        #expect(report.findings(rule: "delta.alongside").isEmpty == !fires)
    }

    @Test func alongsideIsNotMetByTheSameDrug() throws {
        let report = try Self.harness.get().screen(patient: Self.patient, orders: [Self.order("delta", 40, "mg", "daily")],
                                                  medications: [#"{"drug": "delta", "dose": {"value": 40, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#])
        #expect(report.findings(rule: "delta.alongside").isEmpty)
    }
}
