import Foundation
import Testing
import TestSupport

/// The `renalcheck` binary end to end: stdout, stderr and exit status.
struct CLITests {
    static let hazardousRequest = #"""
    {"asOf": "2026-11-21T10:00:00Z", "patient": {"id": "p1", "kidney": {"dialysis": "hemodialysis"}},
     "orders": [{"id": "o1", "drug": "baclofen", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "tid"}]}
    """#

    @Test func drugLookupByBrandPrintsTheProfile() throws {
        let run = try CLIRunner.run(["drug", "lioresal"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Baclofen (baclofen)"))
        #expect(run.stdout.contains("baclofen.kidney.avoid"))
        #expect(run.stdout.contains("beers-2023"))
    }

    @Test func drugMissExits66WithSuggestions() throws {
        let run = try CLIRunner.run(["drug", "baclophen"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("did you mean: baclofen"))
        #expect(run.stdout.isEmpty)
    }

    @Test func drugJSONListsRulesAndSources() throws {
        let run = try CLIRunner.run(["drug", "GABAPENTIN", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "gabapentin")
        #expect((object["rules"] as? [Any])?.isEmpty == false)
        #expect((object["sources"] as? [Any])?.isEmpty == false)
    }

    @Test func validateShippedFormulary() throws {
        let run = try CLIRunner.run(["formulary", "validate", TestPaths.formulary])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("valid: "))
    }

    @Test func validateBrokenFormularyListsEveryProblem() throws {
        let dir = try TemporaryFormulary(files: [
            "drugs/alpha.json": #"{"id": "alpha", "name": "Alphadrug",, }"#,
            "drugs/beta.json": """
            {"id": "beta", "name": "Betadrug", "doseUnit": "mg",
             "rules": [{"id": "beta.x", "kind": "avoid", "severity": "hgih", "category": "avoid-in-kidney-failure",
                        "summary": "s", "detail": "d", "recommendation": "r", "sources": ["nope"], "when": {"dialysis": ["hemodialysis"]}}]}
            """,
        ])
        defer { dir.remove() }
        let run = try CLIRunner.run(["formulary", "validate", dir.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("drugs/alpha.json:1:"))
        #expect(run.stderr.contains("drugs/beta.json:3:"))
        #expect(run.stderr.contains("'hgih'"))
        #expect(run.stderr.contains("unknown source 'nope'"))
    }

    @Test func validateMissingFolderExits66() throws {
        #expect(try CLIRunner.run(["formulary", "validate", "/nonexistent/formulary"]).status == 66)
    }

    @Test func infoJSONCountsRulesByKind() throws {
        let run = try CLIRunner.run(["formulary", "info", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["sha256"] as? String)?.count == 64)
        #expect((object["rulesByKind"] as? [String: Int])?["cascade"] ?? 0 > 0)
    }

    @Test("exit status follows --fail-on", arguments: [
        ("major", Int32(2)), ("contraindicated", Int32(2)),
    ])
    func failOn(_ level: String, _ status: Int32) throws {
        let run = try CLIRunner.run(["screen", "-", "--fail-on", level], stdin: Self.hazardousRequest)
        #expect(run.status == status)
        #expect(run.stdout.contains("CONTRAINDICATED"))
    }

    @Test func cleanOrderExitsZero() throws {
        let run = try CLIRunner.run(["screen", "--dialysis", "none", "--age", "55", "--egfr", "90", "--crcl", "90", "--hepatic", "none",
                                     "--order", "cyclobenzaprine 5 mg po tid for 14 days for muscle-spasm", "--as-of", "2026-11-21"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test func unscreenedOrderNeverExitsZero() throws {
        let run = try CLIRunner.run(["screen", "--dialysis", "hemodialysis", "--order", "guaifenesin 400 mg po tid"])
        #expect(run.status == 3)
        #expect(run.stdout.contains("NOT fully screened"))
    }

    @Test func hazardOutranksUnscreened() throws {
        let run = try CLIRunner.run(["screen", "--dialysis", "hemodialysis", "--order", "guaifenesin 400 mg po tid", "--order", "baclofen 5 mg po daily"])
        #expect(run.status == 2)
    }

    @Test func badJSONExits65WithPositionAndEmptyStdout() throws {
        let run = try CLIRunner.run(["screen", "-"], stdin: "{\n  \"patient\": {},\n  \"orders\": [,]\n}")
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("stdin:3:"))
    }

    @Test func wrongFieldTypeNamesTheJSONPath() throws {
        let run = try CLIRunner.run(["screen", "-"], stdin: #"{"patient": {"weightKg": "heavy"}, "orders": [{"drug": "baclofen"}]}"#)
        #expect(run.status == 65)
        #expect(run.stderr.contains("$.patient.weightKg"))
    }

    @Test func missingRequestFileExits66() throws {
        #expect(try CLIRunner.run(["screen", "/nonexistent.json"]).status == 66)
    }

    @Test func usageErrorsExit64() throws {
        #expect(try CLIRunner.run(["screen"]).status == 64)
        let sig = try CLIRunner.run(["screen", "--order", "baclofen 10 mg po thrice-daily-ish"])
        #expect(sig.status == 64)
        #expect(sig.stderr.contains("thrice-daily-ish"))
    }

    @Test func jsonReportIsTheContract() throws {
        let run = try CLIRunner.run(["screen", "-", "--format", "json"], stdin: Self.hazardousRequest)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["formulary", "patient", "orders", "findings", "coverage"]))
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.first?["ruleId"] as? String == "baclofen.kidney.avoid")
        #expect((findings.first?["sources"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test func noColourWhenNotATerminal() throws {
        let run = try CLIRunner.run(["screen", "-"], stdin: Self.hazardousRequest)
        #expect(!run.stdout.contains("\u{1B}["))
        #expect(run.stdout.contains("finding"))
    }

    @Test func cascadesReviewShowsChains() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("timelines/ccb-thiazide-quinine-chain.json")))
        var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        root["expect"] = nil
        root["name"] = nil
        let run = try CLIRunner.run(["cascades", "review", "-", "--format", "json"],
                                    stdin: String(decoding: try JSONSerialization.data(withJSONObject: root), as: UTF8.self))
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["chains"] as? [[String]] == [["amlodipine", "hydrochlorothiazide", "quinine"]])
    }

    @Test func cascadesReviewRejectsUnknownFields() throws {
        let run = try CLIRunner.run(["cascades", "review", TestPaths.fixture("timelines/ccb-thiazide-quinine-chain.json")])
        #expect(run.status == 65)
        #expect(run.stderr.contains("unknown field 'expect'"))
    }

    @Test func pssaOnASmallFile() throws {
        let path = NSTemporaryDirectory() + "pssa-\(UUID().uuidString).csv"
        try PSSATestSupport.workedExample2().write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CLIRunner.run(["cascades", "pssa", path, "--index", "amlodipine", "--marker", "furosemide",
                                     "--washout", "90", "--window", "30", "--start", "2020-01-01", "--end", "2020-12-31", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let counts = try #require(object["counts"] as? [String: Any])
        #expect(counts["indexFirst"] as? Int == 4)
        #expect(counts["markerFirst"] as? Int == 1)
        #expect(abs((object["SRnull"] as? Double ?? 0) - 2.8) < 1e-9)
    }
}
