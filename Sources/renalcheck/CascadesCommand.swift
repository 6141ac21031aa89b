import ArgumentParser

/// `renalcheck cascades …`
struct CascadesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cascades",
        abstract: "Prescribing-cascade review: one patient's timeline, or a population by sequence symmetry analysis.",
        subcommands: [CascadesReviewCommand.self, CascadesPSSACommand.self]
    )
}
