#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Splits a byte stream into lines and gathers them into bounded batches.
///
/// A line is the bytes before a `\n` (a final line without one counts too; a stream that ends
/// with `\n` has no extra empty line). A line longer than `maxLineBytes` is not kept: its bytes
/// are counted and dropped as they stream past, so one huge line never grows memory.
struct NDJSONLineReader {
    /// Reads into the buffer; returns the byte count, 0 at end of input, or -errno.
    typealias Read = (UnsafeMutableRawBufferPointer) -> Int

    let maxLineBytes: Int
    private var chunk: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false
    /// Input lines completed so far.
    private(set) var lineCount = 0
    /// Input bytes consumed so far.
    private(set) var bytesRead = 0

    init(maxLineBytes: Int, chunkBytes: Int) {
        self.maxLineBytes = maxLineBytes
        chunk = [UInt8](repeating: 0, count: max(1, chunkBytes))
    }

    /// Fills `batch` (cleared first) with up to its limits; returns false when input is exhausted
    /// and the batch is empty.
    /// - Throws: ``NDJSONError/readFailed(errno:)``.
    mutating func fill(_ batch: inout NDJSONBatch, read: Read) throws(NDJSONError) -> Bool {
        batch.reset(firstLine: lineCount + 1)
        while !batch.isFull {
            guard try nextLine(into: &batch, read: read) else { break }
        }
        return !batch.isEmpty
    }

    /// Appends one line to the batch; false when the input had no more lines.
    private mutating func nextLine(into batch: inout NDJSONBatch, read: Read) throws(NDJSONError) -> Bool {
        let lineStart = batch.storage.count
        var length = 0
        var sawBytes = false
        while true {
            if start == end {
                if atEOF { break }
                let n = chunk.withUnsafeMutableBytes { read($0) }
                if n < 0 { throw .readFailed(errno: Int32(-n)) }
                if n == 0 { atEOF = true; break }
                start = 0; end = n
                bytesRead += n
            }
            sawBytes = true
            let newline = Self.find(0x0A, in: chunk, from: start, to: end)
            let found = newline != nil
            let stop = newline ?? end
            let piece = stop - start
            // One byte more is collected: a line of exactly maxLineBytes may end with "\r" (CRLF).
            let cap = maxLineBytes + 1
            if length <= cap {
                if length + piece <= cap {
                    batch.storage.append(contentsOf: chunk[start..<stop])
                } else {
                    batch.storage.removeSubrange(lineStart...)
                }
            }
            length += piece
            start = found ? stop + 1 : stop
            if found { break }
        }
        guard sawBytes else { return false }
        lineCount += 1
        if length == maxLineBytes + 1, batch.storage.last == 0x0D {
            batch.storage.removeLast()  // the "\r" of a CRLF line ending, which carries no meaning
            length -= 1
        }
        if length > maxLineBytes {
            if batch.storage.count > lineStart { batch.storage.removeSubrange(lineStart...) }
            batch.entries.append(.oversized(bytes: length))
        } else {
            batch.entries.append(.line(lineStart..<batch.storage.count))
        }
        return true
    }

    /// The index of the first `byte` in `bytes[from..<to]`, found with `memchr`.
    private static func find(_ byte: UInt8, in bytes: [UInt8], from: Int, to: Int) -> Int? {
        bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, to > from else { return nil }
            guard let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
            return UnsafeRawPointer(hit) - base
        }
    }
}
