#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A moment in time, to the second, in UTC.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int64

    /// Creates an instant from seconds since the epoch.
    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// The start of a day.
    public init(day: CalendarDay) { secondsSinceEpoch = Int64(day.daysSinceEpoch) * 86_400 }

    /// The current time from the system clock.
    public static func now() -> Instant { Instant(secondsSinceEpoch: Int64(time(nil))) }

    /// Parses `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM`.
    ///
    /// A date-time without a zone is rejected: a screening must be reproducible.
    public init?(iso text: String) {
        let b = Array(text.utf8)
        guard b.count >= 10, let day = CalendarDay(iso: String(decoding: b[0..<10], as: UTF8.self)) else { return nil }
        var seconds = Int64(day.daysSinceEpoch) * 86_400
        if b.count == 10 { self.init(secondsSinceEpoch: seconds); return }
        guard b.count >= 17, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), b[13] == UInt8(ascii: ":"),
              let hh = CalendarDay.digits(b[11..<13]), let mm = CalendarDay.digits(b[14..<16]), hh < 24, mm < 60
        else { return nil }
        var i = 16
        var ss = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard i + 3 <= b.count, let s = CalendarDay.digits(b[(i + 1)..<(i + 3)]), s < 61 else { return nil }
            ss = s
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
                guard i > start else { return nil }
            }
        }
        seconds += Int64(hh * 3600 + mm * 60 + ss)
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            guard i + 1 == b.count else { return nil }
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"),
                  let oh = CalendarDay.digits(b[(i + 1)..<(i + 3)]), let om = CalendarDay.digits(b[(i + 4)..<(i + 6)]),
                  oh < 24, om < 60 else { return nil }
            let offset = Int64(oh * 3600 + om * 60)
            seconds += b[i] == UInt8(ascii: "+") ? -offset : offset
        } else {
            return nil
        }
        self.init(secondsSinceEpoch: seconds)
    }

    /// The UTC day this instant falls on.
    public var day: CalendarDay {
        let d = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        return CalendarDay(daysSinceEpoch: Int32(d))
    }

    /// Days (fractional) from `other` to this instant.
    public func days(since other: Instant) -> Double { Double(secondsSinceEpoch - other.secondsSinceEpoch) / 86_400 }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var description: String {
        let s = secondsSinceEpoch - Int64(day.daysSinceEpoch) * 86_400
        func pad(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(pad(s / 3600)):\(pad(s / 60 % 60)):\(pad(s % 60))Z"
    }

    /// Earlier instants sort first.
    public static func < (a: Instant, b: Instant) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }
}
