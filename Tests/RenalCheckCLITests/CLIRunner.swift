import Foundation
import TestSupport

/// Runs the built `renalcheck` binary and captures stdout, stderr and the exit status.
struct CLIRunner {
    /// The result of one run.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The binary next to the test bundle (built by `swift build --build-tests`).
    static let binary: String = {
        var url = Bundle.main.bundleURL
        for candidate in [url.appendingPathComponent("renalcheck").path] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        url = URL(fileURLWithPath: TestPaths.root + "/.build/debug/renalcheck")
        return url.path
    }()

    /// Runs `renalcheck` with `arguments`, feeding `stdin` if given.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        // The child may stop reading early (a request over the size limit): a closed pipe must
        // surface as an error on the writing thread, not kill the test process.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let writer = Thread {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        // Drain stderr on another thread so a child that writes a lot to both pipes cannot block.
        let stderrData = ErrBox()
        let reader = Thread { stderrData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let e = stderrData.wait()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

/// Carries the stderr bytes from the reading thread back to the caller.
private final class ErrBox: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ d: Data) { data = d; done.signal() }

    func wait() -> Data { done.wait(); return data }
}
