#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Dispatch

/// Screens a stream of requests, one JSON request per line in, one JSON line per request out.
///
/// The contract for running at scale (Spark `RDD.pipe`, Hadoop Streaming, GNU parallel):
/// - exactly one output line per input line, in input order;
/// - a line that is a valid request gets its report (`ScreeningReport.jsonBytes(indent: 0)`);
/// - any other line gets an error record `{"line":N,"error":{"code":…,"kind":…,"message":…,"path":…}}`
///   and the stream goes on: a line that does not decode (kind from ``InputProblem/Code``), an
///   empty or whitespace-only line (kind `empty`), a line longer than ``maxLineBytes`` (kind
///   `tooLarge`; its bytes are dropped as they stream past). `N` counts lines from 1. A trailing
///   `\r` (CRLF input) is ignored; a final `\n` does not start an extra line.
///
/// Memory stays flat: input is read in blocks of at most ``linesPerBlock`` lines (and about
/// ``bytesPerBlock`` bytes), each block is screened by ``jobs`` threads and written out with one
/// `write` before the next block is read.
public struct NDJSONScreener: Sendable {
    /// Which report each valid line gets.
    public enum ReportForm: String, Sendable, Hashable, CaseIterable {
        /// The full report (``ScreeningReport/jsonBytes(indent:)``), with every text and citation.
        case full
        /// The compact report (``ScreeningReport/compactJSONBytes()``): ids and numbers only.
        case compact
    }

    /// The longest line accepted, in bytes without its newline: ``RequestLimits/maxBytes``.
    public static var maxLineBytes: Int { RequestLimits.maxBytes }

    /// The checker every line is screened with.
    public let checker: Checker
    /// Threads screening at once (1 screens on the calling thread).
    public let jobs: Int
    /// Most lines in one block.
    public let linesPerBlock: Int
    /// A block closes once its lines reach about this many bytes.
    public let bytesPerBlock: Int
    /// Which report each valid line gets.
    public let form: ReportForm

    /// Creates a screener.
    ///
    /// - Parameters:
    ///   - checker: the checker (and so the formulary) to screen with.
    ///   - jobs: threads screening at once; values below 1 count as 1.
    ///   - linesPerBlock: most lines read, screened and written as one block.
    ///   - bytesPerBlock: a block closes once its lines reach this many bytes.
    ///   - form: which report each valid line gets.
    public init(checker: Checker, jobs: Int = 1, linesPerBlock: Int = 512, bytesPerBlock: Int = 4 << 20,
                form: ReportForm = .full) {
        self.form = form
        self.checker = checker
        self.jobs = max(1, jobs)
        self.linesPerBlock = max(1, linesPerBlock)
        self.bytesPerBlock = max(1, bytesPerBlock)
    }

