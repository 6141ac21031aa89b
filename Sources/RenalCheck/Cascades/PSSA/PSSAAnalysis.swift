#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// A prescription sequence symmetry analysis (PSSA) of dispensing records.
///
/// Reads CSV rows `patient_id,drug,date[,days_supply]` (an optional header line is detected by
/// `patient_id` in the first line), streaming the input in large blocks and keeping only a few
/// numbers per patient, so memory grows with patients, not rows. Computes the crude sequence
/// ratio, the null-effect sequence ratio (Tsiropoulos 2009, windowed Hallas), the adjusted
/// sequence ratio and its 95% confidence interval, with every exclusion counted
/// (cascades.md §4.1–4.2). With a continued-exposure interval the input is read twice.
///
/// Unknown drug names and malformed rows are counted and reported in the result, never
/// silently dropped and never fatal.
public struct PSSAAnalysis: Sendable {
    /// The analysis parameters.
    public let parameters: PSSAParameters

    /// The streaming block size used for files: 4 MiB.
    public static let defaultBlockSize = 4 << 20

    /// Creates an analysis.
    ///
    /// - Parameters:
    ///   - parameters: Washout, window, blackout, continued exposure, study period, SRnull
    ///     window and interval method.
    public init(parameters: PSSAParameters = PSSAParameters()) {
        self.parameters = parameters
    }

    /// Analyses a dispensing CSV file.
    ///
    /// - Parameters:
    ///   - csvPath: The path of the CSV file.
    ///   - classifier: Says which drug names are index, marker, other or unknown.
    /// - Returns: Counts, ratios and intervals.
    /// - Throws: ``PSSAError/invalidParameter(name:value:reason:)`` for bad parameters,
    ///   ``PSSAError/fileNotFound(path:)``, ``PSSAError/unreadable(path:errno:)``, or
    ///   ``PSSAError/emptyData(malformedRows:)`` when no row is well formed.
    public func run(csvPath: String, classifier: some PSSADrugClassifier) throws(PSSAError)
        -> PSSAResult
    {
        try run(
            source: .file(path: csvPath, blockSize: PSSAAnalysis.defaultBlockSize), classifier: classifier)
    }

    /// Analyses dispensing CSV text held in memory (for tests and small inputs).
    ///
    /// - Parameters:
    ///   - csv: The CSV text.
    ///   - classifier: Says which drug names are index, marker, other or unknown.
    /// - Returns: Counts, ratios and intervals.
    /// - Throws: ``PSSAError/invalidParameter(name:value:reason:)`` or
    ///   ``PSSAError/emptyData(malformedRows:)``.
    public func run(csv: String, classifier: some PSSADrugClassifier) throws(PSSAError) -> PSSAResult {
        try run(csvBytes: Array(csv.utf8), classifier: classifier)
    }

    /// Analyses dispensing CSV bytes held in memory.
    ///
    /// - Parameters:
    ///   - csvBytes: The CSV bytes (UTF-8).
    ///   - classifier: Says which drug names are index, marker, other or unknown.
    ///   - blockSize: The streaming block size; small values exercise block boundaries.
    /// - Returns: Counts, ratios and intervals.
    /// - Throws: ``PSSAError/invalidParameter(name:value:reason:)`` or
    ///   ``PSSAError/emptyData(malformedRows:)``.
    public func run(
        csvBytes: [UInt8], classifier: some PSSADrugClassifier,
        blockSize: Int = PSSAAnalysis.defaultBlockSize
    ) throws(PSSAError) -> PSSAResult {
        try run(source: .memory(csvBytes, blockSize: blockSize), classifier: classifier)
    }

    /// Analyses a dispensing file with a chosen block size (tests use tiny blocks).
    func run(csvPath: String, blockSize: Int, classifier: some PSSADrugClassifier) throws(PSSAError)
        -> PSSAResult
    {
        try run(source: .file(path: csvPath, blockSize: blockSize), classifier: classifier)
    }

