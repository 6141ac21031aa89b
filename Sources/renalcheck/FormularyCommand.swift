import ArgumentParser

/// `renalcheck formulary …`
struct FormularyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formulary",
        abstract: "Validate or describe a formulary.",
        subcommands: [FormularyValidateCommand.self, FormularyInfoCommand.self]
    )
}
