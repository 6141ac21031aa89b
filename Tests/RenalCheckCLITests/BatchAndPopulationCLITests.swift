import Foundation
import Testing
import TestSupport

/// `renalcheck screen --ndjson` and `renalcheck cascades pssa --all`, end to end.
struct BatchAndPopulationCLITests {
    static func oneLine(_ example: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.root + "/examples/" + example))
        let object = try JSONSerialization.jsonObject(with: data)
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test("one output line per input line, in order", arguments: [1, 2])
    func ndjsonKeepsOrderAndCount(jobs: Int) throws {
        let good = try Self.oneLine("vitamin-e.json"), hazard = try Self.oneLine("baclofen-titration.json")
        let input = [good, "{not json", hazard, "", good].joined(separator: "\n") + "\n"
        let run = try CLIRunner.run(["screen", "--ndjson", "--jobs", String(jobs)], stdin: input)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix(#"{"formulary":"#))
        #expect(lines[1].hasPrefix(#"{"line":2,"error":"#))
        #expect(lines[2].contains("baclofen.kidney.avoid"))
        #expect(lines[3].hasPrefix(#"{"line":4,"error":"#))
        #expect(lines[4].hasPrefix(#"{"formulary":"#))
        #expect(run.status == 65, "error records make the run exit 65")
    }

    @Test func ndjsonExitFollowsFailOnWhenEveryLineIsValid() throws {
        let hazard = try Self.oneLine("baclofen-titration.json"), mild = try Self.oneLine("vitamin-e.json")
        #expect(try CLIRunner.run(["screen", "--ndjson"], stdin: hazard + "\n").status == 2)
        #expect(try CLIRunner.run(["screen", "--ndjson"], stdin: mild + "\n").status == 0)
        #expect(try CLIRunner.run(["screen", "--ndjson", "--fail-on", "minor"], stdin: mild + "\n").status == 2)
    }

    @Test func ndjsonRejectsQuickFormOptions() throws {
        #expect(try CLIRunner.run(["screen", "--ndjson", "--order", "baclofen 10 mg po tid"]).status == 64)
    }

    @Test func pssaAllRunsEveryCascadeSortedByAdjustedRatio() throws {
        let path = NSTemporaryDirectory() + "pssa-all-\(UUID().uuidString).csv"
        try PSSATestSupport.workedExample2().write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CLIRunner.run(["cascades", "pssa", path, "--all", "--washout", "90", "--window", "30",
                                     "--start", "2020-01-01", "--end", "2020-12-31", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let cascades = TestFormulary.shipped.rules.filter { $0.cascade != nil }.count
        #expect(rows.count == cascades)
        let ratios = rows.map { $0["aSR"] as? Double ?? -1 }
        #expect(ratios == ratios.sorted(by: >))
        #expect(rows.contains { ($0["pair"] as? String) == "dhp-ccb-oedema-diuretic" })
    }

    @Test func pssaNeedsIndexAndMarkerOrAll() throws {
        #expect(try CLIRunner.run(["cascades", "pssa", "/tmp/x.csv"]).status == 64)
        #expect(try CLIRunner.run(["cascades", "pssa", "/tmp/x.csv", "--index", "statin"]).status == 64)
    }

    @Test func pssaMissingFileExits66() throws {
        #expect(try CLIRunner.run(["cascades", "pssa", "/nonexistent.csv", "--index", "statin", "--marker", "quinine"]).status == 66)
    }
}
