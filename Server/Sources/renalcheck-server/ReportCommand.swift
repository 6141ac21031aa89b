import ArgumentParser
import RenalCheckService

/// `renalcheck-server report`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Per rule: cards shown, accepted, overridden and the override reasons.")

    @Option(help: "SQLite database of cards and feedback.") var database = "renalcheck-server.sqlite"
    @Flag(help: "JSON instead of text.") var json = false

    func run() throws {
        do {
            let report = try FeedbackReport.read(path: database)
            print(json ? report.json : report.text, terminator: json ? "\n" : "")
        } catch {
            print("renalcheck-server: \(error)")
            throw ExitCode(66)
        }
    }
}
