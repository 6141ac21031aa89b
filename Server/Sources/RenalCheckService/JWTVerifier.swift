import Foundation
import JWTKit

/// Verifies the JWT a CDS client sends, as CDS Hooks 2.0 requires: issuer allow-list with each
/// issuer's JWK Set, asymmetric algorithms only, `typ` JWT, `kid`, signature, `exp`, `iat`,
/// `aud` equal to the URL of the endpoint called, and `jti` not seen before.
public final class JWTVerifier: Sendable {
    private let keys: [String: JWTKeyCollection]
    private let replay = ReplayCache()
    private let skew: Int
    private let maxLifetime: Int
    /// Asymmetric algorithms accepted (ES384 and RS384 are the ones the specification recommends).
    static let algorithms: Set<String> = ["ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"]

    /// Loads each issuer's JWK Set.
    ///
    /// - Parameters:
    ///   - issuers: `iss` → JWK Set JSON text.
    ///   - clockSkew: seconds allowed for `exp` and `iat`.
    ///   - maxLifetime: largest `exp - iat` accepted, seconds.
    public init(issuers: [String: String], clockSkew: Int, maxLifetime: Int) async throws(ServiceError) {
        var keys: [String: JWTKeyCollection] = [:]
        for (iss, jwks) in issuers {
            let collection = JWTKeyCollection()
            do { try await collection.add(jwksJSON: jwks) } catch { throw .jwks(issuer: iss, message: "\(error)") }
            keys[iss] = collection
        }
        self.keys = keys
        skew = clockSkew
        self.maxLifetime = maxLifetime
    }

    /// Reads a JWK Set from a file path or an http(s) URL.
    public static func loadJWKS(_ source: String, issuer: String) throws(ServiceError) -> String {
        let data: Data?
        if source.hasPrefix("https://") || source.hasPrefix("http://") {
            data = URL(string: source).flatMap { try? Data(contentsOf: $0) }
        } else {
            data = FileManager.default.contents(atPath: source)
        }
        guard let data else { throw .jwks(issuer: issuer, message: "cannot read \(source)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Verifies `authorization` (the header value) for a call to `audience`.
    ///
    /// - Returns: the issuer.
    public func verify(authorization: String?, audience: String, now: Date = Date()) async throws(AuthError) -> String {
        guard let authorization, authorization.count > 7,
              authorization.prefix(7).lowercased() == "bearer " else { throw .missingToken }
        let token = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Self.json(parts[0]), let payload = Self.json(parts[1]) else { throw .malformed }
        guard let alg = header["alg"] as? String else { throw .algorithmNotAllowed("(none)") }
        guard Self.algorithms.contains(alg) else { throw .algorithmNotAllowed(alg) }
        guard (header["typ"] as? String)?.uppercased() == "JWT" else { throw .badHeader("typ must be JWT") }
        guard let kid = header["kid"] as? String, !kid.isEmpty else { throw .badHeader("kid is required") }
        guard let iss = payload["iss"] as? String else { throw .missingClaim("iss") }
        guard let collection = keys[iss] else { throw .unknownIssuer }
        for claim in ["aud", "exp", "iat", "jti"] where payload[claim] == nil { throw .missingClaim(claim) }
        let claims: CDSHooksClaims
        do {
            claims = try await collection.verify(token, as: CDSHooksClaims.self)
        } catch {
            throw .badSignature
        }
        let t = Int(now.timeIntervalSince1970)
        let exp = Int(claims.exp.value.timeIntervalSince1970)
        let iat = Int(claims.iat.value.timeIntervalSince1970)
        guard exp + skew >= t else { throw .expired }
        guard iat - skew <= t else { throw .issuedInFuture }
        guard exp - iat <= maxLifetime else { throw .lifetimeTooLong }
        guard claims.aud.value.contains(audience) else { throw .wrongAudience }
        guard !claims.jti.value.isEmpty else { throw .missingClaim("jti") }
        guard replay.insert("\(iss)\u{0}\(claims.jti.value)", expiry: exp + skew, now: t) else { throw .replayed }
        return iss
    }

    /// A base64url segment decoded as a JSON object.
    static func json(_ segment: Substring) -> [String: Any]? {
        var s = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        guard let data = Data(base64Encoded: s) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
