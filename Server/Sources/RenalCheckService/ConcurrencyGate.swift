import Synchronization

/// Admits at most a set number of requests at once; the rest are refused at once (503).
final class ConcurrencyGate: Sendable {
    private let count = Mutex(0)
    /// The limit.
    let limit: Int

    /// A gate for `limit` requests.
    init(limit: Int) { self.limit = limit }

    /// Takes a place; false when full.
    func enter() -> Bool {
        count.withLock { n in
            guard n < limit else { return false }
            n += 1
            return true
        }
    }

    /// Gives a place back.
    func leave() { count.withLock { $0 -= 1 } }
}
