/// The outcome of a prescription sequence symmetry analysis, as plain values for rendering.
///
/// Ratios are `nil` when undefined (0/0); a ratio with a zero denominator and a positive
/// numerator is `Double.infinity`. No field is ever NaN.
public struct PSSAResult: Sendable, Hashable {
    /// The parameters the analysis ran with.
    public var parameters: PSSAParameters
    /// The study start actually used (given, or the earliest date in the data).
    public var studyStart: CalendarDay
    /// The study end actually used (given, or the latest date in the data).
    public var studyEnd: CalendarDay
    /// The first day an initiation counts as incident: `studyStart + washout`.
    public var incidenceStart: CalendarDay
    /// The restriction window `d` actually used for SRnull, in days.
    public var nullWindowDays: Int
    /// Patient and row counts, including every exclusion and its reason.
    public var counts: PSSACounts
    /// Crude sequence ratio: index-first / marker-first.
    public var crudeSequenceRatio: Double?
    /// The probability P that a marker initiation follows an index initiation under no effect.
    public var nullEffectProbability: Double?
    /// Null-effect sequence ratio P / (1 − P).
    public var nullEffectSequenceRatio: Double?
    /// Adjusted sequence ratio cSR / SRnull.
    public var adjustedSequenceRatio: Double?
    /// 95% confidence interval of the crude sequence ratio; `nil` when there are no cases.
    public var crudeInterval: PSSAConfidenceInterval?
    /// 95% confidence interval of the adjusted sequence ratio; `nil` when there are no cases or
    /// SRnull is 0, infinite or undefined.
    public var adjustedInterval: PSSAConfidenceInterval?
    /// Unknown drug names with their row counts, most rows first, then by name.
    public var unknownDrugs: [PSSAUnknownDrug]
    /// One-based line numbers of the first few malformed rows (at most
    /// ``PSSAResult/maximumReportedMalformedLines``).
    public var firstMalformedLines: [Int]

    /// How many malformed line numbers are kept.
    public static let maximumReportedMalformedLines = 10
}
