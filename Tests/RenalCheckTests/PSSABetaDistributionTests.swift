import Glibc
import Testing
import TestSupport

@testable import RenalCheck

/// Reference values computed independently with scipy.special.betainc / scipy.stats.beta.ppf.
struct PSSABetaDistributionTests {
    @Test(arguments: [
        (0.3, 2.5, 3.5, 0.29675298929566646), (0.35, 100.0, 200.0, 0.7325714649575441),
        (0.01, 0.5, 0.5, 0.06376856085851985),
    ])
    func incompleteBetaMatchesReference(x: Double, a: Double, b: Double, expected: Double) {
        let value = PSSABetaDistribution.regularizedIncompleteBeta(x: x, a: a, b: b)
        #expect(abs(value - expected) < 1e-12)
    }

    @Test func incompleteBetaClosedForms() {
        // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(2, 2) = 3x² − 2x³.
        #expect(abs(PSSABetaDistribution.regularizedIncompleteBeta(x: 0.37, a: 1, b: 1) - 0.37) < 1e-14)
        #expect(abs(PSSABetaDistribution.regularizedIncompleteBeta(x: 0.8, a: 5, b: 1) - pow(0.8, 5)) < 1e-14)
        let x = 0.2
        #expect(
            abs(
                PSSABetaDistribution.regularizedIncompleteBeta(x: x, a: 2, b: 2) - (3 * x * x - 2 * x * x * x)
            ) < 1e-14)
    }

    @Test(arguments: [
        (0.025, 30.0, 11.0, 0.5880380198485702), (0.975, 31.0, 10.0, 0.873085201067155),
        (0.025, 30.5, 10.5, 0.6016939557247539), (0.975, 30.5, 10.5, 0.863606545452734),
        (0.025, 0.5, 5.5, 9.342060003954474e-05), (0.025, 5000.0, 4001.0, 0.5452174436921966),
        (0.975, 5001.0, 4000.0, 0.5658576850952174),
    ])
    func quantileMatchesReference(probability: Double, a: Double, b: Double, expected: Double) {
        let value = PSSABetaDistribution.quantile(probability: probability, a: a, b: b)
        #expect(abs(value - expected) < 1e-10 * max(1, expected) || abs(value / expected - 1) < 1e-9)
    }

    /// The Clopper–Pearson bounds of worked example 1 satisfy the defining binomial tail
    /// equations P(X ≥ 30 | p_L) = 0.025 and P(X ≤ 30 | p_U) = 0.025 with n = 40 (cascades.md §4.4),
    /// checked by direct summation of binomial probabilities.
    @Test func clopperPearsonBoundsSolveTheBinomialTails() throws {
        let (lower, upper) = try #require(
            PSSAIntervalEstimator.proportionInterval(indexFirst: 30, markerFirst: 10, method: .clopperPearson)
        )
        func binomial(_ k: Int, _ n: Int, _ p: Double) -> Double {
            exp(
                lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
                    + Double(k) * log(p) + Double(n - k) * log(1 - p))
        }
        let upperTail = (30...40).reduce(0.0) { $0 + binomial($1, 40, lower) }
        let lowerTail = (0...30).reduce(0.0) { $0 + binomial($1, 40, upper) }
        #expect(abs(upperTail - 0.025) < 1e-10)
        #expect(abs(lowerTail - 0.025) < 1e-10)
        #expect(abs(lower - 0.58804) < 5e-6)
        #expect(abs(upper - 0.87309) < 5e-6)
    }
}
