import Foundation
import Testing
import TestSupport

/// One record per input line, in order, when good, malformed and oversized lines are interleaved
/// and oversized lines span many reads. Extends `NDJSONScreenerTests` (whose helpers it uses).
struct NDJSONBatchIntegrityTests {
    /// A valid request whose patient id pads the line to exactly `bytes` bytes.
    static func paddedRequest(_ id: String, bytes: Int) -> String {
        let base = NDJSONScreenerTests.line(id)
        // Pad with spaces after the opening brace: still a valid request, of exactly `bytes` bytes.
        return "{" + String(repeating: " ", count: bytes - base.utf8.count) + base.dropFirst()
    }

    /// What one input line must produce.
    enum Want { case report(String), error(kind: String) }

    static func check(_ inputs: [(String, Want)], jobs: Int, chunk: Int, finalNewline: Bool) throws {
        let text = inputs.map(\.0).joined(separator: "\n") + (finalNewline ? "\n" : "")
        let (lines, summary) = try NDJSONScreenerTests.run(Array(text.utf8), jobs: jobs, chunk: chunk, linesPerBlock: 2)
        try #require(lines.count == inputs.count, "one output line per input line")
        #expect(summary.lines == inputs.count)
        for (i, (_, want)) in inputs.enumerated() {
            #expect(lines[i].utf8.count < 64 << 10, "line \(i + 1): output stays small")
            let record = try NDJSONScreenerTests.object(lines[i])
            switch want {
            case .report(let id):
                #expect(record["patient"] as? String == id, "line \(i + 1)")
                #expect(record["error"] == nil, "line \(i + 1)")
            case .error(let kind):
                #expect(record["line"] as? Int == i + 1, "line \(i + 1)")
                let error = try #require(record["error"] as? [String: Any], "line \(i + 1)")
                #expect(error["kind"] as? String == kind, "line \(i + 1)")
            }
        }
    }

    static let limit = NDJSONScreener.maxLineBytes

    @Test("oversized lines between good and malformed ones", arguments: [(1, 4096), (3, 1_000_003), (2, 65_536)])
    func interleaved(jobs: Int, chunk: Int) throws {
        let oversizedRequest = Self.paddedRequest("too-big", bytes: Self.limit + 1)   // valid JSON, one byte too long
        let inputs: [(String, Want)] = [
            (oversizedRequest, .error(kind: "tooLarge")),                       // first line oversized
            (NDJSONScreenerTests.line("a"), .report("a")),
            (String(repeating: "[", count: Self.limit + 10), .error(kind: "tooLarge")),
            (String(repeating: "z", count: Self.limit * 2), .error(kind: "tooLarge")),   // two in a row
            ("{not json", .error(kind: "syntax")),
            (Self.paddedRequest("exact", bytes: Self.limit), .report("exact")),   // exactly at the limit
            (NDJSONScreenerTests.line("b"), .report("b")),
            (#"{"patient":{},"orders":[]}"#, .error(kind: "missingField")),
            (oversizedRequest, .error(kind: "tooLarge")),                       // last line oversized
        ]
        try Self.check(inputs, jobs: jobs, chunk: chunk, finalNewline: false)
        try Self.check(inputs, jobs: jobs, chunk: chunk, finalNewline: true)
    }

    @Test func anOversizedLineSplitExactlyAtTheReadBoundary() throws {
        // The newline after the oversized line is the first byte of a read.
        let big = String(repeating: "q", count: Self.limit + 1)
        let inputs: [(String, Want)] = [(big, .error(kind: "tooLarge")), (NDJSONScreenerTests.line("after"), .report("after"))]
        try Self.check(inputs, jobs: 1, chunk: Self.limit + 1, finalNewline: true)
        try Self.check(inputs, jobs: 2, chunk: Self.limit, finalNewline: true)
    }
}
