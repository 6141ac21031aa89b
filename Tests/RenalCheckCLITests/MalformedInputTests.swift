import Foundation
import Testing
import TestSupport

/// `renalcheck screen` on every file of `Tests/Fixtures/malformed/`: the exit status and a message
/// fragment from `expectations.json`, and never a crash.
struct MalformedInputTests {
    /// What one corpus file must do.
    struct Expectation: Decodable, Sendable {
        /// The exit status.
        let exit: Int32
        /// A fragment stderr must contain (input errors).
        let stderrContains: String?
        /// A fragment stdout must contain (files that screen, to prove what was screened).
        let stdoutContains: String?
        /// Why the file is in the corpus.
        let why: String
        /// A known defect this file shows, reported to the owner; the check it fails is recorded as a known issue.
        let knownIssue: String?
    }

    static let folder = "malformed"

    static let expectations: [String: Expectation] = {
        let path = TestPaths.fixture(folder + "/expectations.json")
        guard let data = FileManager.default.contents(atPath: path),
              let table = try? JSONDecoder().decode([String: Expectation].self, from: data)
        else { fatalError("cannot read \(path)") }
        return table
    }()

    static let corpus: [String] = TestPaths.fixtures(in: folder).filter { $0 != "expectations.json" }

    @Test func everyFileHasAnExpectationAndEveryExpectationAFile() {
        #expect(Set(Self.corpus) == Set(Self.expectations.keys))
        #expect(Self.corpus.count >= 40)
    }

    @Test("each malformed file gets its exit status and a clear message", arguments: corpus)
    func corpusFile(name: String) throws {
        let want = try #require(Self.expectations[name], "no expectation for \(name)")
        let run = try CLIRunner.run(["screen", TestPaths.fixture(Self.folder + "/" + name), "--format", "json"])
        #expect(run.status == want.exit, "\(name): stderr: \(run.stderr.prefix(500))")
        if let fragment = want.stderrContains {
            #expect(run.stderr.contains(fragment), "\(name): stderr: \(run.stderr.prefix(500))")
        }
        if let fragment = want.stdoutContains {
            #expect(run.stdout.contains(fragment), "\(name): stdout: \(run.stdout.prefix(800))")
        }
        Self.expectNoCrash(run, name)
        if run.status == 65 {
            #expect(run.stdout.isEmpty, "\(name): nothing is written to stdout on an input error")
            let short = run.stderr.split(separator: "\n").allSatisfy { $0.utf8.count < 2048 }
            if let issue = want.knownIssue {
                withKnownIssue(Comment(rawValue: issue)) { #expect(short, "\(name): messages stay short") }
            } else {
                #expect(short, "\(name): messages stay short")
            }
            #expect(run.stderr.hasPrefix(TestPaths.fixture(Self.folder + "/" + name)), "\(name): messages start with the file name")
        }
    }

    /// No trap, signal or internal error, whatever the input.
    static func expectNoCrash(_ run: CLIRunner.Run, _ name: String) {
        #expect(run.status != 70 && run.status < 128, "\(name): exit \(run.status)")
        for marker in ["Fatal error", "Stack dump", "Illegal instruction", "Segmentation fault", "AddressSanitizer"] {
            #expect(!run.stderr.contains(marker), "\(name): \(marker)")
        }
    }

    @Test func aHundredMegabyteStringIsRejectedByTheRequestLimit() throws {
        let path = NSTemporaryDirectory() + "renalcheck-100mb-" + UUID().uuidString + ".json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var data = Data(#"{"patient": {"id": ""#.utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: 100 << 20))
        data.append(Data(#""}, "orders": [{"drug": "gabapentin", "dose": {"value": 300, "unit": "mg"}}]}"#.utf8))
        #expect(FileManager.default.createFile(atPath: path, contents: data))
        let run = try CLIRunner.run(["screen", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("the limit is \(RequestLimits.maxBytes)"), "stderr: \(run.stderr.prefix(300))")
        #expect(run.stderr.utf8.count < 1024, "the string is not echoed")
        #expect(run.stdout.isEmpty)
    }

    @Test func aHundredMegabyteStringOnStdinIsRejectedByTheRequestLimit() throws {
        let input = #"{"patient": {"id": ""# + String(repeating: "b", count: 100 << 20) + #""}, "orders": []}"#
        let run = try CLIRunner.run(["screen", "-"], stdin: input)
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("stdin: "))
        #expect(run.stderr.contains("the limit is \(RequestLimits.maxBytes)"))
        #expect(run.stderr.utf8.count < 1024)
    }

    @Test func aStringJustOverTheFieldLimitNamesTheField() throws {
        let input = #"{"patient": {"id": ""# + String(repeating: "c", count: RequestLimits.maxStringBytes + 1)
            + #""}, "orders": [{"drug": "gabapentin", "dose": {"value": 300, "unit": "mg"}}]}"#
        let run = try CLIRunner.run(["screen", "-"], stdin: input)
        #expect(run.status == 65)
        #expect(run.stderr.contains("$.patient.id: string is 1025 bytes; the limit is 1024"), "stderr: \(run.stderr)")
    }

    @Test func tooManyOrdersNamesTheLimit() throws {
        let order = #"{"drug": "gabapentin", "dose": {"value": 100, "unit": "mg"}}"#
        let input = #"{"patient": {}, "orders": ["# + Array(repeating: order, count: RequestLimits.maxOrders + 1).joined(separator: ",") + "]}"
        let run = try CLIRunner.run(["screen", "-"], stdin: input)
        #expect(run.status == 65)
        #expect(run.stderr.contains("$.orders: \(RequestLimits.maxOrders + 1) entries; the limit is \(RequestLimits.maxOrders)"), "stderr: \(run.stderr)")
    }
}
