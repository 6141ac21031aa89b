import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RenalCheck
import ServiceLifecycle

/// `renalcheck-server serve`: the HTTP service with its routes, limits, signals and store.
public struct ServiceApplication: Sendable {
    /// The configuration.
    public let configuration: ServerConfiguration
    let service: CDSService
    let verifier: JWTVerifier?
    let policies: PolicyHolder
    let metrics: ServiceMetrics
    let store: CardStore
    let logger: Logger

    /// Loads the formulary, the policy, the issuers' keys; opens the store.
    public init(configuration c: ServerConfiguration, logger: Logger) async throws {
        self.configuration = c
        self.logger = logger
        let formulary: Formulary
        do {
            formulary = try c.formularyDirectory.map { try Formulary.load(directory: $0) } ?? Formulary.builtin()
        } catch let error as FormularyError {
            throw ServiceError.formulary(error.description)
        }
        policies = try PolicyHolder(path: c.policyPath, formulary: formulary)
        if c.requireAuthentication {
            guard c.publicURL != nil else { throw ServiceError.configuration("--public-url is required with authentication (the JWT aud)") }
            guard !c.issuers.isEmpty else { throw ServiceError.configuration("at least one --issuer ISS=JWKS is required (or --no-auth for development)") }
            var sets: [String: String] = [:]
            for (iss, source) in c.issuers { sets[iss] = try JWTVerifier.loadJWKS(source, issuer: iss) }
            verifier = try await JWTVerifier(issuers: sets, clockSkew: c.clockSkew, maxLifetime: c.maxTokenLifetime)
        } else {
            verifier = nil
        }
        metrics = ServiceMetrics()
        store = try CardStore(path: c.databasePath)
        service = CDSService(formulary: formulary, policies: policies, store: store,
                             fetcher: FHIRFetcher(timeout: c.fhirTimeout, allowInsecure: c.allowInsecureFHIR, allowList: c.fhirServerAllowList),
                             metrics: metrics, requestTimeout: c.requestTimeout)
    }

    /// Reloads the site policy (SIGHUP); an invalid file keeps the old policy and is logged.
    public func reloadPolicy() {
        do {
            let p = try policies.reload()
            metrics.policyReload(outcome: "ok")
            logger.info("site policy reloaded", metadata: ["policy_sha256": "\(p.sha256)"])
        } catch {
            metrics.policyReload(outcome: "invalid")
            logger.error("site policy not reloaded; the previous policy stays in force", metadata: ["problems": "\(error.description)"])
        }
    }

    /// Builds the router.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ServiceMiddleware(gate: ConcurrencyGate(limit: configuration.maxConcurrentRequests),
                                                 metrics: metrics, policies: policies))
        router.get("healthz") { _, _ in
            Self.json(CDSResult(status: 200, body: JSONText.bytes(["status": "ok", "policySha256": policies.policy.sha256])))
        }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(bytes: metrics.render())))
        }
        router.get("cds-services") { request, context in
            if let refused = await authenticate(request, context: context) { return refused }
            return Self.json(service.discovery())
        }
        router.post("cds-services/:id") { request, context in
            if let refused = await authenticate(request, context: context) { return refused }
            let id = context.parameters.get("id") ?? ""
            var request = request
            let body = try await request.collectBody(upTo: configuration.maxBodyBytes)
            let bytes = [UInt8](buffer: body)
            let logger = context.logger
            let result = await Self.deadline(seconds: configuration.requestTimeout) {
                await service.call(id: id, body: bytes, logger: logger)
            }
            return Self.json(result ?? .error(503, "the call took longer than the time limit"))
        }
        router.post("cds-services/:id/feedback") { request, context in
            if let refused = await authenticate(request, context: context) { return refused }
            let id = context.parameters.get("id") ?? ""
            var request = request
            let body = try await request.collectBody(upTo: configuration.maxBodyBytes)
            return Self.json(await service.feedback(id: id, body: [UInt8](buffer: body), logger: context.logger))
        }
        return router
    }

    /// nil when the call may go on; a 401 response otherwise.
    func authenticate(_ request: Request, context: BasicRequestContext) async -> Response? {
        guard let verifier else { return nil }
        let audience = (configuration.publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "") + request.uri.path
        do {
            _ = try await verifier.verify(authorization: request.headers[.authorization], audience: audience)
            return nil
        } catch {
            metrics.authFailure()
            context.logger.notice("call refused", metadata: ["reason": "\(error.description)"])
            var r = Self.json(.error(401, "unauthorized: \(error.description)"))
            r.headers[.wwwAuthenticate] = "Bearer error=\"invalid_token\""
            return r
        }
    }

    /// A JSON response.
    static func json(_ r: CDSResult) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        for (k, v) in r.headers { if let name = HTTPField.Name(k) { headers[name] = v } }
        return Response(status: .init(code: r.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: r.body)))
    }

    /// `body`'s result, or nil when it takes longer than `seconds` (the work is cancelled).
    static func deadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async -> T) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await body() }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Runs until SIGTERM or SIGINT, then drains in-flight requests (up to the drain timeout) and
    /// closes the store. SIGHUP reloads the site policy.
    ///
    /// - Parameter onListening: called with the bound port once the server listens.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let c = configuration
        if !c.requireAuthentication { logger.warning("authentication is OFF (--no-auth): development only") }
        let app = Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(c.idleTimeout * 1000)))),
            configuration: .init(address: .hostname(c.host, port: c.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        signal(SIGHUP, SIG_IGN)
        let hup = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        hup.setEventHandler { self.reloadPolicy() }
        hup.resume()
        defer { hup.cancel() }
        var groupConfiguration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .milliseconds(Int64(c.drainTimeout * 1000))
        let group = ServiceGroup(configuration: groupConfiguration)
        logger.info("starting", metadata: ["policy_sha256": "\(policies.policy.sha256)", "database": "\(store.path)"])
        do {
            try await group.run()
        } catch {
            store.close()
            throw error
        }
        store.close()
        logger.info("stopped; in-flight requests drained and the store closed")
    }
}
