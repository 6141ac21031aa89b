import Foundation
import Testing
import TestSupport

/// Issue 12, "Smaller": CRLF at the NDJSON line limit, a line of NULs, self-referring
/// interactions and cascades.
struct SmallerHostileTests {
    @Test func aLineOfExactlyTheLimitEndingInCRLFIsNotTooLarge() throws {
        let line = NDJSONBatchIntegrityTests.paddedRequest("crlf", bytes: NDJSONScreener.maxLineBytes) + "\r\n"
        let (lines, summary) = try NDJSONScreenerTests.run(Array(line.utf8), jobs: 1, chunk: 1 << 16)
        #expect(summary.errors == 0)
        #expect(try NDJSONScreenerTests.object(lines[0])["patient"] as? String == "crlf")
    }

    @Test func oneByteMoreIsStillTooLarge() throws {
        let line = NDJSONBatchIntegrityTests.paddedRequest("big", bytes: NDJSONScreener.maxLineBytes + 1) + "\r\n"
        let (lines, _) = try NDJSONScreenerTests.run(Array(line.utf8), jobs: 1, chunk: 1 << 16)
        let error = try #require(try NDJSONScreenerTests.object(lines[0])["error"] as? [String: Any])
        #expect(error["kind"] as? String == "tooLarge")
    }

    @Test func aLineOfNULsIsNotCalledWideText() {
        do {
            _ = try ScreeningRequest.decode(json: [UInt8](repeating: 0, count: 16), formulary: TestFormulary.shipped)
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("UTF-16"))
        }
    }

    @Test func utf16TextIsStillNamed() {
        do {
            _ = try ScreeningRequest.decode(json: [0x7B, 0, 0x7D, 0], formulary: TestFormulary.shipped)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("UTF-16"))
        }
    }

    @Test func aDrugInteractingWithItselfIsInvalid() throws {
        let rule = RuleHarness.rule("alpha.alpha", kind: "interaction", category: "interaction", extra: #""with": {"drugs": ["alpha"]}"#)
        let problems = try TemporaryFormulary.problems(["drugs/alpha.json": RuleHarness.drugFile("alpha", rules: [rule])])
        #expect(problems.contains { $0.code == .inconsistent && $0.path.contains("with") })
    }

    @Test func aCascadeWhoseIndexIsItsMarkerIsInvalid() throws {
        let cascade = RuleHarness.rule("c.self", kind: "cascade", category: "cascade",
                                       extra: #""index": {"drugs": ["alpha"]}, "adverseEffect": "x", "marker": {"drugs": ["alpha"]}, "windowDays": 90"#)
        let problems = try TemporaryFormulary.problems(["rules/self.json": RuleHarness.topicFile([cascade])])
        #expect(problems.contains { $0.code == .inconsistent && $0.path.contains("marker") })
    }

    /// Two drugs of one class (two anticoagulants) is a real pair, not a self-interaction.
    @Test func aClassWithItselfIsStillValid() throws {
        let rule = RuleHarness.rule("two.opioids", kind: "interaction", category: "interaction",
                                    extra: #""between": [{"classes": ["opioid"]}, {"classes": ["opioid"]}]"#)
        #expect(try TemporaryFormulary.problems(["rules/pairs.json": RuleHarness.topicFile([rule])]).isEmpty)
    }

    @Test func oneDrugOnBothSidesIsInvalid() throws {
        let rule = RuleHarness.rule("alpha.alpha", kind: "interaction", category: "interaction",
                                    extra: #""between": [{"drugs": ["alpha"]}, {"drugs": ["alpha"]}]"#)
        let problems = try TemporaryFormulary.problems(["rules/pairs.json": RuleHarness.topicFile([rule])])
        #expect(problems.contains { $0.code == .inconsistent && $0.path.contains("between") })
    }
}
