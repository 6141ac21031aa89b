// Glibc is imported for `log` and `exp` only: the Swift standard library has no transcendental
// functions and the core library must not link Foundation.
import Glibc

/// The regularized incomplete beta function and its inverse, for exact binomial intervals.
///
/// `I_x(a, b)` is evaluated with the Lentz continued fraction (Numerical Recipes §6.4) and the
/// symmetry `I_x(a, b) = 1 − I_{1−x}(b, a)`; the log-gamma function is Lanczos' approximation
/// (g = 7, 9 terms, relative error below 1e-15 for x ≥ 0.5). The inverse is a safeguarded
/// bisection on [0, 1], which cannot diverge, carried to the limit of `Double`.
enum PSSABetaDistribution {
    private static let lanczos: [Double] = [
        0.999_999_999_999_809_93, 676.520_368_121_885_1, -1_259.139_216_722_402_8,
        771.323_428_777_653_13, -176.615_029_162_140_59, 12.507_343_278_686_905,
        -0.138_571_095_265_720_12, 9.984_369_578_019_571_6e-6, 1.505_632_735_149_311_6e-7,
    ]

    /// ln Γ(x) for x > 0.
    static func logGamma(_ x: Double) -> Double {
        if x < 0.5 {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx); only reached for 0 < x < 0.5.
            return log(Double.pi / sin(Double.pi * x)) - logGamma(1 - x)
        }
        let z = x - 1
        var sum = lanczos[0]
        for k in 1..<lanczos.count { sum += lanczos[k] / (z + Double(k)) }
        let t = z + 7.5
        return 0.5 * log(2 * Double.pi) + (z + 0.5) * log(t) - t + log(sum)
    }

    /// The regularized incomplete beta function I_x(a, b) for a, b > 0.
    ///
    /// - Returns: A value in [0, 1]; 0 for x ≤ 0 and 1 for x ≥ 1.
    static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront =
            logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log(1 - x)
        let front = exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return min(1, max(0, front * continuedFraction(x: x, a: a, b: b) / a))
        }
        return min(1, max(0, 1 - front * continuedFraction(x: 1 - x, a: b, b: a) / b))
    }

    /// Lentz's evaluation of the continued fraction for I_x(a, b).
    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        // Convergence needs O(sqrt(max(a, b))) terms; the cap covers millions of cases.
        let maximumIterations = 10_000 + Int(min(1e7, 10 * (a + b).squareRoot()))
        var m = 1
        while m <= maximumIterations {
            let md = Double(m)
            let m2 = 2 * md
            var aa = md * (b - md) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + md) * (qab + md) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
            m += 1
        }
        return h
    }

    /// The quantile of Beta(a, b): the x in [0, 1] with I_x(a, b) = probability.
    ///
    /// - Returns: 0 for probability ≤ 0, 1 for probability ≥ 1.
    static func quantile(probability: Double, a: Double, b: Double) -> Double {
        if probability <= 0 { return 0 }
        if probability >= 1 { return 1 }
        var low = 0.0
        var high = 1.0
        for _ in 0..<1_100 {
            let middle = 0.5 * (low + high)
            if middle <= low || middle >= high { break }
            if regularizedIncompleteBeta(x: middle, a: a, b: b) < probability {
                low = middle
            } else {
                high = middle
            }
        }
        return 0.5 * (low + high)
    }
}
