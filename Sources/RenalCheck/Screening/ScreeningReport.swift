/// The result of screening one request.
public struct ScreeningReport: Sendable {
    /// Which formulary produced it.
    public struct FormularyIdentity: Sendable, Hashable {
        /// Name.
        public let name: String
        /// Version.
        public let version: String
        /// Content hash.
        public let sha256: String
    }

    /// The formulary.
    public let formulary: FormularyIdentity
    /// The caller's key for the request (`requestId`), echoed as given.
    public let requestID: String?
    /// The patient id, as given.
    public let patientID: String?
    /// The moment screened for.
    public let asOf: Instant
    /// One result per proposed order, in request order.
    public let orders: [OrderResult]
    /// Every finding, most serious first, then by order.
    public let findings: [Finding]
    /// Current medications not in the formulary (their interactions were not checked).
    public let unknownMedications: [String]

    /// The most serious finding, if any.
    public var highestSeverity: Severity? { findings.first?.severity }

    /// True when some proposed order could not be fully screened.
    public var hasUnscreenedOrders: Bool { orders.contains { $0.status == .unscreened } }

    /// How many findings of each severity.
    public var countsBySeverity: [Severity: Int] {
        var counts: [Severity: Int] = [:]
        for f in findings { counts[f.severity, default: 0] += 1 }
        return counts
    }
}
