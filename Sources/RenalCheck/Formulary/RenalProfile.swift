/// What a pharmacist reads first about a drug in kidney failure.
public struct RenalProfile: Sendable, Hashable {
    /// A low–high range (equal when a single figure).
    public struct Range: Sendable, Hashable {
        /// Low end.
        public let low: Double
        /// High end.
        public let high: Double
    }

    /// Removal by one dialysis modality.
    public struct Dialysability: Sendable, Hashable {
        /// The modality.
        public let modality: DialysisModality
        /// `yes`, `partly`, `no` or `unknown`.
        public let removal: String
        /// A note.
        public let note: String?
        /// Source ids.
        public let sourceIDs: [String]
    }

    /// One line.
    public let summary: String
    /// Fraction excreted unchanged in urine.
    public let fractionExcretedUnchanged: Range?
    /// Sources for the fraction.
    public let fractionSourceIDs: [String]
    /// Half-life with normal kidney function, hours.
    public let halfLifeNormal: Range?
    /// Half-life in kidney failure, hours.
    public let halfLifeKidneyFailure: Range?
    /// Sources for the half-lives.
    public let halfLifeSourceIDs: [String]
    /// Dialysability by modality.
    public let dialysability: [Dialysability]
    /// Sources for the profile as a whole.
    public let sourceIDs: [String]
}
