import Foundation

/// Card uuids received in 200 answers, from several tasks.
final class ReceivedCards: @unchecked Sendable {
    private let lock = NSLock()
    private var uuids = Set<String>()
    private var answers = 0

    /// Adds one answer's cards; the number of answers so far.
    func add(_ cards: [String]) -> Int {
        lock.lock()
        defer { lock.unlock() }
        uuids.formUnion(cards)
        answers += 1
        return answers
    }

    /// Every uuid received.
    var all: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return uuids
    }
}
