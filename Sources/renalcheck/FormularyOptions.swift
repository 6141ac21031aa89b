import ArgumentParser
import RenalCheck

/// `--formulary DIR`, shared by every command that needs a formulary.
struct FormularyOptions: ParsableArguments {
    @Option(name: .long, help: "Load the formulary from DIR instead of the built-in one.")
    var formulary: String?

    /// Loads the chosen formulary, printing problems and exiting 65 (invalid) or 66 (not found).
    func load() throws -> Formulary {
        let result = Result(catching: { () throws(FormularyError) in
            if let formulary { return try Formulary.load(directory: formulary) }
            return try Formulary.builtin()
        })
        switch result {
        case .success(let f): return f
        case .failure(let error):
            Console.error(error.description)
            throw (error.code == 66 ? ExitStatus.notFound : ExitStatus.dataError).exitCode
        }
    }
}
