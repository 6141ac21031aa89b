/// One well-formed dispensing row, pointing into the line buffer it was parsed from.
///
/// The pointers are valid only while the line is being consumed.
struct PSSARow {
    /// The patient id bytes, trimmed.
    var patient: UnsafeBufferPointer<UInt8>
    /// The drug name bytes, trimmed and unquoted.
    var drug: UnsafeBufferPointer<UInt8>
    /// The dispensing day.
    var day: CalendarDay
}

/// Parses one CSV line `patient_id,drug,date[,days_supply]` in place, without allocating.
///
/// Fields are trimmed of spaces and tabs. A field may be double-quoted (RFC 4180: `""` inside
/// quotes is one quote); quoted fields are unescaped in place, which is why the line is
/// mutable. A trailing carriage return is ignored. `days_supply`, when present and non-empty,
/// must be a whole number of at most six digits; it is validated but not otherwise used (the
/// continued-exposure rule works on dispensing dates).
enum PSSARowParser {
    /// The outcome of parsing one line.
    enum Outcome {
        /// A well-formed row.
        case row(PSSARow)
        /// An empty or all-whitespace line, skipped without counting.
        case blank
        /// A line that is not a valid dispensing row.
        case malformed
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// Parses a line (without its newline).
    static func parse(_ line: UnsafeMutableBufferPointer<UInt8>) -> Outcome {
        var fields: (Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0, 0..<0)
        var fieldCount = 0
        var position = 0
        let end = line.count
        var allBlank = true
        for byte in line where !isSpace(byte) {
            allBlank = false
            break
        }
        if allBlank { return .blank }
        while true {
            guard let (range, next) = field(in: line, from: position, end: end) else {
                return .malformed
            }
            switch fieldCount {
            case 0: fields.0 = range
            case 1: fields.1 = range
            case 2: fields.2 = range
            case 3: fields.3 = range
            default: return .malformed
            }
            fieldCount += 1
            if next >= end { break }
            position = next + 1  // skip the comma
        }
        guard fieldCount >= 3, !fields.0.isEmpty, !fields.1.isEmpty else { return .malformed }
        let base = UnsafeBufferPointer(line)
        guard let day = CalendarDay(isoUTF8: UnsafeBufferPointer(rebasing: base[fields.2])) else {
            return .malformed
        }
        if fieldCount == 4, !fields.3.isEmpty {
            guard fields.3.count <= 6 else { return .malformed }
            for index in fields.3 where line[index] < UInt8(ascii: "0") || line[index] > UInt8(ascii: "9") {
                return .malformed
            }
        }
        return .row(
            PSSARow(
                patient: UnsafeBufferPointer(rebasing: base[fields.0]),
                drug: UnsafeBufferPointer(rebasing: base[fields.1]),
                day: day))
    }

    /// Reads one field starting at `start`.
    ///
    /// - Returns: The trimmed (and, if quoted, unescaped in place) byte range and the index of
    ///   the comma that ends it (or `end`); `nil` for an unterminated quote or text after a
    ///   closing quote.
    @inline(__always)
    private static func field(
        in line: UnsafeMutableBufferPointer<UInt8>, from start: Int, end: Int
    ) -> (Range<Int>, Int)? {
        var position = start
        while position < end, isSpace(line[position]) { position += 1 }
        if position < end, line[position] == quote {
            let contentStart = position + 1
            var read = contentStart
            var write = contentStart
            while true {
                guard read < end else { return nil }
                let byte = line[read]
                if byte == quote {
                    if read + 1 < end, line[read + 1] == quote {
                        line[write] = quote
                        write += 1
                        read += 2
                        continue
                    }
                    read += 1
                    break
                }
                line[write] = byte
                write += 1
                read += 1
            }
            while read < end, isSpace(line[read]) { read += 1 }
            guard read == end || line[read] == comma else { return nil }
            var trimmedEnd = write
            var trimmedStart = contentStart
            while trimmedStart < trimmedEnd, isSpace(line[trimmedStart]) { trimmedStart += 1 }
            while trimmedEnd > trimmedStart, isSpace(line[trimmedEnd - 1]) { trimmedEnd -= 1 }
            return (trimmedStart..<trimmedEnd, read)
        }
        let fieldStart = position
        while position < end, line[position] != comma { position += 1 }
        var fieldEnd = position
        while fieldEnd > fieldStart, isSpace(line[fieldEnd - 1]) { fieldEnd -= 1 }
        return (fieldStart..<fieldEnd, position)
    }

    /// Whether a line is a header: it contains `patient_id` (ASCII case-insensitive).
    static func isHeader(_ line: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        let needle = Array("patient_id".utf8)
        guard line.count >= needle.count else { return false }
        for start in 0...(line.count - needle.count) {
            var matched = true
            for offset in 0..<needle.count {
                var byte = line[start + offset]
                if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != needle[offset] {
                    matched = false
                    break
                }
            }
            if matched { return true }
        }
        return false
    }
}
