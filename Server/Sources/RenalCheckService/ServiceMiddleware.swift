import HTTPTypes
import Hummingbird
import Logging

/// Outermost middleware: concurrency limit, the policy hash header on every response, one
/// structured log line and metrics per request.
struct ServiceMiddleware<Context: RequestContext>: RouterMiddleware {
    let gate: ConcurrencyGate
    let metrics: ServiceMetrics
    let policies: PolicyHolder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let route = Self.route(request.uri.path)
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            metrics.request(route: route, method: request.method.rawValue, status: status, duration: elapsed)
            let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            context.logger.info("request", metadata: [
                "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(status)",
                "duration_ms": "\(Int(ms.rounded()))",
            ])
        }
        let sha = policies.policy.sha256
        guard gate.enter() else {
            status = 503
            var headers: HTTPFields = [.retryAfter: "1", .contentType: "application/json"]
            headers[Self.policyHeader] = sha
            return Response(status: .serviceUnavailable, headers: headers,
                            body: .init(byteBuffer: ByteBuffer(string: #"{"error":"too many requests at once; retry"}"#)))
        }
        metrics.inFlight.increment()
        defer {
            gate.leave()
            metrics.inFlight.decrement()
        }
        do {
            var response = try await next(request, context)
            if response.headers[Self.policyHeader] == nil { response.headers[Self.policyHeader] = sha }
            status = Int(response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            status = Int(error.status.code)
            var response = Response(status: error.status, headers: [.contentType: "application/json"],
                                    body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"\(error.status.reasonPhrase)\"}")))
            response.headers[Self.policyHeader] = sha
            return response
        }
    }

    /// The policy hash header.
    static var policyHeader: HTTPField.Name { HTTPField.Name("X-RenalCheck-Policy-SHA256")! }

    /// A route template for metrics and logs (no ids beyond the service id).
    static func route(_ raw: some StringProtocol) -> String {
        let path = String(raw)
        if ["/healthz", "/metrics", "/cds-services"].contains(path) { return path }
        guard path.hasPrefix("/cds-services/") else { return "other" }
        return path.hasSuffix("/feedback") ? "/cds-services/{id}/feedback" : "/cds-services/{id}"
    }
}
