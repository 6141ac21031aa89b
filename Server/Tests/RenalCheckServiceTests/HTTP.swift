import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal HTTP client for the tests (loopback only).
enum HTTP {
    /// A response.
    struct Reply: Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data

        /// The body as a JSON object.
        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
        /// The cards of a CDS Hooks response.
        var cards: [[String: Any]] { json["cards"] as? [[String: Any]] ?? [] }
        /// A header, case-insensitively.
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
        /// The body as text.
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static let session: URLSession = {
        let c = URLSessionConfiguration.ephemeral
        c.timeoutIntervalForRequest = 30
        c.httpMaximumConnectionsPerHost = 64
        return URLSession(configuration: c)
    }()

    /// Sends a request.
    static func send(_ method: String, _ url: String, body: Data? = nil, token: String? = nil, timeout: Double = 30) async throws -> Reply {
        var r = URLRequest(url: URL(string: url)!, timeoutInterval: timeout)
        r.httpMethod = method
        if let body {
            r.httpBody = body
            r.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let token { r.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await session.data(for: r)
        guard let http = response as? HTTPURLResponse else { throw ServerTestError.badResponse("not HTTP") }
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields { headers["\(k)"] = "\(v)" }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }

    /// GET.
    static func get(_ url: String, token: String? = nil) async throws -> Reply { try await send("GET", url, token: token) }

    /// POST a JSON object.
    static func post(_ url: String, json: Any, token: String? = nil) async throws -> Reply {
        try await send("POST", url, body: try JSONSerialization.data(withJSONObject: json), token: token)
    }
}
