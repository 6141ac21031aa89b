import ArgumentParser

/// `renalcheck formulary …`
struct FormularyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formulary",
        abstract: "Validate, describe or export a formulary.",
        subcommands: [FormularyValidateCommand.self, FormularyInfoCommand.self, FormularyExportCommand.self]
    )
}