    private func run(source: PSSAByteSource, classifier: some PSSADrugClassifier) throws(PSSAError)
        -> PSSAResult
    {
        try parameters.validate()
        if parameters.continuedExposureDays != nil, case .file(let path, _) = source, !Self.isRegularFile(path) {
            throw .needsRegularFile(path: path)
        }
        var firstPass = PSSAFirstPass(classifier: classifier)
        try source.feed(into: &firstPass)
        guard firstPass.counts.validRows > 0 else {
            throw .emptyData(malformedRows: firstPass.counts.malformedRows)
        }
        let (malformed, rows) = (firstPass.counts.malformedRows, firstPass.counts.dataRows)
        if Double(malformed) > parameters.maxMalformedFraction * Double(rows) {
            throw .tooManyMalformedRows(malformed: malformed, rows: rows, limitPercent: parameters.maxMalformedFraction * 100)
        }
        let studyStart = parameters.start ?? CalendarDay(daysSinceEpoch: firstPass.earliestDay)
        let studyEnd = parameters.end ?? CalendarDay(daysSinceEpoch: firstPass.latestDay)
        guard studyStart <= studyEnd else {
            throw .invalidParameter(
                name: parameters.start == nil ? "end" : "start",
                value: (parameters.start == nil ? studyEnd : studyStart).description,
                reason: "leaves an empty study period for data from \(studyStart) to \(studyEnd)")
        }
        let incidenceStart = studyStart + parameters.washoutDays
        var evaluator = PSSACohortEvaluator(
            parameters: parameters, incidenceStart: Int(incidenceStart.daysSinceEpoch),
            studyEnd: Int(studyEnd.daysSinceEpoch), counts: firstPass.counts)
        evaluator.evaluate(firstIndex: firstPass.firstIndex, firstMarker: firstPass.firstMarker)
        if parameters.continuedExposureDays != nil {
            var secondPass = PSSAContinuedExposurePass(
                firstDrug: evaluator.firstDrug, secondStart: evaluator.secondStart,
                patients: firstPass.patients, drugs: firstPass.drugs, drugRoles: firstPass.drugRoles)
            if evaluator.candidates > 0 { try source.feed(into: &secondPass) }
            evaluator.applyContinuedExposure(latestFirstDrugDay: secondPass.latestFirstDrugDay)
        }
        return makeResult(
            evaluator: evaluator, firstPass: firstPass, studyStart: studyStart, studyEnd: studyEnd,
            incidenceStart: incidenceStart)
    }

    /// True when `path` names a regular file, which can be read twice (a pipe cannot).
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private func makeResult(
        evaluator: PSSACohortEvaluator, firstPass: PSSAFirstPass, studyStart: CalendarDay,
        studyEnd: CalendarDay, incidenceStart: CalendarDay
    ) -> PSSAResult {
        let counts = evaluator.counts
        let nullWindowDays: Int
        switch parameters.nullWindow {
        case .sameAsWindow: nullWindowDays = parameters.windowDays
        case .days(let days): nullWindowDays = days
        case .unrestricted: nullWindowDays = max(1, studyEnd - incidenceStart + 1)
        }
        let (probability, nullRatio) = evaluator.nullEffect.nullEffect(
            window: nullWindowDays, blackout: parameters.blackoutDays)
        let crude = PSSAIntervalEstimator.ratio(Double(counts.indexFirst), Double(counts.markerFirst))
        var adjusted: Double? = nil
        if let crude, let nullRatio, nullRatio.isFinite, nullRatio > 0 {
            adjusted = crude / nullRatio
        }
        let crudeInterval = PSSAIntervalEstimator.crudeInterval(
            indexFirst: counts.indexFirst, markerFirst: counts.markerFirst,
            method: parameters.intervalMethod)
        return PSSAResult(
            parameters: parameters, studyStart: studyStart, studyEnd: studyEnd,
            incidenceStart: incidenceStart, nullWindowDays: nullWindowDays, counts: counts,
            crudeSequenceRatio: crude, nullEffectProbability: probability,
            nullEffectSequenceRatio: nullRatio, adjustedSequenceRatio: adjusted,
            crudeInterval: crudeInterval,
            adjustedInterval: PSSAIntervalEstimator.adjusted(crudeInterval, nullRatio: nullRatio),
            unknownDrugs: firstPass.unknownDrugs(),
            firstMalformedLines: firstPass.firstMalformedLines)
    }
}
