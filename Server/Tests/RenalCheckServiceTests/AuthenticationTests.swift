import Foundation
import Testing

/// The EHR's JWT, as CDS Hooks 2.0 requires it: 401 unless valid, for this endpoint, once.
@Suite struct AuthenticationTests {
    @Test func tokensAreCheckedAsTheSpecificationRequires() async throws {
        let keys = TestKeys()
        let s = try Harness.server(keys)
        defer { s.stop() }
        let path = "/cds-services/renalcheck"
        let url = s.base + path
        let body = try Fixtures.orderSign()
        let aud = Harness.publicURL + path

        let valid = try await keys.token(aud: aud)
        #expect(try await HTTP.post(url, json: body, token: valid).status == 200)
        // Replayed: the same jti again.
        let replay = try await HTTP.post(url, json: body, token: valid)
        #expect(replay.status == 401)
        #expect(replay.text.contains("replayed"))
        // Expired.
        let expired = try await keys.token(aud: aud, expiresIn: -300, issuedAgo: 600)
        #expect(try await HTTP.post(url, json: body, token: expired).status == 401)
        // Wrong audience: the discovery URL's token used on the service URL.
        let wrongAud = try await keys.token(aud: Harness.publicURL + "/cds-services")
        let w = try await HTTP.post(url, json: body, token: wrongAud)
        #expect(w.status == 401)
        #expect(w.text.contains("audience"))
        // Unknown issuer.
        let stranger = try await keys.token(aud: aud, iss: "https://unknown-ehr.example.org")
        #expect(try await HTTP.post(url, json: body, token: stranger).status == 401)
        // Signed by another key under the trusted key's kid.
        let forged = try await TestKeys().token(aud: aud, kid: keys.kid)
        #expect(try await HTTP.post(url, json: body, token: forged).status == 401)
        // No token; a token with alg none.
        #expect(try await HTTP.post(url, json: body).status == 401)
        let none = Self.base64url(#"{"alg":"none","typ":"JWT","kid":"ehr-key-1"}"#) + "."
            + Self.base64url(#"{"iss":"\#(TestKeys.issuer)","aud":"\#(aud)","exp":9999999999,"iat":1,"jti":"x"}"#) + "."
        let n = try await HTTP.post(url, json: body, token: none)
        #expect(n.status == 401)
        #expect(n.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        // Feedback and discovery need a token too.
        #expect(try await HTTP.post(url + "/feedback", json: ["feedback": []]).status == 401)
        #expect(try await HTTP.get(s.base + "/cds-services").status == 401)
        // The log names the request and the reason, never the token.
        #expect(!s.log.contains(valid))
        #expect(s.log.contains("request_id"))
    }

    static func base64url(_ s: String) -> String {
        Data(s.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
