import ArgumentParser
import RenalCheck
import RenalCheckService

/// `renalcheck-server check-policy FILE`.
struct CheckPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-policy",
        abstract: "Validate a site policy file; print its SHA-256 or every problem as file:line:column.")

    @Argument(help: "The policy file.") var file: String
    @Option(help: "Formulary folder (default: built in).") var formulary: String?

    func run() throws {
        do {
            let f = try formulary.map { try Formulary.load(directory: $0) } ?? Formulary.builtin()
            let p = try PolicyHolder.load(path: file, formulary: f)
            print("\(file): valid; sha256 \(p.sha256); \(p.rules.count) rule settings")
        } catch let e as ServiceError {
            print(e.description)
            throw ExitCode(65)
        } catch let e as FormularyError {
            print(e.description)
            throw ExitCode(Int32(e.code))
        }
    }
}
