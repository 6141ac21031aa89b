/// Why a call's JWT was refused (the response is 401).
public enum AuthError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `Authorization: Bearer` header.
    case missingToken
    /// Not a compact JWS, or a header/payload that is not JSON.
    case malformed
    /// `alg` is missing, `none`, symmetric or unknown.
    case algorithmNotAllowed(String)
    /// `typ` is not `JWT`, or `kid` is missing.
    case badHeader(String)
    /// `iss` is not on the allow-list.
    case unknownIssuer
    /// The signature does not verify with the issuer's keys.
    case badSignature
    /// A required claim is missing.
    case missingClaim(String)
    /// `exp` is past.
    case expired
    /// `iat` is in the future.
    case issuedInFuture
    /// `exp - iat` exceeds the service's limit.
    case lifetimeTooLong
    /// `aud` is not this endpoint's URL.
    case wrongAudience
    /// `jti` was seen before.
    case replayed

    /// A short reason for the `WWW-Authenticate` header and the log (no token content).
    public var description: String {
        switch self {
        case .missingToken: "missing bearer token"
        case .malformed: "malformed token"
        case .algorithmNotAllowed(let alg): "algorithm not allowed: \(alg.prefix(16))"
        case .badHeader(let what): "bad token header: \(what)"
        case .unknownIssuer: "issuer not trusted"
        case .badSignature: "signature does not verify"
        case .missingClaim(let claim): "missing claim: \(claim)"
        case .expired: "token expired"
        case .issuedInFuture: "token issued in the future"
        case .lifetimeTooLong: "token lifetime too long"
        case .wrongAudience: "audience is not this endpoint"
        case .replayed: "token replayed (jti seen before)"
        }
    }
}
