import Foundation
import RenalCheck

/// Starting a server the way the tests need it.
enum Harness {
    /// The public URL the server is configured with (the JWT audience base).
    static let publicURL = "https://cds.example.test"

    /// A server trusting `keys`' issuer, with a database in its folder.
    static func server(_ keys: TestKeys, _ extra: [String] = [], folder: URL? = nil) throws -> ServerProcess {
        let folder = folder ?? ServerProcess.makeFolder()
        let jwks = try keys.writeJWKS(in: folder)
        return try ServerProcess(["--public-url", publicURL, "--issuer", "\(TestKeys.issuer)=\(jwks)",
                                  "--database", folder.appendingPathComponent("cards.sqlite").path] + extra, folder: folder)
    }

    /// A server without authentication (load and crash tests).
    static func openServer(_ extra: [String] = [], folder: URL? = nil) throws -> ServerProcess {
        let folder = folder ?? ServerProcess.makeFolder()
        return try ServerProcess(["--no-auth", "--database", folder.appendingPathComponent("cards.sqlite").path] + extra, folder: folder)
    }

    /// The database of a server started by this harness.
    static func database(_ s: ServerProcess) -> String { s.folder.appendingPathComponent("cards.sqlite").path }

    /// A token for `path` on the server.
    static func token(_ keys: TestKeys, _ path: String) async throws -> String {
        try await keys.token(aud: publicURL + path)
    }

    /// Runs the built binary with `arguments`; exit status and standard output.
    static func run(_ arguments: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: ServerProcess.binary)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The SHA-256 a policy file gets.
    static func policySHA(_ text: String) throws -> String {
        try SitePolicy.decode(Array(text.utf8), source: "policy.json", formulary: Formulary.builtin()).sha256
    }
}
