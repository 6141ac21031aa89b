import ArgumentParser
import RenalCheck

@main
struct RenalCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renalcheck",
        abstract: "Medication safety for people with kidney failure on dialysis.",
        discussion: """
        Exit status: 0 ok; 2 a hazard at or above --fail-on; 3 an order could
        not be screened; 64 usage; 65 bad input data; 66 not found; 70 internal
        error; 74 batch input or output failed.

        RenalCheck supports and never replaces clinical judgement.
        """,
        subcommands: [ScreenCommand.self, DrugCommand.self, FormularyCommand.self, CascadesCommand.self, RxNormCommand.self]
    )
}
