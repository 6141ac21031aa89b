/// One block of input lines and the output line for each, reused from block to block.
///
/// Line bytes live in one contiguous buffer; ``outputs`` is filled by index, so workers on
/// different threads each write their own slots and the block is written out in input order.
struct NDJSONBatch {
    /// One input line as read.
    enum Entry {
        /// Bytes of the line in ``NDJSONBatch/storage`` (without the newline).
        case line(Range<Int>)
        /// A line longer than the limit, with its length; its bytes were dropped.
        case oversized(bytes: Int)
    }

    /// Most lines in a block.
    let maxLines: Int
    /// A block closes once its kept line bytes reach this.
    let maxBytes: Int
    /// The 1-based number of the first line in the block.
    private(set) var firstLine = 1
    var storage: [UInt8] = []
    var entries: [Entry] = []
    /// One output line (with its newline) per entry, filled by ``NDJSONScreener``.
    var outputs: [[UInt8]] = []

    init(maxLines: Int, maxBytes: Int) {
        self.maxLines = max(1, maxLines)
        self.maxBytes = max(1, maxBytes)
        storage.reserveCapacity(min(self.maxBytes, 1 << 20))
        entries.reserveCapacity(self.maxLines)
    }

    var isFull: Bool { entries.count >= maxLines || storage.count >= maxBytes }
    var isEmpty: Bool { entries.isEmpty }

    /// Empties the block, keeping capacity up to the limits (an oversized block gives memory back).
    mutating func reset(firstLine: Int) {
        self.firstLine = firstLine
        if storage.capacity > 2 * maxBytes { storage = [] } else { storage.removeAll(keepingCapacity: true) }
        entries.removeAll(keepingCapacity: true)
        outputs.removeAll(keepingCapacity: true)
    }

    /// The line's bytes without a trailing `\r`, or nil when the line is empty or only whitespace.
    func request(at range: Range<Int>) -> ArraySlice<UInt8>? {
        var slice = storage[range]
        if slice.last == 0x0D { slice = slice.dropLast() }
        let blank = slice.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        return blank ? nil : slice
    }
}
