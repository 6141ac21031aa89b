import ArgumentParser
import RenalCheck

/// `renalcheck cascades review TIMELINE.json`
struct CascadesReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Find prescribing cascades in one patient's medication timeline.",
        discussion: """
        TIMELINE is {"patient": {...}, "history": [{"drug": "atorvastatin", "start": "2025-01-10", "stop": null}, ...]}
        or a screening request whose medications and orders carry start dates. A marker that started
        before its index drug, on the same day, or outside the cascade's window is not reported.
        """
    )

    @Argument(help: "The timeline JSON file, or '-' for stdin.")
    var timeline: String

    @OptionGroup var options: FormularyOptions
    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let formulary = try options.load()
        guard let bytes = Console.read(timeline) else {
            Console.error("renalcheck: cannot read \(timeline)")
            throw ExitStatus.notFound.exitCode
        }
        let source = timeline == "-" ? "stdin" : timeline
        switch Result(catching: { () throws(RequestError) in try MedicationTimeline.decode(json: bytes, source: source, formulary: formulary) }) {
        case .failure(let e):
            Console.error(e.description)
            throw ExitStatus.dataError.exitCode
        case .success(let t):
            switch Result(catching: { () throws(CascadeReviewError) in try CascadeReview(formulary: formulary).review(t) }) {
            case .failure(let e):
                Console.error("renalcheck: \(e)")
                throw ExitStatus.dataError.exitCode
            case .success(let report):
                Console.out(format == .json ? report.json() + "\n" : report.text)
            }
        }
    }
}