    /// Screens lines from a file descriptor to a file descriptor (by default stdin to stdout).
    ///
    /// When `input` is a regular file, the progress carries its size so an ETA can be shown.
    ///
    /// - Parameters:
    ///   - input: the descriptor to read; it is not closed.
    ///   - output: the descriptor to write; it is not closed.
    ///   - progressInterval: least seconds between two progress calls.
    ///   - progress: called on this thread between blocks, and once at the end.
    /// - Returns: what the run did.
    /// - Throws: ``NDJSONError/readFailed(errno:)`` or ``NDJSONError/writeFailed(errno:)``.
    public func run(input: Int32 = 0, output: Int32 = 1, progressInterval: Double = 0.25,
                    progress: ((NDJSONProgress) -> Void)? = nil) throws(NDJSONError) -> NDJSONSummary {
        var info = stat()
        var total: Int?
        if fstat(input, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG {
            let offset = lseek(input, 0, SEEK_CUR)
            total = Int(info.st_size) - Int(max(0, offset))
        }
        return try run(
            read: { buffer in
                while true {
                    let n = Glibc.read(input, buffer.baseAddress, buffer.count)
                    if n >= 0 { return n }
                    if errno != EINTR { return -Int(errno) }
                }
            },
            write: { bytes in
                var offset = 0
                while offset < bytes.count {
                    let n = Glibc.write(output, bytes.baseAddress! + offset, bytes.count - offset)
                    if n < 0 { if errno == EINTR { continue }; return errno }
                    offset += n
                }
                return 0
            },
            totalBytes: total, progressInterval: progressInterval, progress: progress)
    }

    /// Screens the lines of a file to a file descriptor.
    ///
    /// - Parameters:
    ///   - path: the input file.
    ///   - output: the descriptor to write; it is not closed.
    ///   - progressInterval: least seconds between two progress calls.
    ///   - progress: called on this thread between blocks, and once at the end (with the file's size).
    /// - Returns: what the run did.
    /// - Throws: ``NDJSONError/cannotOpen(path:errno:)``, ``NDJSONError/readFailed(errno:)`` or
    ///   ``NDJSONError/writeFailed(errno:)``.
    public func run(path: String, output: Int32 = 1, progressInterval: Double = 0.25,
                    progress: ((NDJSONProgress) -> Void)? = nil) throws(NDJSONError) -> NDJSONSummary {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, errno: errno) }
        defer { close(fd) }
        // A folder opens but cannot be read: that is "cannot open" (exit 66), not a failed read (74).
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { throw .cannotOpen(path: path, errno: EISDIR) }
        return try run(input: fd, output: output, progressInterval: progressInterval, progress: progress)
    }

    /// Screens lines from any source to any sink (the core the descriptor forms use).
    ///
    /// - Parameters:
    ///   - read: fills the buffer and returns the byte count, 0 at the end of input, or `-errno`.
    ///   - write: writes every byte and returns 0, or an `errno` value on failure.
    ///   - totalBytes: the input's size when known, for the progress fraction and ETA.
    ///   - progressInterval: least seconds between two progress calls.
    ///   - progress: called on this thread between blocks, and once at the end.
    /// - Returns: what the run did.
    /// - Throws: ``NDJSONError/readFailed(errno:)`` or ``NDJSONError/writeFailed(errno:)``.
    public func run(read: (UnsafeMutableRawBufferPointer) -> Int, write: (UnsafeRawBufferPointer) -> Int32,
                    totalBytes: Int? = nil, progressInterval: Double = 0.25,
                    progress: ((NDJSONProgress) -> Void)? = nil) throws(NDJSONError) -> NDJSONSummary {
        let started = Self.now()
        var reader = NDJSONLineReader(maxLineBytes: Self.maxLineBytes, chunkBytes: 256 << 10)
        var batch = NDJSONBatch(maxLines: linesPerBlock, maxBytes: bytesPerBlock)
        var tally = Tally()
        var out: [UInt8] = []
        var lastProgress = started
        func report(finished: Bool) {
            guard let progress else { return }
            progress(NDJSONProgress(lines: tally.lines, errors: tally.errors, bytesRead: reader.bytesRead,
                                    bytesWritten: tally.bytesWritten, totalBytes: totalBytes,
                                    elapsedSeconds: Self.now() - started, finished: finished))
        }
        while try reader.fill(&batch, read: read) {
            let outcomes = screen(&batch)
            out.removeAll(keepingCapacity: true)
            for (bytes, outcome) in zip(batch.outputs, outcomes) {
                out.append(contentsOf: bytes)
                tally.add(outcome)
            }
            let status = out.withUnsafeBytes { write($0) }
            if status != 0 { throw .writeFailed(errno: status) }
            tally.bytesWritten += out.count
            if out.capacity > 4 * bytesPerBlock { out = [] }
            if progress != nil {
                let now = Self.now()
                if now - lastProgress >= progressInterval { lastProgress = now; report(finished: false) }
            }
        }
        report(finished: true)
        return NDJSONSummary(lines: tally.lines, reports: tally.lines - tally.errors, errors: tally.errors,
                             unscreenedReports: tally.unscreened, highestSeverity: tally.severity,
                             bytesRead: reader.bytesRead, bytesWritten: tally.bytesWritten, elapsedSeconds: Self.now() - started)
    }

    /// Screens every line of the block into `batch.outputs`, in parallel when `jobs` > 1.
    private func screen(_ batch: inout NDJSONBatch) -> [NDJSONRecord.Outcome] {
        let count = batch.entries.count
        var outputs = [[UInt8]](repeating: [], count: count)
        var outcomes = [NDJSONRecord.Outcome](repeating: .init(), count: count)
        let first = batch.firstLine
        let block = batch
        let workers = min(jobs, count)
        if workers <= 1 {
            for i in 0..<count {
                (outputs[i], outcomes[i]) = NDJSONRecord.answer(block.entries[i], line: first + i, in: block, checker: checker, form: form)
            }
        } else {
            outputs.withUnsafeMutableBufferPointer { o in
                outcomes.withUnsafeMutableBufferPointer { r in
                    let slots = Slots(outputs: o, outcomes: r)
                    let checker = self.checker, form = self.form
                    DispatchQueue.concurrentPerform(iterations: workers) { w in
                        var i = w
                        while i < count {
                            (slots.outputs[i], slots.outcomes[i]) = NDJSONRecord.answer(block.entries[i], line: first + i, in: block,
                                                                                        checker: checker, form: form)
                            i += workers
                        }
                    }
                }
            }
        }
        batch.outputs = outputs
        return outcomes
    }

    /// Result slots shared by the workers of one block; each index is written by one worker only.
    private struct Slots: @unchecked Sendable {
        let outputs: UnsafeMutableBufferPointer<[UInt8]>
        let outcomes: UnsafeMutableBufferPointer<NDJSONRecord.Outcome>
    }

    /// Running totals for the summary.
    private struct Tally {
        var lines = 0, errors = 0, unscreened = 0, bytesWritten = 0
        var severity: Severity?

        mutating func add(_ o: NDJSONRecord.Outcome) {
            lines += 1
            if o.isError { errors += 1 }
            if o.unscreened { unscreened += 1 }
            if let s = o.severity, severity.map({ s > $0 }) ?? true { severity = s }
        }
    }

    /// Monotonic seconds.
    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
