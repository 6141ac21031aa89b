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
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
