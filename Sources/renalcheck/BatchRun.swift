import ArgumentParser
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import RenalCheck

/// `renalcheck screen --ndjson`: the CLI side of ``NDJSONScreener``.
struct BatchRun {
    let formulary: Formulary
    let path: String
    let jobs: Int
    let failOn: Severity
    /// Which report each valid line gets.
    let form: NDJSONScreener.ReportForm
    /// `--batch`: findings and error records are data; exit 0 whenever every line got its record.
    let recordsAreData: Bool

    /// Screens the stream. With `recordsAreData`, exit 0 once every line got its record; otherwise
    /// exit 65 when any line was an error record, else 2, 3 or 0 as for one request.
    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let screener = NDJSONScreener(checker: Checker(formulary: formulary), jobs: jobs, form: form)
        let showProgress = isatty(STDERR_FILENO) == 1
        let progress: ((NDJSONProgress) -> Void)? = showProgress ? { Self.draw($0) } : nil
        let result = Result(catching: { () throws(NDJSONError) -> NDJSONSummary in
            path == "-" ? try screener.run(input: 0, output: 1, progress: progress)
                        : try screener.run(path: path, output: 1, progress: progress)
        })
        if showProgress { Console.error("") }
        switch result {
        case .failure(.cannotOpen(let p, _)):
            Console.error("renalcheck: cannot read \(p)")
            throw ExitStatus.notFound.exitCode
        case .failure(let e):
            Console.error("renalcheck: \(e)")
            throw ExitStatus.ioError.exitCode
        case .success(let summary):
            if recordsAreData {
                Console.error("renalcheck: \(summary.lines) records written (\(summary.reports) reports, \(summary.errors) error records, "
                              + "\(summary.unscreenedReports) with an unscreened order)")
                return
            }
            if summary.errors > 0 {
                Console.error("renalcheck: \(summary.errors) of \(summary.lines) lines were not valid requests (see their error records)")
                throw ExitStatus.dataError.exitCode
            }
            if let status = ExitStatus.screening(hazard: summary.highestSeverity.map { $0 >= failOn } ?? false,
                                                 unscreened: summary.unscreenedReports > 0) {
                throw status.exitCode
            }
        }
    }

    /// One progress line on stderr: count, rate and, when the size is known, percent and ETA.
    static func draw(_ p: NDJSONProgress) {
        var line = "\r\(p.lines) requests · \(Int(p.linesPerSecond))/s"
        if let f = p.fraction {
            let width = 24, filled = Int((f * Double(width)).rounded())
            line += " [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(Int(f * 100))%"
        }
        if let eta = p.etaSeconds, !p.finished { line += " · ETA \(Int(eta.rounded()))s" }
        if p.errors > 0 { line += " · \(p.errors) errors" }
        Console.errorRaw(line + "   ")
    }
}
