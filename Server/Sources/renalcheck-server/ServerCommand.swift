import ArgumentParser

/// `renalcheck-server`: RenalCheck as a CDS Hooks 2.0 service.
@main
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renalcheck-server",
        abstract: "RenalCheck as a CDS Hooks 2.0 service, with site policy and override feedback.",
        discussion: "See docs/cds-hooks-service.md for the configuration reference.",
        subcommands: [ServeCommand.self, ReportCommand.self, CheckPolicyCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
