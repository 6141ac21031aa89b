/// A card the service returned, as stored: no patient identifier, no card text.
public struct IssuedCard: Sendable, Hashable {
    /// The card's `uuid`.
    public let uuid: String
    /// The rule behind it.
    public let ruleID: String
    /// `order-select` or `order-sign`.
    public let hook: String
    /// The severity the card was shown at (after the site policy).
    public let severity: String
    /// When it was issued (RFC 3339, UTC).
    public let issuedAt: String
    /// SHA-256 of the site policy in force.
    public let policySHA256: String
    /// SHA-256 of the formulary.
    public let formularySHA256: String
}
