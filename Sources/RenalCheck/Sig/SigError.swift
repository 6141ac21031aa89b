/// Why a quick-form sig could not be read.
public enum SigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sig is empty.
    case empty
    /// No dose (a number and a unit) after the drug name.
    case missingDose(sig: String)
    /// A word the grammar does not allow at this point (1-based word position).
    case unexpectedWord(sig: String, word: String, position: Int)
    /// A number outside what its place allows (1-based word position), e.g. a dose of `0` or a
    /// course of `99999999` days; `allowed` says what the place takes.
    case outOfRange(sig: String, word: String, position: Int, allowed: String)

    /// A message that points at the word.
    public var description: String {
        switch self {
        case .empty: return "empty sig"
        case .missingDose(let sig): return "'\(sig)': expected a dose such as '10 mg' after the drug name"
        case .unexpectedWord(let sig, let word, let position):
            return "'\(sig)': did not understand word \(position) '\(word)' (see `renalcheck screen --help` for the sig grammar)"
        case .outOfRange(let sig, let word, let position, let allowed):
            return "'\(sig)': word \(position) '\(word)' is out of range: expected \(allowed)"
        }
    }
}
