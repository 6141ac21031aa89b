import ArgumentParser
import RenalCheck

/// `renalcheck drug NAME`
struct DrugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drug",
        abstract: "What a drug does in kidney failure: renal clearance, dialysability, dosing, interactions, sources.",
        discussion: "NAME may be the generic name, a brand, a synonym or an RxCUI. Exit 66 with suggestions when not found."
    )

    @Argument(help: "Drug name, brand, synonym or RxCUI.")
    var name: [String]

    @OptionGroup var options: FormularyOptions
    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let formulary = try options.load()
        let query = name.joined(separator: " ")
        guard let drug = formulary.drug(named: query) else {
            let suggestions = formulary.suggestions(for: query)
            var message = "renalcheck: '\(query)' is not in \(formulary.name) \(formulary.version)"
            if !suggestions.isEmpty { message += "; did you mean: \(suggestions.joined(separator: ", "))?" }
            Console.error(message)
            throw ExitStatus.notFound.exitCode
        }
        let profile = DrugProfile(drug: drug, formulary: formulary)
        Console.out(format == .json ? profile.json() + "\n" : profile.text)
    }
}
