/// Receives the lines of a dispensing file one at a time.
protocol PSSALineConsumer {
    /// Consumes one line, without its `\n`.
    ///
    /// - Parameters:
    ///   - line: The line bytes; valid, and mutable, only during the call.
    ///   - number: The one-based line number.
    mutating func consume(line: UnsafeMutableBufferPointer<UInt8>, number: Int)
}
