/// A day in the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// A `CalendarDay` stores the number of days since 1970-01-01 as an `Int32`, so it is cheap to
/// store millions of them (one per patient) and to subtract two of them. Conversion to and from
/// year, month and day uses Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms:
/// pure integer arithmetic, no Foundation, no time zones, no leap seconds.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number of days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int32

    /// Creates a day from a count of days since 1970-01-01.
    ///
    /// - Parameters:
    ///   - daysSinceEpoch: Days since 1970-01-01; 0 is 1970-01-01, −1 is 1969-12-31.
    public init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Creates a day from a year, month and day, validating the month and the day of the month.
    ///
    /// Leap years follow the Gregorian rule (divisible by 4, except centuries not divisible
    /// by 400).
    ///
    /// - Parameters:
    ///   - year: The year, 0...9999.
    ///   - month: The month, 1...12.
    ///   - day: The day of the month, 1...28/29/30/31 depending on the month.
    /// - Returns: `nil` when any component is out of range.
    public init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CalendarDay.daysInMonth(year: year, month: month)
        else { return nil }
        self.daysSinceEpoch = Int32(CalendarDay.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses a date written exactly as `YYYY-MM-DD`.
    ///
    /// - Parameters:
    ///   - iso: Text of exactly ten characters, four-digit year, two-digit month and day.
    /// - Returns: `nil` when the text is not exactly `YYYY-MM-DD` or names a day that does not
    ///   exist (such as 2023-02-29).
    public init?(iso: String) {
        var text = iso
        let parsed = text.withUTF8 { CalendarDay(isoUTF8: $0) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Parses a date written exactly as `YYYY-MM-DD` from UTF-8 bytes (for example a slice of a
    /// file buffer), without creating a `String`.
    ///
    /// - Parameters:
    ///   - bytes: Exactly ten bytes `YYYY-MM-DD`.
    /// - Returns: `nil` when the bytes are not exactly `YYYY-MM-DD` or name a day that does not
    ///   exist.
    @inlinable
    public init?<Bytes: Collection>(isoUTF8 bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == 10 else { return nil }
        var year = 0
        var month = 0
        var day = 0
        var position = 0
        for byte in bytes {
            switch position {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte &- UInt8(ascii: "0"))
                if position < 4 {
                    year = year &* 10 &+ digit
                } else if position < 7 {
                    month = month &* 10 &+ digit
                } else {
                    day = day &* 10 &+ digit
                }
            }
            position &+= 1
        }
        self.init(year: year, month: month, day: day)
    }

    /// The year, month and day of this day.
    public var components: (year: Int, month: Int, day: Int) {
        CalendarDay.civilFromDays(Int(daysSinceEpoch))
    }

    /// The day written as `YYYY-MM-DD` (years outside 0...9999 get a sign or more digits).
    public var description: String {
        let (year, month, day) = components
        if (0...9999).contains(year) {
            // The common case: ten ASCII bytes written straight into the string's storage.
            return String(unsafeUninitializedCapacity: 10) { b in
                let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
                b[0] = zero &+ UInt8(year / 1000); b[1] = zero &+ UInt8(year / 100 % 10)
                b[2] = zero &+ UInt8(year / 10 % 10); b[3] = zero &+ UInt8(year % 10)
                b[4] = dash; b[5] = zero &+ UInt8(month / 10); b[6] = zero &+ UInt8(month % 10)
                b[7] = dash; b[8] = zero &+ UInt8(day / 10); b[9] = zero &+ UInt8(day % 10)
                return 10
            }
        }
        return CalendarDay.pad(year, width: 4) + "-" + CalendarDay.pad(month, width: 2) + "-"
            + CalendarDay.pad(day, width: 2)
    }

    /// Orders days chronologically.
    ///
    /// - Parameters:
    ///   - lhs: A day.
    ///   - rhs: Another day.
    /// - Returns: `true` when `lhs` is before `rhs`.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    /// Moves a day forward (or backward, for a negative count) by a number of days.
    ///
    /// The result saturates at the limits of `Int32` instead of trapping.
    ///
    /// - Parameters:
    ///   - lhs: The starting day.
    ///   - rhs: The number of days to add.
    /// - Returns: The day `rhs` days after `lhs`.
    public static func + (lhs: CalendarDay, rhs: Int) -> CalendarDay {
        let (sum, overflow) = Int(lhs.daysSinceEpoch).addingReportingOverflow(rhs)
        return CalendarDay(daysSinceEpoch: overflow ? (rhs < 0 ? .min : .max) : Int32(clamping: sum))
    }

    /// Moves a day backward by a number of days.
    ///
    /// - Parameters:
    ///   - lhs: The starting day.
    ///   - rhs: The number of days to subtract.
    /// - Returns: The day `rhs` days before `lhs`.
    public static func - (lhs: CalendarDay, rhs: Int) -> CalendarDay {
        rhs == .min ? lhs + Int.max : lhs + (-rhs)
    }

    /// The number of days from one day to another.
    ///
    /// - Parameters:
    ///   - lhs: The later day.
    ///   - rhs: The earlier day.
    /// - Returns: `lhs − rhs` in days; negative when `lhs` is earlier.
    public static func - (lhs: CalendarDay, rhs: CalendarDay) -> Int {
        Int(lhs.daysSinceEpoch) - Int(rhs.daysSinceEpoch)
    }

    /// Whether a year is a Gregorian leap year.
    ///
    /// - Parameters:
    ///   - year: The year.
    /// - Returns: `true` for years divisible by 4, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    ///
    /// - Parameters:
    ///   - year: The year (for February).
    ///   - month: The month, 1...12.
    /// - Returns: 28...31, or 0 for a month outside 1...12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// The number of days in a month (argument order kept for existing callers).
    ///
    /// - Parameters:
    ///   - month: The month, 1...12.
    ///   - year: The year (for February).
    /// - Returns: 28...31, or 0 for a month outside 1...12.
    static func daysIn(month: Int, year: Int) -> Int {
        daysInMonth(year: year, month: month)
    }

    /// Reads an unsigned decimal number from ASCII digits (used by `Instant` parsing).
    ///
    /// - Parameters:
    ///   - bytes: ASCII digits only.
    /// - Returns: The number, or `nil` when `bytes` is empty or holds a non-digit.
    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Hinnant's `days_from_civil`: days since 1970-01-01 of a valid civil date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Hinnant's `civil_from_days`: year, month and day of a count of days since 1970-01-01.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let padding = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + padding + digits
    }
}
