import Foundation
import RenalCheck

/// Goal 4: NDJSON throughput. `gen-requests` writes the input; `ndjson` screens stdin to stdout.
enum NDJSONBench {
    static func generate(count: Int, directory: String?, order: String?) throws {
        let formulary = try directory.map { try Formulary.load(directory: $0) } ?? Formulary.builtin()
        let template = ScreenBench.requestJSON(formulary: formulary, order: order, patientID: "PATIENT")
        let parts = template.components(separatedBy: "PATIENT")
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        for i in 1...count {
            out.append(contentsOf: parts[0].utf8)
            out.append(contentsOf: "pt-\(i)".utf8)
            out.append(contentsOf: parts[1].utf8)
            out.append(0x0A)
            if out.count > 1 << 20 { FileHandle.standardOutput.write(Data(out)); out.removeAll(keepingCapacity: true) }
        }
        FileHandle.standardOutput.write(Data(out))
    }

    static func screen(jobs: Int, directory: String?, compact: Bool) throws {
        let formulary = try directory.map { try Formulary.load(directory: $0) } ?? Formulary.builtin()
        let screener = NDJSONScreener(checker: Checker(formulary: formulary), jobs: jobs, form: compact ? .compact : .full)
        let s = try screener.run(input: 0, output: 1)
        FileHandle.standardError.write(Data(String(
            format: "ndjson \(compact ? "compact" : "full") jobs %d: %d lines (%d errors) in %.2f s: %.0f requests/s, %.1f MB/s in, %.1f MB/s out\n",
            jobs, s.lines, s.errors, s.elapsedSeconds, Double(s.lines) / s.elapsedSeconds,
            Double(s.bytesRead) / 1e6 / s.elapsedSeconds, Double(s.bytesWritten) / 1e6 / s.elapsedSeconds).utf8))
    }
}
