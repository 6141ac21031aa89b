import Foundation
import Testing
import TestSupport

/// The NDJSON batch contract: one output line per input line, in order, errors as records.
struct NDJSONScreenerTests {
    /// A valid one-line request for patient `id`.
    static func line(_ id: String, drug: String = "baclofen") -> String {
        #"{"asOf":"2026-11-21T10:00:00Z","patient":{"id":"\#(id)","kidney":{"dialysis":"hemodialysis","sessionsPerWeek":3}},"#
            + #""orders":[{"id":"o1","drug":"\#(drug)","dose":{"value":10,"unit":"mg"},"route":"oral","frequency":"tid"}]}"#
    }

    /// Runs the screener over `input`, handing it out `chunk` bytes per read; returns output lines.
    static func run(_ input: [UInt8], jobs: Int, chunk: Int = 4096, linesPerBlock: Int = 8,
                    progress: ((NDJSONProgress) -> Void)? = nil) throws -> (lines: [String], summary: NDJSONSummary) {
        let screener = NDJSONScreener(checker: Checker(formulary: TestFormulary.shipped), jobs: jobs, linesPerBlock: linesPerBlock)
        var offset = 0
        var output: [UInt8] = []
        let summary = try screener.run(
            read: { buffer in
                let n = min(chunk, buffer.count, input.count - offset)
                for k in 0..<n { buffer[k] = input[offset + k] }
                offset += n
                return n
            },
            write: { bytes in output.append(contentsOf: bytes); return 0 },
            totalBytes: input.count, progressInterval: 0, progress: progress)
        #expect(output.last == 0x0A || output.isEmpty, "output ends with a newline")
        let text = String(decoding: output, as: UTF8.self)
        return (text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init), summary)
    }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
    }

    @Test("reports come out in input order", arguments: [1, 4])
    func preservesOrder(jobs: Int) throws {
        let ids = (1...101).map { "pt-\($0)" }
        let drugs = ["baclofen", "gabapentin", "atorvastatin", "no-such-drug"]
        let input = ids.enumerated().map { Self.line($1, drug: drugs[$0 % drugs.count]) }.joined(separator: "\n") + "\n"
        let (lines, summary) = try Self.run(Array(input.utf8), jobs: jobs, chunk: 777)
        #expect(lines.count == ids.count)
        #expect(summary.lines == ids.count && summary.reports == ids.count && summary.errors == 0)
        for (i, line) in lines.enumerated() {
            #expect(try Self.object(line)["patient"] as? String == ids[i])
        }
    }

    @Test("the same input gives the same output with one thread and four")
    func jobsDoNotChangeOutput() throws {
        let input = (1...40).map { $0 % 5 == 0 ? "{bad" : Self.line("p\($0)") }.joined(separator: "\n")
        let one = try Self.run(Array(input.utf8), jobs: 1).lines
        let four = try Self.run(Array(input.utf8), jobs: 4, chunk: 13).lines
        #expect(one == four)
        #expect(one.count == 40)
    }

    @Test("good, malformed, oversized and empty lines each get one line, errors with their line number", arguments: [1, 4])
    func oneOutputPerInput(jobs: Int) throws {
        let oversized = String(repeating: "x", count: RequestLimits.maxBytes + 1)
        let inputs: [String] = [
            Self.line("a"),                                        // 1 report
            "{\"patient\": ",                                      // 2 not JSON
            "",                                                    // 3 empty
            oversized,                                             // 4 over the limit
            Self.line("b") + "\r",                                 // 5 report (CRLF)
            "   \t",                                               // 6 blank
            #"{"patient":{"id":"c"}}"#,                            // 7 no orders
            #"{"patient":{"id":"d"},"orders":[{"drug":"baclofen","dose":{"value":-1,"unit":"mg"}}]}"#, // 8 bad dose
            Self.line("e"),                                        // 9 report, no final newline
        ]
        let (lines, summary) = try Self.run(Array(inputs.joined(separator: "\n").utf8), jobs: jobs, chunk: 65_536, linesPerBlock: 3)
        try #require(lines.count == inputs.count)
        #expect(summary.lines == 9 && summary.reports == 3 && summary.errors == 6)
        for (i, want) in [(0, "a"), (4, "b"), (8, "e")] {
            #expect(try Self.object(lines[i])["patient"] as? String == want)
        }
        let expected: [(line: Int, kind: String, code: Int, path: String)] = [
            (2, "syntax", InputProblem.Code.syntax.rawValue, "$"),
            (3, "empty", 1, "$"),
            (4, "tooLarge", 1, "$"),
            (6, "empty", 1, "$"),
            (7, "missingField", InputProblem.Code.missingField.rawValue, "$.orders"),
            (8, "invalidValue", InputProblem.Code.invalidValue.rawValue, "$.orders[0].dose.value"),
        ]
        for want in expected {
            let record = try Self.object(lines[want.line - 1])
            #expect(record["line"] as? Int == want.line)
            let error = try #require(record["error"] as? [String: Any], "line \(want.line): \(lines[want.line - 1])")
            #expect(error["kind"] as? String == want.kind, "line \(want.line)")
            #expect(error["code"] as? Int == want.code, "line \(want.line)")
            #expect(error["path"] as? String == want.path, "line \(want.line)")
            #expect((error["message"] as? String)?.isEmpty == false)
        }
        #expect(lines[3].utf8.count < 200, "an oversized line is not echoed")
    }

    @Test("a final newline does not make an extra line; empty input makes no output")
    func lineCounting() throws {
        #expect(try Self.run(Array((Self.line("a") + "\n").utf8), jobs: 1).lines.count == 1)
        #expect(try Self.run(Array((Self.line("a") + "\n\n").utf8), jobs: 1).lines.count == 2)
        #expect(try Self.run([], jobs: 2).lines.isEmpty)
    }

    @Test("progress ends with every line counted and the whole input read")
    func progressFinishes() throws {
        let input = Array(((1...20).map { Self.line("p\($0)") }.joined(separator: "\n") + "\n").utf8)
        var calls: [NDJSONProgress] = []
        _ = try Self.run(input, jobs: 2, progress: { calls.append($0) })
        let last = try #require(calls.last)
        #expect(last.finished && last.lines == 20 && last.bytesRead == input.count && last.fraction == 1)
        #expect(calls.dropLast().allSatisfy { !$0.finished })
    }

    @Test("a failing write stops the run with the error number")
    func writeFailure() throws {
        let screener = NDJSONScreener(checker: Checker(formulary: TestFormulary.shipped))
        var fed = false
        let input = Array(Self.line("a").utf8)
        #expect(throws: NDJSONError.writeFailed(errno: 32)) {
            _ = try screener.run(
                read: { buffer in
                    guard !fed else { return 0 }
                    fed = true
                    for k in 0..<input.count { buffer[k] = input[k] }
                    return input.count
                },
                write: { _ in 32 })
        }
    }

    @Test("a file path is screened to a descriptor, and a missing file is reported")
    func filePath() throws {
        let dir = NSTemporaryDirectory() + "ndjson-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let inPath = dir + "/in.ndjson", outPath = dir + "/out.ndjson"
        try ([Self.line("a"), "nope", Self.line("b")].joined(separator: "\n") + "\n").write(toFile: inPath, atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: outPath))
        let screener = NDJSONScreener(checker: Checker(formulary: TestFormulary.shipped), jobs: 2)
        let summary = try screener.run(path: inPath, output: handle.fileDescriptor)
        try handle.close()
        let out = try String(contentsOfFile: outPath, encoding: .utf8).split(separator: "\n")
        #expect(out.count == 3 && summary.errors == 1)
        #expect(throws: NDJSONError.self) { _ = try screener.run(path: dir + "/missing.ndjson") }
    }
}
