#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import RenalCheck

/// Writes results to stdout and diagnostics to stderr, and reads input, on the C library.
///
/// The CLI avoids Foundation so a cold start does not load it (and ICU): see BENCHMARKS.md.
enum Console {
    /// Writes every byte to a file descriptor, retrying on interruption.
    private static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }

    /// Writes text to stdout as is.
    static func out(_ text: String) {
        var t = text
        t.withUTF8 { write(1, UnsafeRawBufferPointer($0)) }
    }

    /// Writes bytes to stdout.
    static func out(bytes: [UInt8]) { bytes.withUnsafeBytes { write(1, $0) } }

    /// Writes a line to stderr (a newline is added when missing).
    static func error(_ text: String) { errorRaw(text.hasSuffix("\n") ? text : text + "\n") }

    /// Writes text to stderr as is (progress lines).
    static func errorRaw(_ text: String) {
        var t = text
        t.withUTF8 { write(2, UnsafeRawBufferPointer($0)) }
    }

    /// True when colour should be used on stdout: a terminal, and `NO_COLOR` unset.
    static var colour: Bool { isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR") == nil }

    /// Reads a file, or stdin for "-", up to one byte more than a request may hold (so the
    /// library can report the limit without the CLI holding a huge input in memory).
    static func read(_ path: String, limit: Int = RequestLimits.maxBytes + 1) -> [UInt8]? {
        let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { if fd != 0 { close(fd) } }
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while out.count < limit {
            let want = min(chunk.count, limit - out.count)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, want) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Writes bytes to a new or truncated file; false when it cannot.
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        bytes.withUnsafeBytes { write(fd, $0) }
        return true
    }
}
