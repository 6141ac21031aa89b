import Foundation
import Hummingbird
import Synchronization

/// A small FHIR server on loopback that answers the service's prefetch queries from the
/// order-sign example's prefetch, and records what it was asked (path and Authorization).
final class FHIRTestServer: Sendable {
    /// How it answers.
    enum Mode: Sendable {
        /// With the data.
        case normal
        /// HTTP 500 to everything.
        case failing
        /// After a delay, seconds.
        case slow(Double)
    }

    let port: Int
    private let task: Task<Void, any Error>
    private let recorder: Recorder

    /// What the server was asked.
    final class Recorder: Sendable {
        let seen = Mutex<[(path: String, authorization: String?)]>([])
    }

    /// The requests so far.
    var requests: [(path: String, authorization: String?)] { recorder.seen.withLock { $0 } }
    /// The base URL, as a request's `fhirServer`.
    var base: String { "http://127.0.0.1:\(port)/fhir" }

    /// Starts a server whose data is the order-sign example's prefetch.
    static func start(mode: Mode = .normal) async throws -> FHIRTestServer {
        let prefetch = try Fixtures.example("order-sign")["prefetch"] as! [String: Any]
        var byType: [String: [UInt8]] = [:]
        for (key, type) in [("patient", "Patient"), ("conditions", "Condition"), ("dialysis", "Procedure"),
                            ("labs", "Observation"), ("activeMeds", "MedicationRequest")] {
            // A null prefetch means "no such data": an empty searchset.
            let resource = prefetch[key] as? [String: Any] ?? ["resourceType": "Bundle", "type": "searchset", "total": 0]
            byType[type] = [UInt8](try JSONSerialization.data(withJSONObject: resource))
        }
        let data = byType
        let recorder = Recorder()
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let router = Router()
        router.get("fhir/**") { request, _ -> Response in
            recorder.seen.withLock { $0.append((String(request.uri.path) + (request.uri.query.map { "?" + $0 } ?? ""), request.headers[.authorization])) }
            switch mode {
            case .failing: return Response(status: .internalServerError)
            case .slow(let s): try await Task.sleep(for: .milliseconds(Int(s * 1000)))
            case .normal: break
            }
            let parts = request.uri.path.split(separator: "/")
            guard parts.count >= 2, let body = data[String(parts[1])] else { return Response(status: .notFound) }
            return Response(status: .ok, headers: [.contentType: "application/fhir+json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        let task = Task { try await app.run() }
        var port = 0
        for await p in stream { port = p; break }
        return FHIRTestServer(port: port, task: task, recorder: recorder)
    }

    private init(port: Int, task: Task<Void, any Error>, recorder: Recorder) {
        self.port = port
        self.task = task
        self.recorder = recorder
    }

    /// Stops the server.
    func stop() { task.cancel() }
}
