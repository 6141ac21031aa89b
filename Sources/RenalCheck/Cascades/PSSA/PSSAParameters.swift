/// The time parameters of a prescription sequence symmetry analysis.
///
/// Defaults follow cascades.md §4.3: washout 365 days, window 365 days, blackout 0 days (ties
/// are always excluded), no continued-exposure requirement, SRnull window equal to the case
/// window, study period equal to the span of the data, Clopper–Pearson interval.
public struct PSSAParameters: Sendable, Hashable {
    /// Days of run-in after the study start during which no first dispensing may fall for the
    /// patient to count as an incident user. Initiations count from `start + washout`.
    public var washoutDays: Int
    /// The maximum number of days between the two initiations (inclusive, both orders).
    public var windowDays: Int
    /// Gaps of 1...`blackoutDays` days between the initiations are excluded (both orders).
    public var blackoutDays: Int
    /// When set, the first drug must have a dispensing on one of the `continuedExposureDays`
    /// days before (or on) the day the second drug starts. Needs a second pass over the data.
    public var continuedExposureDays: Int?
    /// The restriction window `d` of the null-effect sequence ratio.
    public var nullWindow: PSSANullWindow
    /// The first day of the study period; `nil` means the earliest date in the data.
    public var start: CalendarDay?
    /// The last day of the study period; `nil` means the latest date in the data.
    public var end: CalendarDay?
    /// How the 95% confidence interval is computed.
    public var intervalMethod: PSSAIntervalMethod
    /// The largest share of data rows (0–1) that may be malformed before the analysis refuses
    /// to report. The library default, 1, only counts them (``PSSACounts/malformedRows``); the
    /// CLI's `--max-malformed` defaults to 5% (a run where 67% of rows were malformed once exited 0).
    public var maxMalformedFraction: Double = 1

    /// Creates a parameter set; every argument has the library default.
    ///
    /// - Parameters:
    ///   - washoutDays: Run-in days before initiations count (default 365).
    ///   - windowDays: Maximum days between the initiations (default 365).
    ///   - blackoutDays: Excluded gaps of 1...blackout days (default 0).
    ///   - continuedExposureDays: Optional continued-exposure interval (default none).
    ///   - nullWindow: Restriction window for SRnull (default: the case window).
    ///   - start: Study start (default: earliest date in the data).
    ///   - end: Study end (default: latest date in the data).
    ///   - intervalMethod: Confidence-interval method (default Clopper–Pearson).
    public init(
        washoutDays: Int = 365, windowDays: Int = 365, blackoutDays: Int = 0,
        continuedExposureDays: Int? = nil, nullWindow: PSSANullWindow = .sameAsWindow,
        start: CalendarDay? = nil, end: CalendarDay? = nil,
        intervalMethod: PSSAIntervalMethod = .clopperPearson
    ) {
        self.washoutDays = washoutDays
        self.windowDays = windowDays
        self.blackoutDays = blackoutDays
        self.continuedExposureDays = continuedExposureDays
        self.nullWindow = nullWindow
        self.start = start
        self.end = end
        self.intervalMethod = intervalMethod
    }

    /// The largest day count accepted for any parameter (about 270 years).
    public static let maximumDays = 100_000

    /// Checks that the parameters describe a possible analysis.
    ///
    /// - Throws: ``PSSAError/invalidParameter(name:value:reason:)`` for a negative or absurdly
    ///   large day count, a blackout not shorter than the window, a null window shorter than or
    ///   equal to the blackout, or an end before the start.
    public func validate() throws(PSSAError) {
        try Self.check("washout", washoutDays, minimum: 0)
        try Self.check("window", windowDays, minimum: 1)
        try Self.check("blackout", blackoutDays, minimum: 0)
        if let days = continuedExposureDays { try Self.check("continued-exposure", days, minimum: 0) }
        if blackoutDays >= windowDays {
            throw .invalidParameter(
                name: "blackout", value: String(blackoutDays),
                reason: "must be shorter than the window (\(windowDays) days)")
        }
        if case .days(let days) = nullWindow {
            try Self.check("nsr-window", days, minimum: 1)
            if days <= blackoutDays {
                throw .invalidParameter(
                    name: "nsr-window", value: String(days),
                    reason: "must be longer than the blackout (\(blackoutDays) days)")
            }
        }
        if let start, let end, end < start {
            throw .invalidParameter(
                name: "end", value: end.description, reason: "is before the start \(start)")
        }
        if !(0...1).contains(maxMalformedFraction) {
            throw .invalidParameter(
                name: "max-malformed", value: Quantity.format(maxMalformedFraction * 100), reason: "must be a percentage from 0 to 100")
        }
    }

    private static func check(_ name: String, _ value: Int, minimum: Int) throws(PSSAError) {
        guard value >= minimum, value <= maximumDays else {
            throw .invalidParameter(
                name: name, value: String(value),
                reason: "must be between \(minimum) and \(maximumDays) days")
        }
    }
}
