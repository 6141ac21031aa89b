import Foundation
import JWTKit

/// An EHR's ES384 signing key, its JWK Set on disk, and tokens as CDS Hooks 2.0 describes them.
struct TestKeys: Sendable {
    /// The claims a CDS client sends.
    struct Claims: JWTPayload {
        var iss: IssuerClaim
        var aud: AudienceClaim
        var exp: ExpirationClaim
        var iat: IssuedAtClaim
        var jti: IDClaim
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static let issuer = "https://ehr.example.org"
    let key = ES384PrivateKey()
    let kid = "ehr-key-1"

    /// The JWK Set (public key only) as JSON.
    var jwks: String {
        let p = key.publicKey.parameters!
        return #"{"keys":[{"kty":"EC","crv":"P-384","alg":"ES384","use":"sig","kid":"\#(kid)","x":"\#(p.x)","y":"\#(p.y)"}]}"#
    }

    /// Writes the JWK Set into `folder`; its path.
    func writeJWKS(in folder: URL) throws -> String {
        let url = folder.appendingPathComponent("jwks.json")
        try Data(jwks.utf8).write(to: url)
        return url.path
    }

    /// A signed token.
    func token(aud: String, iss: String = TestKeys.issuer, expiresIn: Double = 300, issuedAgo: Double = 0,
               jti: String = UUID().uuidString, kid: String? = nil) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: kid ?? self.kid))
        let now = Date()
        let claims = Claims(iss: .init(value: iss), aud: .init(value: [aud]), exp: .init(value: now.addingTimeInterval(expiresIn)),
                            iat: .init(value: now.addingTimeInterval(-issuedAgo)), jti: .init(value: jti))
        var header = JWTHeader()
        header.typ = "JWT"
        return try await keys.sign(claims, kid: JWKIdentifier(string: kid ?? self.kid), header: header)
    }
}
