/// Everything `renalcheck-server serve` is configured with (see docs/cds-hooks-service.md).
public struct ServerConfiguration: Sendable {
    /// Address to listen on (default 127.0.0.1: put a TLS reverse proxy in front).
    public var host = "127.0.0.1"
    /// Port (0: any free port, reported by ``ServiceApplication/run(onListening:)``).
    public var port = 8080
    /// This service's public base URL as the EHR calls it (the reverse proxy's https URL); the
    /// JWT `aud` must be this URL followed by the request path.
    public var publicURL: String?
    /// Trusted EHR issuers: `iss` → JWK Set (a file path or an http(s) URL).
    public var issuers: [String: String] = [:]
    /// False accepts calls without a JWT (development only; logged at every start).
    public var requireAuthentication = true
    /// Largest accepted token lifetime (`exp - iat`), seconds; bounds the replay cache.
    public var maxTokenLifetime = 3600
    /// Clock skew allowed for `exp` and `iat`, seconds.
    public var clockSkew = 60
    /// Formulary folder (nil: the built-in formulary).
    public var formularyDirectory: String?
    /// Site policy file (nil: no policy).
    public var policyPath: String?
    /// The SQLite database of cards and feedback.
    public var databasePath = "renalcheck-server.sqlite"
    /// Largest request body, bytes.
    public var maxBodyBytes = 1 << 20
    /// Time limit for one CDS call, seconds (FHIR fetches included).
    public var requestTimeout: Double = 10
    /// Time limit for one FHIR fetch, seconds.
    public var fhirTimeout: Double = 4
    /// Requests handled at once; more get 503 with Retry-After.
    public var maxConcurrentRequests = 64
    /// Idle connection timeout, seconds (slow or stalled clients).
    public var idleTimeout: Double = 30
    /// How long SIGTERM waits for in-flight requests, seconds.
    public var drainTimeout: Double = 20
    /// When not empty, the only `fhirServer` URL prefixes the service reads from.
    public var fhirServerAllowList: [String] = []
    /// Accept `fhirServer` URLs with the http scheme (tests and local development only).
    public var allowInsecureFHIR = false

    /// The defaults.
    public init() {}
}
