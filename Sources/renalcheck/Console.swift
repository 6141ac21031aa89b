import Foundation

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

    /// Reads a file, or stdin for "-".
    static func read(_ path: String) -> [UInt8]? {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
