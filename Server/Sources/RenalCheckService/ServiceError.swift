/// Why the service could not start or reload.
public enum ServiceError: Error, Sendable, CustomStringConvertible {
    /// A file could not be read.
    case unreadable(path: String)
    /// The site policy is invalid: one `file:line:column: $.path: message` per line.
    case invalidPolicy(String)
    /// The formulary could not be loaded.
    case formulary(String)
    /// A JWK Set could not be loaded or used.
    case jwks(issuer: String, message: String)
    /// A setting is missing or wrong.
    case configuration(String)

    /// One or more lines for people.
    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case .invalidPolicy(let problems): problems
        case .formulary(let message): message
        case .jwks(let issuer, let message): "JWK Set for issuer \(issuer): \(message)"
        case .configuration(let message): message
        }
    }
}
