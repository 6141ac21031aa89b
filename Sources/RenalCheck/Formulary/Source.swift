/// A cited source: a label, guideline, trial, review, case report or regulatory notice.
public struct Source: Sendable, Hashable {
    /// The kinds of source.
    public enum Kind: String, Sendable, CaseIterable {
        /// A product label or SmPC.
        case label
        /// A clinical practice guideline.
        case guideline
        /// A clinical trial.
        case trial
        /// A review or meta-analysis.
        case review
        /// A case report or case series.
        case caseReport = "case-report"
        /// An observational cohort or database study.
        case cohort
        /// A regulator's safety communication.
        case regulatory
        /// A drug compendium or monograph.
        case reference
    }

    /// Short id, e.g. `beers-2023`.
    public let id: String
    /// The kind of source.
    public let kind: Kind
    /// Year of publication, when the source shows it.
    public let year: Int?
    /// The full citation.
    public let citation: String
    /// A URL, when given.
    public let url: String?
    /// A DOI, when given.
    public let doi: String?
    /// What was read and how far to trust it.
    public let note: String?

    /// The URL, or the DOI as a URL.
    public var link: String? { url ?? doi.map { "https://doi.org/\($0)" } }
}
