import JWTKit

/// The claims of a CDS Hooks 2.0 client JWT. Signature and `exp` are checked by JWTKit; the
/// rest by ``JWTVerifier``.
struct CDSHooksClaims: JWTPayload {
    /// The issuer.
    var iss: IssuerClaim
    /// The endpoint URL(s).
    var aud: AudienceClaim
    /// Expiry.
    var exp: ExpirationClaim
    /// Issued at.
    var iat: IssuedAtClaim
    /// Nonce against replay.
    var jti: IDClaim
    /// Opaque organisation id.
    var tenant: String?

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
