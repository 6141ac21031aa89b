/// How one proposed order fared.
public struct OrderResult: Sendable, Hashable {
    /// Whether an order could be screened.
    public enum Status: String, Sendable, Hashable {
        /// Every rule that applies was evaluated.
        case screened
        /// Something was not understood or missing: not every rule could be checked.
        case unscreened
    }

    /// The order id.
    public let id: String
    /// The formulary drug id, or the name as given when the drug is unknown.
    public let drug: String
    /// Screened or not.
    public let status: Status
    /// The most serious finding that names this order, if any.
    public let highestSeverity: Severity?
}
