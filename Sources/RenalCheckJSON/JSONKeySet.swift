/// The keys an object may have, checked against jansson's key bytes without making Strings.
///
/// Build one per object shape once (a `static let`), not per call: ``JSONReader/object(_:keys:)``
/// compares each member's key bytes with these (a short linear scan beats hashing for the
/// handful of keys an object shape defines) and only makes a `String` to report an unknown key.
package struct JSONKeySet: Sendable {
    /// The keys as UTF-8.
    private let keys: [[UInt8]]
    /// The keys as Strings, for the rare non-ASCII key (see ``contains(_:)``).
    private let strings: [String]

    /// Creates a key set.
    ///
    /// - Parameter keys: the keys a format defines for one object shape.
    package init(_ keys: [String]) {
        self.keys = keys.map { Array($0.utf8) }
        strings = keys
    }

    /// True when `key` (UTF-8 bytes) is one of the keys.
    ///
    /// Matches exactly as `Set<String>.contains` would: bytes first, and for a key with
    /// non-ASCII bytes, `String` equality (canonical equivalence, e.g. U+212A KELVIN SIGN = "K").
    ///
    /// - Parameter key: the key's bytes.
    /// - Returns: whether the set contains it.
    package func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in keys where k.count == key.count {
            if k.withUnsafeBufferPointer({ $0.elementsEqual(key) }) { return true }
        }
        guard key.contains(where: { $0 >= 0x80 }) else { return false }
        let text = String(decoding: key, as: UTF8.self)
        return strings.contains(text)
    }
}
