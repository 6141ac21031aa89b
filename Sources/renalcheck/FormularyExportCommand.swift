import ArgumentParser
import RenalCheck

extension Formulary.ExportTable: ExpressibleByArgument {}

/// `renalcheck formulary export`
struct FormularyExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the rule or source texts as NDJSON, to join against compact reports.",
        discussion: """
        renalcheck formulary export rules   > rules.ndjson    (join on a finding's 'rule')
        renalcheck formulary export sources > sources.ndjson  (join on its 'sources' ids)
        The rules table includes the checker's own rules (renalcheck.*).
        """
    )

    @Argument(help: "rules or sources.")
    var table: Formulary.ExportTable

    @OptionGroup var options: FormularyOptions

    func run() throws {
        Console.out(bytes: try options.load().exportNDJSON(table))
    }
}
