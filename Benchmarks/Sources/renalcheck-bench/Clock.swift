import Foundation

/// Monotonic time and simple statistics for the benchmarks.
enum Clock {
    /// True to time with this thread's CPU clock instead of the wall clock (`--cpu`): steadier
    /// on a shared machine, since time the thread waits for a core is not counted.
    nonisolated(unsafe) static var cpu = false

    /// Nanoseconds on the monotonic clock, or on the thread's CPU clock with `--cpu`.
    static func nanos() -> UInt64 {
        var t = timespec()
        clock_gettime(cpu ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Runs `body` `runs` times (after one warm-up) and returns each run's seconds.
    static func measure(runs: Int, _ body: () -> Void) -> [Double] {
        body()
        return (0..<runs).map { _ in
            let t0 = nanos()
            body()
            return Double(nanos() - t0) / 1e9
        }
    }

    /// The value at quantile `q` (0…1) of sorted values.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
    }

    /// `12.3 ms (min 11.9, median of 5)`.
    static func summary(_ seconds: [Double]) -> String {
        let s = seconds.sorted()
        return String(format: "median %.1f ms (min %.1f, max %.1f, %d runs)", quantile(s, 0.5) * 1e3, s[0] * 1e3, s[s.count - 1] * 1e3, s.count)
    }
}
