/// An open-addressing hash table from byte strings to dense ids 0, 1, 2, …
///
/// Used to intern patient ids and drug names straight from the file buffer without creating a
/// `String` per row. Keys are copied once into one contiguous arena, so memory grows with the
/// number of distinct keys (patients), never with the number of rows.
struct PSSAByteKeyTable {
    /// Slot → entry id + 1 (0 = empty). Capacity is a power of two, at most half full.
    private var slots: [Int32]
    private var slotMask: Int
    private var entryHashes: [UInt64] = []
    private var keyStarts: [Int] = []
    private var keyLengths: [Int32] = []
    private var arena: [UInt8] = []

    /// The number of distinct keys stored.
    private(set) var count = 0

    /// Creates an empty table.
    init(initialCapacity: Int = 1024) {
        var capacity = 16
        while capacity < initialCapacity * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        slotMask = capacity - 1
    }

    /// The key bytes of entry `id`, copied into an array.
    func key(_ id: Int) -> [UInt8] {
        Array(arena[keyStarts[id]..<(keyStarts[id] + Int(keyLengths[id]))])
    }

    /// 64-bit FNV-1a over the key bytes, with a final avalanche so the low bits mix well.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }

    /// The id of `key`, or `nil` when it has never been inserted.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = Self.hash(key)
        return slots.withUnsafeBufferPointer { slotBuffer in
            var slot = Int(truncatingIfNeeded: h) & slotMask
            while true {
                let stored = Int(slotBuffer[slot])
                if stored == 0 { return nil }
                if matches(id: stored - 1, hash: h, key: key) { return stored - 1 }
                slot = (slot &+ 1) & slotMask
            }
        }
    }

    /// The id of `key`, inserting it with the next id when absent.
    ///
    /// - Returns: The id and whether the key was new.
    mutating func findOrInsert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
        let h = Self.hash(key)
        var slot = Int(truncatingIfNeeded: h) & slotMask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            if matches(id: stored - 1, hash: h, key: key) { return (stored - 1, false) }
            slot = (slot &+ 1) & slotMask
        }
        let id = count
        entryHashes.append(h)
        keyStarts.append(arena.count)
        keyLengths.append(Int32(key.count))
        arena.append(contentsOf: key)
        slots[slot] = Int32(id + 1)
        count += 1
        if count * 2 > slots.count { grow() }
        return (id, true)
    }

    @inline(__always)
    private func matches(id: Int, hash: UInt64, key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard entryHashes[id] == hash, Int(keyLengths[id]) == key.count else { return false }
        let start = keyStarts[id]
        return arena.withUnsafeBufferPointer { stored in
            var offset = 0
            while offset < key.count {
                if stored[start + offset] != key[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var newSlots = [Int32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for id in 0..<count {
            var slot = Int(truncatingIfNeeded: entryHashes[id]) & mask
            while newSlots[slot] != 0 { slot = (slot &+ 1) & mask }
            newSlots[slot] = Int32(id + 1)
        }
        slots = newSlots
        slotMask = mask
    }
}
