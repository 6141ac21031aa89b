// Glibc is imported for C I/O (fopen/fread/ferror/fclose, errno) and memchr/memmove.
import Glibc

/// Where dispensing bytes come from: a file streamed with `fread` in large blocks, or a buffer
/// in memory fed through the same block loop (so tests exercise the block boundaries).
///
/// Only one block (plus the longest line) is held at a time, never the whole file.
enum PSSAByteSource {
    /// A file on disk.
    case file(path: String, blockSize: Int)
    /// Bytes in memory, copied into the block buffer `blockSize` bytes at a time.
    case memory([UInt8], blockSize: Int)

    /// Longest line accepted, in bytes (one endless line from a pipe once grew to 1 GB).
    static let maxLineBytes = 1 << 20

    /// Splits the source into lines and hands each to `consumer`, in order.
    ///
    /// - Throws: ``PSSAError/fileNotFound(path:)``, ``PSSAError/unreadable(path:errno:)`` or
    ///   ``PSSAError/lineTooLong(line:limit:)``.
    func feed<Consumer: PSSALineConsumer>(into consumer: inout Consumer) throws(PSSAError) {
        switch self {
        case .file(let path, let blockSize):
            guard let handle = fopen(path, "rb") else {
                let code = errno
                throw code == ENOENT ? .fileNotFound(path: path) : .unreadable(path: path, errno: code)
            }
            defer { fclose(handle) }
            var failure: Int32 = 0
            let long = Self.splitLines(blockSize: blockSize, into: &consumer) { destination, capacity in
                let count = fread(destination, 1, capacity, handle)
                if count == 0, ferror(handle) != 0 {
                    failure = errno == 0 ? EIO : errno
                    return -1
                }
                return count
            }
            if failure != 0 { throw .unreadable(path: path, errno: failure) }
            if let long { throw .lineTooLong(line: long, limit: Self.maxLineBytes) }
        case .memory(let bytes, let blockSize):
            var offset = 0
            let long = bytes.withUnsafeBytes { source in
                Self.splitLines(blockSize: blockSize, into: &consumer) { destination, capacity in
                    let count = min(capacity, source.count - offset)
                    if count > 0 {
                        destination.copyMemory(from: source.baseAddress! + offset, byteCount: count)
                    }
                    offset += count
                    return count
                }
            }
            if let long { throw .lineTooLong(line: long, limit: Self.maxLineBytes) }
        }
    }

    /// The block loop: fill the buffer after any carried-over partial line, hand out every
    /// complete line, move the remainder to the front, repeat. A line longer than the buffer
    /// doubles it, up to ``maxLineBytes``. The last line need not end with `\n`. A newline
    /// inside a double-quoted field (RFC 4180) does not end the line.
    ///
    /// - Parameters:
    ///   - read: Fills up to `capacity` bytes at the pointer; returns the count, 0 at the end,
    ///     or −1 on error.
    /// - Returns: the number of a line longer than ``maxLineBytes`` (reading stops there), or nil.
    private static func splitLines<Consumer: PSSALineConsumer>(
        blockSize: Int, into consumer: inout Consumer,
        read: (UnsafeMutableRawPointer, Int) -> Int
    ) -> Int? {
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(16, blockSize))
        defer { buffer.deallocate() }
        var filled = 0
        var lineNumber = 0
        var scanned = 0
        var insideQuotes = false
        while true {
            if filled == buffer.count {
                if filled >= maxLineBytes { return lineNumber + 1 }
                let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
                _ = larger.initialize(from: buffer)
                buffer.deallocate()
                buffer = larger
            }
            let base = buffer.baseAddress!
            let count = read(base + filled, buffer.count - filled)
            if count < 0 { return nil }
            if count == 0 {
                if filled > 0 {
                    lineNumber += 1
                    consumer.consume(
                        line: UnsafeMutableBufferPointer(start: base, count: filled), number: lineNumber)
                }
                return nil
            }
            var searchFrom = filled
            filled += count
            var lineStart = 0
            while searchFrom < filled,
                let found = memchr(base + searchFrom, Int32(UInt8(ascii: "\n")), filled - searchFrom)
            {
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                // An odd number of quotes so far: the newline is inside a quoted field. Each byte
                // is counted once (`scanned`), so a line of many quoted newlines stays linear.
                for i in scanned..<newline where base[i] == UInt8(ascii: "\"") { insideQuotes.toggle() }
                scanned = newline + 1
                if insideQuotes {
                    searchFrom = newline + 1
                    continue
                }
                lineNumber += 1
                consumer.consume(
                    line: UnsafeMutableBufferPointer(start: base + lineStart, count: newline - lineStart),
                    number: lineNumber)
                lineStart = newline + 1
                searchFrom = lineStart
            }
            if lineStart > 0 {
                let remainder = filled - lineStart
                if remainder > 0 { memmove(base, base + lineStart, remainder) }
                filled = remainder
                scanned -= lineStart
            }
        }
    }
}
