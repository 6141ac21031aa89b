import Foundation

/// The repository's CDS Hooks examples, and variants of them.
enum Fixtures {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `examples/cds-hooks/<name>.json` as an object.
    static func example(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent("examples/cds-hooks/\(name).json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// The order-sign example (baclofen for a patient on haemodialysis) with a new hookInstance.
    static func orderSign(hookInstance: String = UUID().uuidString) throws -> [String: Any] {
        var r = try example("order-sign")
        r["hookInstance"] = hookInstance
        return r
    }

    /// The order-sign example without prefetch, pointing at a FHIR server.
    static func orderSignWithoutPrefetch(fhirServer: String, token: String = "fhir-token-123") throws -> [String: Any] {
        var r = try orderSign()
        r.removeValue(forKey: "prefetch")
        r["fhirServer"] = fhirServer
        r["fhirAuthorization"] = ["access_token": token, "token_type": "Bearer", "expires_in": 300,
                                  "scope": "patient/*.read", "subject": "renalcheck"]
        return r
    }

    /// Rule ids of cards, from their detail's "rule `id`".
    static func ruleIDs(_ cards: [[String: Any]]) -> [String] {
        cards.map { card in
            let detail = card["detail"] as? String ?? ""
            guard let start = detail.range(of: "rule `") else { return card["summary"] as? String ?? "" }
            let rest = detail[start.upperBound...]
            return String(rest.prefix { $0 != "`" })
        }
    }
}
