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
    /// Both: a hazard at or above `--fail-on` *and* some proposed order not fully screened.
    /// Neither hides the other: a partly unscreened order never exits 2 as if it were screened.
    case hazardAndUnscreened = 4
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

    /// The status of a screening (one request or a batch): nil when it is 0.
    ///
    /// - Parameters:
    ///   - hazard: a finding at or above `--fail-on`.
    ///   - unscreened: some proposed order was not fully screened.
    static func screening(hazard: Bool, unscreened: Bool) -> ExitStatus? {
        switch (hazard, unscreened) {
        case (true, true): .hazardAndUnscreened
        case (true, false): .hazard
        case (false, true): .unscreened
        case (false, false): nil
        }
    }

    /// The argument-parser exit code for this status.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
