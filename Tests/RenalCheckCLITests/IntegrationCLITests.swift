import Foundation
import Testing
import TestSupport

/// End to end through the CLI: a US Core–style Bundle coded only with RxNorm SCD codes, ICD-10-CM
/// and SNOMED CT dialysis conditions, a CPT-coded dialysis encounter and an Epic-style text
/// timing; the RxNorm importer; --show-request; the man page.
struct IntegrationCLITests {
    static let bundle = TestPaths.root + "/examples/fhir/us-core-rxnorm-scd-bundle.json"

    /// Imports the example RRF into a map file in a fresh temporary folder.
    static func importMap() throws -> String {
        let dir = NSTemporaryDirectory() + "renalcheck-rxnorm-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let out = dir + "/rxnorm-map.json"
        let run = try CLIRunner.run(["rxnorm", "import", TestPaths.root + "/examples/rxnorm/RXNCONSO.RRF",
                                     TestPaths.root + "/examples/rxnorm/RXNREL.RRF", "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("5 RxNorm concepts"))
        return out
    }

    @Test func anSCDCodedUSCoreBundleIsScreenedWithTheSitesMap() throws {
        let map = try Self.importMap()
        let run = try CLIRunner.run(["screen", "--input", "fhir", Self.bundle, "--rxnorm", map, "--format", "json"])
        #expect(run.status == 2, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let ids = findings.compactMap { $0["ruleId"] as? String }
        // gabapentin 1 capsule (300 mg) "3 times daily" on haemodialysis (CPT 90935): the major dose finding.
        #expect(ids.contains("gabapentin.renal-dose.hemodialysis"))
        // baclofen "Take 1 tablet by mouth three times a day" (text only): avoid on dialysis.
        #expect(ids.contains("baclofen.kidney.avoid"))
        let orders = try #require(report["orders"] as? [[String: Any]])
        #expect(orders.allSatisfy { $0["status"] as? String == "screened" })
    }

    @Test func withoutTheMapTheSCDCodesAreUnscreenedNotDropped() throws {
        let run = try CLIRunner.run(["screen", "--input", "fhir", Self.bundle])
        #expect(run.status == 3)
        #expect(run.stdout.contains("RxCUI 310431"))
    }

    @Test func showRequestPrintsTheNormalisedRequestWithProvenance() throws {
        let map = try Self.importMap()
        let run = try CLIRunner.run(["screen", "--input", "fhir", Self.bundle, "--rxnorm", map, "--show-request"])
        #expect(run.status == 0, "\(run.stderr)")
        let r = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let kidney = try #require((r["patient"] as? [String: Any])?["kidney"] as? [String: Any])
        #expect(kidney["dialysis"] as? String == "hemodialysis")
        let orders = try #require(r["orders"] as? [[String: Any]])
        let gaba = try #require(orders.first)
        #expect((gaba["drug"] as? [String: Any])?["resolved"] as? String == "gabapentin")
        #expect(((gaba["dose"] as? [String: Any])?["canonical"] as? [String: Any])?["value"] as? Double == 300)
        #expect((gaba["frequency"] as? [String: Any])?["perDay"] as? Double == 3)
        let provenance = try #require(r["provenance"] as? [String: String])
        #expect(provenance["patient.kidney.dialysis"]?.contains("Z99.2") == true)
        #expect(provenance["patient.kidney.dialysis"]?.contains("90935") == true)
        #expect(provenance["orders[0].frequency"] == "timing.code text \"3 times daily\"")
        #expect(provenance["orders[0].drug"]?.contains("RxCUI 310431 (SCD) in the RxNorm map") == true)
        // Every input form: the quick form too.
        let quick = try CLIRunner.run(["screen", "--dialysis", "hemodialysis", "--order", "baclofen 10 mg po tid", "--show-request"])
        #expect(quick.status == 0)
        #expect(quick.stdout.contains("\"resolved\": \"baclofen\""))
    }

    @Test func importerErrorsHaveStatuses() throws {
        let missing = try CLIRunner.run(["rxnorm", "import", "/nonexistent/RXNCONSO.RRF", "/nonexistent/RXNREL.RRF"])
        #expect(missing.status == 66)
        let bad = NSTemporaryDirectory() + "bad-\(UUID().uuidString).RRF"
        try "25480|ENG|gabapentin\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["rxnorm", "import", bad, bad])
        #expect(run.status == 65)
        #expect(run.stderr.contains(":1: expected 18 fields"))
        let badMap = try CLIRunner.run(["screen", "--input", "fhir", Self.bundle, "--rxnorm", bad])
        #expect(badMap.status == 65)
    }

    @Test func errorMessagesNameEveryTypeAFieldAccepts() throws {
        let drug = try CLIRunner.run(["screen", "-"], stdin: #"{"patient": {}, "orders": [{"drug": 5}]}"#)
        #expect(drug.status == 65)
        #expect(drug.stderr.contains("expected a string (a drug name) or an object"))
        let freq = try CLIRunner.run(["screen", "-"], stdin: #"{"patient": {}, "orders": [{"drug": "baclofen", "frequency": 3}]}"#)
        #expect(freq.status == 65)
        #expect(freq.stderr.contains("expected a string (a frequency code such as \"tid\") or an object"))
    }

    @Test func theManPageCoversEveryCommandAndOption() throws {
        let page = try String(contentsOfFile: TestPaths.root + "/docs/renalcheck.1", encoding: .utf8)
        let dump = try CLIRunner.run(["--experimental-dump-help"])
        #expect(dump.status == 0)
        let info = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var missing: [String] = []
        func walk(_ command: [String: Any]) {
            if let name = command["commandName"] as? String, !page.contains(name) { missing.append(name) }
            for arg in command["arguments"] as? [[String: Any]] ?? [] {
                for n in arg["names"] as? [[String: Any]] ?? [] where n["kind"] as? String == "long" {
                    if let name = n["name"] as? String, !page.contains(name), !["help", "version", "experimental-dump-help", "generate-completion-script"].contains(name) {
                        missing.append("--" + name)
                    }
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub) }
        }
        walk(try #require(info["command"] as? [String: Any]))
        #expect(missing.isEmpty, "docs/renalcheck.1 does not mention \(missing); regenerate it (see docs/README or mk/install.mk)")
    }
}
