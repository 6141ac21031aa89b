import Testing
import TestSupport

@testable import RenalCheck

/// Small data sets whose expected numbers are derived by hand in the comments.
struct PSSAHandDerivedTests {
    typealias S = PSSATestSupport

    /// Ties, blackout and the window boundary. Study 2021, washout 0, window 30, blackout 3;
    /// every index start is d = 2021-06-01.
    ///
    ///     A marker d+3  → gap 3 ≤ blackout    → in blackout
    ///     B marker d+4  → gap 4               → index-first
    ///     C marker d−4  → gap −4              → marker-first
    ///     D marker d−3  → |gap| 3 ≤ blackout  → in blackout
    ///     E marker d+30 → gap 30 = window     → index-first (window is inclusive)
    ///     F marker d+31 → gap 31 > window     → outside window
    ///     G marker d    → same day            → tie
    ///
    /// cSR = 2/1 = 2. SRnull: a = 7 on day d; markers after in [d+4, d+30] = {d+4, d+30} = 2;
    /// before in [d−30, d−4] = {d−4} = 1. P = 7·2 / 7·3 = 2/3 → SRnull = 2 → aSR = 1.
    /// Exact p-CI for 2/3: upper = 0.975^(1/3) (Beta(3,1)); lower solves 3p² − 2p³ = 0.025.
    @Test func tiesBlackoutAndWindowBoundary() throws {
        let d = "2021-06-01"
        let offsets = [("A", 3), ("B", 4), ("C", -4), ("D", -3), ("E", 30), ("F", 31), ("G", 0)]
        var rows: [(String, String, String)] = []
        for (patient, offset) in offsets {
            rows += [(patient, "amlodipine", d), (patient, "furosemide", S.day(d, plus: offset))]
        }
        let parameters = PSSAParameters(
            washoutDays: 0, windowDays: 30, blackoutDays: 3, start: CalendarDay(iso: "2021-01-01"),
            end: CalendarDay(iso: "2021-12-31"))
        let result = try PSSAAnalysis(parameters: parameters).run(csv: S.csv(rows), classifier: S.classifier)
        let c = result.counts
        #expect((c.indexFirst, c.markerFirst, c.ties, c.inBlackout, c.outsideWindow) == (2, 1, 1, 2, 1))
        #expect(c.incidentUsersOfBoth == 7)
        #expect(result.crudeSequenceRatio == 2)
        #expect(S.close(result.nullEffectSequenceRatio, 2, tolerance: 1e-12))
        #expect(S.close(result.adjustedSequenceRatio, 1, tolerance: 1e-12))
        let crude = try #require(result.crudeInterval)
        let pUpper = crude.upper / (1 + crude.upper)
        let pLower = crude.lower / (1 + crude.lower)
        #expect(abs(pUpper * pUpper * pUpper - 0.975) < 1e-10)
        #expect(abs(3 * pLower * pLower - 2 * pLower * pLower * pLower - 0.025) < 1e-10)
        #expect(S.close(pLower, 0.09429932405024609, tolerance: 1e-9))  // scipy beta.ppf(.025, 2, 2)
        let adjusted = try #require(result.adjustedInterval)
        #expect(S.close(adjusted.upper, crude.upper / 2, tolerance: 1e-12))
    }

    /// Washout and truncation at both study edges. Study 2021-01-01…2021-12-31, washout 100
    /// (incidence from 2021-04-11), window 60.
    ///
    ///     H index 04-10 (one day too early: prevalent), marker 05-01 → not incident
    ///     I index 04-11 (first incident day), marker 05-11            → index-first (30 d)
    ///     J index 12-31 (last day), marker 2022-01-05 (after the end)  → index user only
    ///     K marker 04-20, index 06-01                                  → marker-first (42 d)
    ///     L index 2020-12-01 (before the start) and 06-01, marker 06-15 → not incident
    ///
    /// Incident index: I, J, K = 3; prevalent index: H, L = 2; incident marker: H, I, K, L = 4.
    /// SRnull with d = 60: index days 04-11, 06-01, 12-31; marker days 04-20, 05-01, 05-11, 06-15.
    ///     t = 04-11: after [04-12, 06-10] = 3; before [02-10, 04-10] truncated at 04-11 = 0
    ///     t = 06-01: after [06-02, 07-31] = 1 (06-15); before [04-02, 05-31] = 3
    ///     t = 12-31: after truncated at the end = 0; before [11-01, 12-30] = 0
    /// P = 4 / 7 → SRnull = 4/3; cSR = 1 → aSR = 0.75.
    @Test func washoutAndStudyEdges() throws {
        let rows: [(String, String, String)] = [
            ("H", "amlodipine", "2021-04-10"), ("H", "furosemide", "2021-05-01"),
            ("I", "nifedipine", "2021-04-11"), ("I", "furosemide", "2021-05-11"),
            ("J", "amlodipine", "2021-12-31"), ("J", "furosemide", "2022-01-05"),
            ("K", "furosemide", "2021-04-20"), ("K", "amlodipine", "2021-06-01"),
            ("L", "amlodipine", "2020-12-01"), ("L", "amlodipine", "2021-06-01"),
            ("L", "furosemide", "2021-06-15"),
        ]
        let parameters = PSSAParameters(
            washoutDays: 100, windowDays: 60, start: CalendarDay(iso: "2021-01-01"),
            end: CalendarDay(iso: "2021-12-31"))
        let result = try PSSAAnalysis(parameters: parameters).run(csv: S.csv(rows), classifier: S.classifier)
        let c = result.counts
        #expect(result.incidenceStart.description == "2021-04-11")
        #expect((c.incidentIndexUsers, c.prevalentIndexUsers, c.incidentMarkerUsers) == (3, 2, 4))
        #expect((c.indexFirst, c.markerFirst, c.notIncident) == (1, 1, 2))
        #expect(S.close(result.nullEffectProbability, 4.0 / 7.0, tolerance: 1e-12))
        #expect(S.close(result.nullEffectSequenceRatio, 4.0 / 3.0, tolerance: 1e-12))
        #expect(S.close(result.adjustedSequenceRatio, 0.75, tolerance: 1e-12))
    }

