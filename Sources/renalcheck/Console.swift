import Foundation
import RenalCheck

/// Writes results to stdout and diagnostics to stderr.
enum Console {
    /// Writes text to stdout as is.
    static func out(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

    /// Writes bytes to stdout.
    static func out(bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }

    /// Writes a line to stderr.
    static func error(_ text: String) { FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8)) }

    /// True when colour should be used on stdout: a terminal, and `NO_COLOR` unset.
    static var colour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Reads a file, or stdin for "-", up to one byte more than a request may hold (so the
    /// library can report the limit without the CLI holding a huge input in memory).
    static func read(_ path: String, limit: Int = RequestLimits.maxBytes + 1) -> [UInt8]? {
        let handle: FileHandle
        if path == "-" { handle = .standardInput } else {
            guard let h = FileHandle(forReadingAtPath: path) else { return nil }
            handle = h
        }
        defer { if path != "-" { try? handle.close() } }
        var out = [UInt8]()
        while out.count < limit {
            guard let chunk = try? handle.read(upToCount: min(1 << 20, limit - out.count)), !chunk.isEmpty else { break }
            out.append(contentsOf: chunk)
        }
        return out
    }
}
