import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads FHIR resources from the EHR's `fhirServer` with the `fhirAuthorization` bearer token,
/// each read under a time limit. Nothing it reads or sends is logged.
public struct FHIRFetcher: Sendable {
    /// Why a read failed (no patient data: the reason only).
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// No `fhirServer` in the request.
        case noServer
        /// The `fhirServer` URL is not https (and http is not allowed) or not a URL.
        case badServer
        /// The time limit passed.
        case timeout
        /// The server answered with this HTTP status.
        case status(Int)
        /// The connection failed.
        case network
        /// The answer is not a FHIR resource in JSON.
        case notFHIR

        /// For the card and the log.
        public var description: String {
            switch self {
            case .noServer: "not prefetched, and the request named no FHIR server"
            case .badServer: "the FHIR server URL is not allowed"
            case .timeout: "the FHIR server did not answer in time"
            case .status(let s): "the FHIR server answered HTTP \(s)"
            case .network: "the FHIR server could not be reached"
            case .notFHIR: "the FHIR server's answer was not a FHIR resource"
            }
        }
    }

    private let session: URLSession
    /// The time limit for one read, seconds.
    public let timeout: Double
    /// Whether http (not https) servers are allowed.
    public let allowInsecure: Bool
    /// When not empty, the only `fhirServer` URL prefixes read from (others are refused).
    public let allowList: [String]

    /// A fetcher with a time limit per read.
    public init(timeout: Double, allowInsecure: Bool, allowList: [String] = []) {
        self.allowList = allowList
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = timeout
        config.httpMaximumConnectionsPerHost = 8
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: config)
        self.timeout = timeout
        self.allowInsecure = allowInsecure
    }

    /// The URL for a query relative to `server`, or an absolute `next` link on the same server.
    func url(server: String, query: String) -> URL? {
        guard server.hasPrefix("https://") || (allowInsecure && server.hasPrefix("http://")) else { return nil }
        guard allowList.isEmpty || allowList.contains(where: { server.hasPrefix($0) }) else { return nil }
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        let text: String
        if query.hasPrefix("http://") || query.hasPrefix("https://") {
            // A paging link: only on the same server, so the token goes nowhere else.
            guard query.hasPrefix(base + "/") || query.hasPrefix(base + "?") else { return nil }
            text = query
        } else {
            let parts = query.split(separator: "?", maxSplits: 1)
            var allowed = CharacterSet.urlQueryAllowed
            allowed.remove(charactersIn: "|+")
            let path = String(parts[0])
            let q = parts.count > 1 ? "?" + (String(parts[1]).addingPercentEncoding(withAllowedCharacters: allowed) ?? "") : ""
            text = base + "/" + path + q
        }
        return URL(string: text)
    }

    /// Reads one resource or Bundle.
    public func get(server: String?, query: String, token: String?) async throws(Failure) -> [String: Any] {
        guard let server else { throw .noServer }
        guard let url = url(server: server, query: query) else { throw .badServer }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("application/fhir+json", forHTTPHeaderField: "Accept")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let result: (Data, Int)
        let finished = request
        do {
            result = try await withDeadline(seconds: timeout) { [session] in
                let (data, response) = try await session.data(for: finished)
                return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
            }
        } catch let e as Failure {
            throw e
        } catch let e as URLError where e.code == .timedOut {
            throw .timeout
        } catch {
            throw .network
        }
        guard result.1 == 200 else { throw result.1 == 0 ? .network : .status(result.1) }
        guard let object = (try? JSONSerialization.jsonObject(with: result.0)) as? [String: Any],
              object["resourceType"] is String else { throw .notFHIR }
        return object
    }

    /// Runs `body`, throwing ``Failure/timeout`` when it takes longer than `seconds`.
    func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                throw Failure.timeout
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw Failure.timeout }
            return first
        }
    }
}