    /// Without start/end the study period is the data's span, including rows of other and
    /// unknown drugs. Data 2021-01-01 (metformin) … 2021-03-02 (unknown "zz-drug"), washout 30
    /// → incidence from 2021-01-31. X: index 01-30 → prevalent. Y: marker 02-01, index 02-11 →
    /// marker-first (10 d). cSR = 0/1 = 0; the p-CI is (0, 0.975) → odds (0, 39).
    /// SRnull (d = 365): a on 02-11 only; marker 02-01 is before → P = 0 → SRnull = 0, so
    /// aSR and its interval are undefined (nil), never NaN.
    @Test func defaultStudyPeriodIsTheDataSpan() throws {
        let rows: [(String, String, String)] = [
            ("W", "metformin", "2021-01-01"), ("X", "amlodipine", "2021-01-30"),
            ("Y", "furosemide", "2021-02-01"), ("Y", "amlodipine", "2021-02-11"),
            ("Z", "zz-drug", "2021-03-02"),
        ]
        let result = try PSSAAnalysis(parameters: PSSAParameters(washoutDays: 30))
            .run(csv: S.csv(rows), classifier: S.classifier)
        #expect(result.studyStart.description == "2021-01-01")
        #expect(result.studyEnd.description == "2021-03-02")
        #expect(result.counts.prevalentIndexUsers == 1)
        #expect(result.counts.markerFirst == 1)
        #expect(result.crudeSequenceRatio == 0)
        let crude = try #require(result.crudeInterval)
        #expect(crude.lower == 0)
        #expect(S.close(crude.upper, 39, tolerance: 1e-9))
        #expect(result.nullEffectSequenceRatio == 0)
        #expect(result.adjustedSequenceRatio == nil)
        #expect(result.adjustedInterval == nil)
        #expect(result.unknownDrugs == [PSSAUnknownDrug(name: "zz-drug", rows: 1)])
    }

    /// No cases at all: every ratio and interval is nil (0/0), nothing is NaN.
    @Test func noCasesGivesUndefinedRatios() throws {
        let rows: [(String, String, String)] = [("A", "amlodipine", "2021-06-01")]
        let result = try PSSAAnalysis(parameters: PSSAParameters(washoutDays: 0))
            .run(csv: S.csv(rows), classifier: S.classifier)
        #expect(result.crudeSequenceRatio == nil)
        #expect(result.crudeInterval == nil)
        #expect(result.nullEffectSequenceRatio == nil)
        #expect(result.counts.incidentIndexUsers == 1)
    }

    /// A drug in both classes starts both on the same day: always a tie.
    @Test func drugInBothClassesIsATie() throws {
        let classifier = PSSADictionaryClassifier(indexDrugs: ["x"], markerDrugs: ["x"])
        let rows: [(String, String, String)] = [("A", "X", "2021-06-01")]
        let result = try PSSAAnalysis(parameters: PSSAParameters(washoutDays: 0))
            .run(csv: S.csv(rows), classifier: classifier)
        #expect(result.counts.ties == 1)
    }

    /// Jeffreys for 30/10 on worked example 1: Beta(30.5, 10.5) quantiles (scipy: 0.601694,
    /// 0.863607) on the odds scale.
    @Test func jeffreysInterval() throws {
        let interval = try #require(
            PSSAIntervalEstimator.crudeInterval(indexFirst: 30, markerFirst: 10, method: .jeffreys))
        #expect(S.close(interval.lower, 0.6016939557247539 / (1 - 0.6016939557247539), tolerance: 1e-9))
        #expect(S.close(interval.upper, 0.863606545452734 / (1 - 0.863606545452734), tolerance: 1e-9))
        let zero = try #require(
            PSSAIntervalEstimator.crudeInterval(indexFirst: 0, markerFirst: 5, method: .jeffreys))
        #expect(zero.lower > 0 && zero.lower < 1e-3)
        #expect(zero.upper.isFinite)
    }

    @Test(arguments: [(0, 7), (7, 0), (1, 0), (0, 1), (500_000, 300_000)])
    func edgeCountsNeverProduceNaN(indexFirst: Int, markerFirst: Int) throws {
        for method in [PSSAIntervalMethod.clopperPearson, .jeffreys] {
            let interval = try #require(
                PSSAIntervalEstimator.crudeInterval(
                    indexFirst: indexFirst, markerFirst: markerFirst, method: method))
            #expect(!interval.lower.isNaN && !interval.upper.isNaN)
            #expect(interval.lower <= interval.upper)
            if method == .clopperPearson {
                #expect((indexFirst == 0) == (interval.lower == 0))
                #expect((markerFirst == 0) == (interval.upper == .infinity))
            }
        }
    }
}
