import Testing
import TestSupport

@testable import RenalCheck

/// The worked examples of cascades.md §4.4 and §4.5.
struct PSSAWorkedExampleTests {
    typealias S = PSSATestSupport

    /// §4.4: 30 index-first, 10 marker-first, SRnull 1.2 → cSR 3.0, aSR 2.5,
    /// exact cSR CI (1.4274, 6.8793), aSR CI (1.1895, 5.7328).
    @Test func example1CountsOnly() throws {
        let crude = try #require(
            PSSAIntervalEstimator.crudeInterval(indexFirst: 30, markerFirst: 10, method: .clopperPearson))
        let adjusted = try #require(PSSAIntervalEstimator.adjusted(crude, nullRatio: 1.2))
        let cSR = try #require(PSSAIntervalEstimator.ratio(30, 10))
        #expect(cSR == 3.0)
        #expect(abs(cSR / 1.2 - 2.5) < 1e-12)
        #expect(abs(crude.lower - 1.4274) < 5e-5)
        #expect(abs(crude.upper - 6.8793) < 5e-5)
        #expect(abs(adjusted.lower - 1.1895) < 5e-5)
        #expect(abs(adjusted.upper - 5.7328) < 5e-5)
    }

    /// §4.5: IF 4 (P1–P4), MF 1 (P5), P8 outside the window, P9 prevalent, P10 a tie;
    /// P = 42/57 so SRnull = 42/15 = 2.8; aSR = 4/2.8; exact p-CI (0.28358, 0.99495).
    @Test func example2Dispensings() throws {
        let result = try PSSAAnalysis(parameters: S.workedExample2Parameters())
            .run(csv: S.workedExample2(), classifier: S.classifier)
        let c = result.counts
        #expect(result.incidenceStart.description == "2020-03-31")
        #expect(c.indexFirst == 4)
        #expect(c.markerFirst == 1)
        #expect(c.ties == 1)
        #expect(c.outsideWindow == 1)
        #expect(c.notIncident == 1)
        #expect(c.inBlackout == 0)
        #expect(c.patients == 12)
        #expect(c.incidentIndexUsers == 8)  // P1–P5, P8, P10, P11
        #expect(c.prevalentIndexUsers == 1)  // P9
        #expect(c.incidentMarkerUsers == 11)  // everyone but P11
        #expect(result.crudeSequenceRatio == 4)
        #expect(S.close(result.nullEffectProbability, 42.0 / 57.0, tolerance: 1e-12))
        #expect(S.close(result.nullEffectSequenceRatio, 2.8, tolerance: 1e-12))
        #expect(S.close(result.adjustedSequenceRatio, 1.4286))
        let crude = try #require(result.crudeInterval)
        let adjusted = try #require(result.adjustedInterval)
        #expect(S.close(crude.lower, 0.28358 / (1 - 0.28358)))
        #expect(S.close(crude.lower, 0.3958))
        #expect(S.close(crude.upper, 196.99, tolerance: 2e-4))
        #expect(S.close(adjusted.lower, 0.1414, tolerance: 3e-4))
        #expect(S.close(adjusted.upper, 70.35, tolerance: 2e-4))
        // The upper p bound is 0.975^(1/5) exactly; the lower solves 5p⁴ − 4p⁵ = 0.025.
        let pUpper = crude.upper / (1 + crude.upper)
        #expect(abs(pUpper * pUpper * pUpper * pUpper * pUpper - 0.975) < 1e-10)
        let pLower = crude.lower / (1 + crude.lower)
        let tail = 5 * pLower * pLower * pLower * pLower - 4 * pLower * pLower * pLower * pLower * pLower
        #expect(abs(tail - 0.025) < 1e-10)
        #expect(result.unknownDrugs.isEmpty)
        #expect(c.malformedRows == 0)
    }

    /// §4.5 variant: blackout 7 removes P6/P9 (t0+5) from the forward sum at t0:
    /// P = 7·4 / (7·(4+2) + 1·1) = 28/43 → SRnull = 28/15; cases unchanged → aSR = 2.1429.
    @Test func example2WithBlackout7() throws {
        var parameters = S.workedExample2Parameters()
        parameters.blackoutDays = 7
        let result = try PSSAAnalysis(parameters: parameters)
            .run(csv: S.workedExample2(), classifier: S.classifier)
        #expect(result.counts.indexFirst == 4)
        #expect(result.counts.markerFirst == 1)
        #expect(result.counts.inBlackout == 0)
        #expect(S.close(result.nullEffectSequenceRatio, 28.0 / 15.0, tolerance: 1e-12))
        #expect(S.close(result.adjustedSequenceRatio, 2.1429))
    }

    /// §4.5 variant: unrestricted d. At t0, 8 markers after (P1–4, P6, P8, P9, P12) and 2 before;
    /// at t1, 0 after and 11 before (every incident marker user). P = 56/81 → SRnull = 56/25.
    @Test func example2Unrestricted() throws {
        var parameters = S.workedExample2Parameters()
        parameters.nullWindow = .unrestricted
        let result = try PSSAAnalysis(parameters: parameters)
            .run(csv: S.workedExample2(), classifier: S.classifier)
        #expect(S.close(result.nullEffectSequenceRatio, 56.0 / 25.0, tolerance: 1e-12))
        #expect(result.crudeSequenceRatio == 4)
    }

    /// §4.5 variant: continued exposure ≤ 5 days keeps only P1 (index refill at t0+7, marker at
    /// t0+10: 3 days). P2–P4 (10 days) and P5 (marker t0−20 → index t0: 20 days) are dropped.
    /// cSR = 1/0 = ∞; the Clopper–Pearson interval for 1/1 is (0.025, 1) → odds (1/39, ∞).
    @Test func example2ContinuedExposure() throws {
        var parameters = S.workedExample2Parameters()
        parameters.continuedExposureDays = 5
        let result = try PSSAAnalysis(parameters: parameters)
            .run(csv: S.workedExample2(), classifier: S.classifier)
        #expect(result.counts.indexFirst == 1)
        #expect(result.counts.markerFirst == 0)
        #expect(result.counts.noContinuedExposure == 4)
        #expect(result.crudeSequenceRatio == .infinity)
        #expect(S.close(result.nullEffectSequenceRatio, 2.8, tolerance: 1e-12))
        #expect(result.adjustedSequenceRatio == .infinity)
        let crude = try #require(result.crudeInterval)
        #expect(S.close(crude.lower, 1.0 / 39.0, tolerance: 1e-9))
        #expect(crude.upper == .infinity)
    }

    /// Continued exposure of 10 days keeps P1–P4 (gap 10 counts: the first dispensing is on the
    /// 10th day before) but still drops P5 (20 days).
    @Test func continuedExposureBoundaryIsInclusive() throws {
        var parameters = S.workedExample2Parameters()
        parameters.continuedExposureDays = 10
        let result = try PSSAAnalysis(parameters: parameters)
            .run(csv: S.workedExample2(), classifier: S.classifier)
        #expect(result.counts.indexFirst == 4)
        #expect(result.counts.markerFirst == 0)
        #expect(result.counts.noContinuedExposure == 1)
    }
}
