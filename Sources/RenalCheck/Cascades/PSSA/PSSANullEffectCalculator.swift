/// The null-effect sequence ratio (Tsiropoulos 2009, windowed Hallas; cascades.md §4.2).
///
/// With a_t the incident index users on day t and b_s the incident marker users on day s:
///
///     B_after(t)  = Σ b_s, s ∈ [t + blackout + 1, t + d]
///     B_before(t) = Σ b_s, s ∈ [t − d, t − blackout − 1]
///     P = Σ a_t·B_after(t) / Σ a_t·(B_before(t) + B_after(t)),  SRnull = P / (1 − P)
///
/// Days are offsets from the incidence start (study start + washout) to the study end. b_s is
/// zero outside that range (no incident initiations there), which truncates the sums at both
/// edges. A prefix-sum array over the marker histogram gives each B in O(1), so the whole
/// computation is O(days), not O(days·d).
struct PSSANullEffectCalculator {
    private var indexHistogram: [Int64]
    private var markerHistogram: [Int64]

    /// Creates empty day histograms for `dayCount` days (0 when the incidence period is empty).
    init(dayCount: Int) {
        indexHistogram = Array(repeating: 0, count: max(0, dayCount))
        markerHistogram = Array(repeating: 0, count: max(0, dayCount))
    }

    /// Records an incident index initiation on day offset `day` (ignored when out of range).
    mutating func addIndexInitiation(day: Int) {
        if indexHistogram.indices.contains(day) { indexHistogram[day] += 1 }
    }

    /// Records an incident marker initiation on day offset `day` (ignored when out of range).
    mutating func addMarkerInitiation(day: Int) {
        if markerHistogram.indices.contains(day) { markerHistogram[day] += 1 }
    }

    /// The weighted sums Σ a_t·B_after(t) and Σ a_t·B_before(t).
    ///
    /// - Parameters:
    ///   - window: The restriction window d in days (≥ 1).
    ///   - blackout: The blackout in days (< d).
    func weightedSums(window: Int, blackout: Int) -> (after: Double, before: Double) {
        let count = markerHistogram.count
        guard count > 0 else { return (0, 0) }
        var prefix = [Int64](repeating: 0, count: count + 1)
        for day in 0..<count { prefix[day + 1] = prefix[day] + markerHistogram[day] }
        func markers(from first: Int, through last: Int) -> Int64 {
            let low = max(0, first)
            let high = min(count - 1, last)
            return low > high ? 0 : prefix[high + 1] - prefix[low]
        }
        var after = 0.0
        var before = 0.0
        for day in 0..<count where indexHistogram[day] > 0 {
            let weight = Double(indexHistogram[day])
            after += weight * Double(markers(from: day + blackout + 1, through: day + window))
            before += weight * Double(markers(from: day - window, through: day - blackout - 1))
        }
        return (after, before)
    }

    /// P and SRnull for a restriction window and blackout.
    ///
    /// - Returns: P (`nil` when no index initiation has a marker initiation in range) and
    ///   SRnull = P / (1 − P), computed as Σ after / Σ before so that exact fractions stay exact
    ///   (`Double.infinity` when nothing falls before).
    func nullEffect(window: Int, blackout: Int) -> (probability: Double?, ratio: Double?) {
        let (after, before) = weightedSums(window: window, blackout: blackout)
        let total = after + before
        return (
            total > 0 ? after / total : nil,
            PSSAIntervalEstimator.ratio(after, before)
        )
    }
}
