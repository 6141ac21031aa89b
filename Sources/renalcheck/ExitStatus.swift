import ArgumentParser

/// Every exit status the CLI uses, in one place.
///
/// 1 is left to swift-argument-parser for errors it does not map itself.
enum ExitStatus: Int32 {
    /// Success; for screening: every order screened and nothing at or above `--fail-on`.
    case ok = 0
    /// Screening found a hazard at or above `--fail-on`.
    case hazard = 2
    /// Some proposed order could not be screened (and no hazard at or above `--fail-on`).
    case unscreened = 3
    /// The command line is wrong (also a quick-form sig that cannot be parsed).
    case usage = 64
    /// Input data is invalid: bad JSON, a wrong field, an invalid formulary.
    case dataError = 65
    /// An input file, folder or drug was not found.
    case notFound = 66
    /// An internal error.
    case software = 70
    /// Reading input or writing output failed part-way (NDJSON batch mode: a closed pipe, a full disk).
    case ioError = 74

    /// The argument-parser exit code for this status.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
