/// How often a dose is given.
///
/// Known codes: `once`, `daily`, `bid`, `tid`, `qid`, `q4h`, `q6h`, `q8h`, `q12h`, `q24h`, `q48h`,
/// `qhs`, `weekly`, `twice-weekly`, `thrice-weekly`, `each-dialysis`, `prn` (with a maximum per
/// day), or a custom count per day, week or dialysis session.
public struct Frequency: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The period a count refers to.
    public enum Period: String, Sendable, Hashable, Codable, CaseIterable {
        /// Doses a day.
        case day
        /// Doses a week.
        case week
        /// Doses each dialysis session.
        case dialysisSession = "dialysis-session"
    }

    /// The shape of the schedule.
    public enum Schedule: Sendable, Hashable, Codable {
        /// A fixed count per period.
        case every(times: Double, per: Period)
        /// A single dose.
        case once
        /// As needed, at most `maxPerDay` doses a day (nil when the order gives no maximum).
        case asNeeded(maxPerDay: Double?)
    }

    /// The code as written (`tid`, `prn`, `2/week`).
    public var code: String
    /// The schedule.
    public var schedule: Schedule

    /// Creates a frequency.
    public init(code: String, schedule: Schedule) {
        self.code = code
        self.schedule = schedule
    }

    /// Looks up a named frequency code (case-insensitive).
    ///
    /// - Parameters:
    ///   - code: the code, e.g. `tid`.
    ///   - maxPerDay: for `prn`, the most doses a day.
    /// - Returns: nil for a code RenalCheck does not know.
    public init?(code: String, maxPerDay: Double? = nil) {
        let c = code.lowercased()
        let schedule: Schedule
        switch c {
        case "once", "stat", "x1": schedule = .once
        case "daily", "qd", "od", "q24h", "once-daily", "qam", "qpm", "qhs", "nocte": schedule = .every(times: 1, per: .day)
        case "bid", "q12h", "twice-daily": schedule = .every(times: 2, per: .day)
        case "tid", "q8h": schedule = .every(times: 3, per: .day)
        case "qid", "q6h": schedule = .every(times: 4, per: .day)
        case "q4h": schedule = .every(times: 6, per: .day)
        case "q48h", "every-other-day", "qod": schedule = .every(times: 3.5, per: .week)
        case "weekly", "once-weekly": schedule = .every(times: 1, per: .week)
        case "twice-weekly": schedule = .every(times: 2, per: .week)
        case "thrice-weekly", "three-times-weekly", "tiw": schedule = .every(times: 3, per: .week)
        case "each-dialysis", "every-dialysis", "per-dialysis": schedule = .every(times: 1, per: .dialysisSession)
        case "prn": schedule = .asNeeded(maxPerDay: maxPerDay)
        default: return nil
        }
        self.init(code: c, schedule: schedule)
    }

    /// True for a bedtime or evening schedule (`qhs`, `qpm`, `nocte`).
    public var isEvening: Bool { Frequency.canonical(code) == "qhs" }

    /// The code every spelling of the same schedule shares, so that a rule naming one spelling
    /// matches them all: `nocte`, `qpm` and `qhs` are `qhs` (an evening or bedtime dose); `qd`,
    /// `od`, `q24h`, `once-daily`, `qam` and `1/day` are `daily`; `q8h` and `3/day` are `tid` ….
    ///
    /// - Parameter code: a frequency code as written (any case).
    /// - Returns: the shared code, or the lower-cased code when it has no other spelling.
    public static func canonical(_ code: String) -> String {
        let c = code.lowercased()
        switch c {
        case "qhs", "qpm", "nocte", "nightly", "bedtime", "at-bedtime": return "qhs"
        case "daily", "qd", "od", "q24h", "once-daily", "qam", "1/day": return "daily"
        case "bid", "q12h", "twice-daily", "2/day": return "bid"
        case "tid", "q8h", "3/day": return "tid"
        case "qid", "q6h", "4/day": return "qid"
        case "q4h", "6/day": return "q4h"
        case "q48h", "every-other-day", "qod", "0.5/day", "3.5/week": return "q48h"
        case "weekly", "once-weekly", "1/week": return "weekly"
        case "twice-weekly", "2/week": return "twice-weekly"
        case "thrice-weekly", "three-times-weekly", "tiw", "3/week": return "thrice-weekly"
        case "each-dialysis", "every-dialysis", "per-dialysis", "1/dialysis-session": return "each-dialysis"
        case "once", "stat", "x1": return "once"
        default: return c
        }
    }

    /// True for a scheduled repeating dose (not `once`, not `prn`).
    public var isRegular: Bool {
        if case .every = schedule { return true }
        return false
    }

    /// The most doses given on any one day, or nil when that cannot be known (prn with no maximum).
    ///
    /// A whole number: a dose every other day (`0.5/day`, FHIR `frequency 1, period 2 d`, prn at
    /// most 0.5 a day) is still a whole dose on the day it is given, and 1.5 a day is 2 on some
    /// days, so a fractional count is rounded up and a daily limit is compared with whole doses.
    public func dosesPerDay(sessionsPerWeek: Double) -> Double? {
        switch schedule {
        case .once: return 1
        case .asNeeded(let max): return max.map { $0.rounded(.up) }
        case .every(let times, .day): return times.rounded(.up)
        case .every(let times, .week): return (times / 7).rounded(.up)
        case .every(let times, .dialysisSession): return times.rounded(.up)
        }
    }

    /// Doses given in a week, or nil when unknown. A single dose counts once.
    public func dosesPerWeek(sessionsPerWeek: Double) -> Double? {
        switch schedule {
        case .once: return 1
        case .asNeeded(let max): return max.map { $0 * 7 }
        case .every(let times, .day): return times * 7
        case .every(let times, .week): return times
        case .every(let times, .dialysisSession): return times * sessionsPerWeek
        }
    }

    /// `tid`, or `prn (max 3/day)`.
    public var description: String {
        if case .asNeeded(let max?) = schedule { return "prn (max \(Quantity.format(max))/day)" }
        return code
    }
}
