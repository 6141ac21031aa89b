import Foundation

/// A `renalcheck-server serve` child process on a loopback port, with its own temporary folder.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    let folder: URL
    let stderrFile: URL

    /// The built binary next to the test bundle (`swift build --build-tests` builds it).
    static let binary: String = {
        let here = Bundle.main.bundleURL.appendingPathComponent("renalcheck-server").path
        if FileManager.default.isExecutableFile(atPath: here) { return here }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("renalcheck-server").path
        if FileManager.default.isExecutableFile(atPath: exe) { return exe }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/renalcheck-server").path
    }()

    /// A fresh temporary folder.
    static func makeFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rcs-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Starts the server with `arguments` (besides host, port and port file) in `folder`.
    init(_ arguments: [String], folder: URL? = nil) throws {
        self.folder = folder ?? Self.makeFolder()
        let portFile = self.folder.appendingPathComponent("port-\(UUID().uuidString.prefix(6))")
        stderrFile = self.folder.appendingPathComponent("server-\(UUID().uuidString.prefix(6)).log")
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--port-file", portFile.path] + arguments
        process.currentDirectoryURL = self.folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var found: Int?
        while Date() < deadline, process.isRunning {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let p = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                found = p
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard let found else {
            process.terminate()
            throw ServerTestError.didNotStart((try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "")
        }
        port = found
    }

    /// The server's log so far.
    var log: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    /// http://127.0.0.1:port
    var base: String { "http://127.0.0.1:\(port)" }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the process to exit; its status.
    @discardableResult
    func wait(timeout: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// SIGTERM and wait.
    @discardableResult
    func stop() -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        send(SIGTERM)
        if let s = wait() { return s }
        send(SIGKILL)
        return wait()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
