import ArgumentParser
import RenalCheck

/// `renalcheck rxnorm …`
struct RxNormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rxnorm",
        abstract: "Build a site's RxNorm map for the formulary's drugs.",
        subcommands: [RxNormImportCommand.self]
    )

    /// Reads an RxNorm map, printing problems and exiting 66 (not found) or 65 (invalid).
    static func loadMap(_ path: String) throws -> RxNormMap {
        guard let bytes = Console.read(path, limit: 1 << 30) else {
            Console.error("renalcheck: cannot read \(path)")
            throw ExitStatus.notFound.exitCode
        }
        switch Result(catching: { () throws(RxNormMapError) in try RxNormMap.load(json: bytes, source: path) }) {
        case .success(let m): return m
        case .failure(let e):
            Console.error(e.description)
            throw ExitStatus.dataError.exitCode
        }
    }
}
