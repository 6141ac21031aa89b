import Synchronization

/// `jti` values seen, each kept until its token's expiry, so a token is accepted once.
final class ReplayCache: Sendable {
    private let seen = Mutex<[String: Int]>([:])
    private let lastSweep = Mutex<Int>(0)

    /// Records `jti` (expiring at `expiry`, epoch seconds); false when it was already there.
    func insert(_ jti: String, expiry: Int, now: Int) -> Bool {
        seen.withLock { table in
            if lastSweep.withLock({ last in
                guard now - last >= 30 else { return false }
                last = now
                return true
            }) {
                table = table.filter { $0.value >= now }
            }
            if let e = table[jti], e >= now { return false }
            table[jti] = expiry
            return true
        }
    }

    /// How many are kept.
    var count: Int { seen.withLock { $0.count } }
}
