import ArgumentParser
import Foundation
import Logging
import RenalCheckService

/// `renalcheck-server serve`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the service (the default).")

    @Option(help: "Address to listen on; keep it on loopback behind a TLS reverse proxy.") var host = "127.0.0.1"
    @Option(help: "Port (0: any free port).") var port = 8080
    @Option(help: "Write the bound port to this file once listening.") var portFile: String?
    @Option(help: "This service's public https base URL as the EHR calls it (JWT aud = this URL + path).") var publicURL: String?
    @Option(name: .customLong("issuer"), help: "A trusted EHR: ISS=JWKS, JWKS a file or an http(s) URL. Repeatable.") var issuers: [String] = []
    @Flag(help: "Accept calls without a JWT (development only).") var noAuth = false
    @Option(help: "Formulary folder (default: built in).") var formulary: String?
    @Option(help: "Site policy JSON file; SIGHUP reloads it.") var policy: String?
    @Option(help: "SQLite database of cards and feedback.") var database = "renalcheck-server.sqlite"
    @Option(help: "Largest request body, bytes.") var maxBodyBytes = 1 << 20
    @Option(help: "Time limit for one CDS call, seconds.") var requestTimeout: Double = 10
    @Option(help: "Time limit for one FHIR read, seconds.") var fhirTimeout: Double = 4
    @Option(help: "Requests handled at once; more get 503.") var maxConcurrent = 64
    @Option(help: "Idle connection timeout, seconds.") var idleTimeout: Double = 30
    @Option(help: "On SIGTERM, wait this long for in-flight requests, seconds.") var drainTimeout: Double = 20
    @Option(help: "Largest JWT lifetime (exp - iat) accepted, seconds.") var maxTokenLifetime = 3600
    @Option(help: "Clock skew allowed for exp and iat, seconds.") var clockSkew = 60
    @Option(name: .customLong("fhir-server-allow"), help: "Only read from fhirServer URLs starting with this prefix. Repeatable.") var fhirServerAllow: [String] = []
    @Flag(help: "Allow http fhirServer URLs (tests, local development).") var allowInsecureFhir = false
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var h = JSONLogHandler(label: label)
            h.logLevel = level
            return h
        }
        let logger = Logger(label: "renalcheck-server")
        var c = ServerConfiguration()
        c.host = host
        c.port = port
        c.publicURL = publicURL
        for spec in issuers {
            guard let eq = spec.firstIndex(of: "=") else { throw ValidationError("--issuer takes ISS=JWKS, got \(spec)") }
            c.issuers[String(spec[..<eq])] = String(spec[spec.index(after: eq)...])
        }
        c.requireAuthentication = !noAuth
        c.formularyDirectory = formulary
        c.policyPath = policy
        c.databasePath = database
        c.maxBodyBytes = maxBodyBytes
        c.requestTimeout = requestTimeout
        c.fhirTimeout = fhirTimeout
        c.maxConcurrentRequests = maxConcurrent
        c.idleTimeout = idleTimeout
        c.drainTimeout = drainTimeout
        c.maxTokenLifetime = maxTokenLifetime
        c.clockSkew = clockSkew
        c.allowInsecureFHIR = allowInsecureFhir
        c.fhirServerAllowList = fhirServerAllow
        let app: ServiceApplication
        do {
            app = try await ServiceApplication(configuration: c, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("renalcheck-server: \(error)\n".utf8))
            throw ExitCode(78)
        }
        let portFile = portFile
        try await app.run { port in
            logger.info("listening", metadata: ["port": "\(port)"])
            if let portFile { try? Data("\(port)\n".utf8).write(to: URL(fileURLWithPath: portFile), options: .atomic) }
        }
    }
}
