import ArgumentParser
import RenalCheck

/// `renalcheck rxnorm import RXNCONSO.RRF RXNREL.RRF -o rxnorm-map.json`
struct RxNormImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the RxNorm map (SCD, SBD, GPCK, BPCK → name and ingredients) for the formulary's drugs.",
        discussion: """
        Reads RXNCONSO.RRF and RXNREL.RRF from an RxNorm full release (NLM's RRF layout) and keeps
        the clinical drugs, branded drugs and packs that contain a formulary drug. Use the map
        with 'renalcheck screen --rxnorm FILE' or RxNormMap.load(json:) and Checker(rxnorm:).

        Exit: 0 written; 65 a line not in the RRF layout; 66 a file not found.
        """
    )

    @Argument(help: "RXNCONSO.RRF")
    var conso: String

    @Argument(help: "RXNREL.RRF")
    var rel: String

    @Option(name: .shortAndLong, help: "Where to write the map ('-' for stdout).")
    var output: String = "-"

    @OptionGroup var options: FormularyOptions

    func run() throws {
        let formulary = try options.load()
        let limit = 1 << 34
        guard let consoBytes = Console.read(conso, limit: limit) else {
            Console.error("renalcheck: cannot read \(conso)"); throw ExitStatus.notFound.exitCode
        }
        guard let relBytes = Console.read(rel, limit: limit) else {
            Console.error("renalcheck: cannot read \(rel)"); throw ExitStatus.notFound.exitCode
        }
        let result = Result(catching: { () throws(RxNormMapError) in
            try RxNormMap.importRRF(conso: consoBytes, rel: relBytes, formulary: formulary, consoName: conso, relName: rel)
        })
        switch result {
        case .failure(let e):
            Console.error(e.description)
            throw ExitStatus.dataError.exitCode
        case .success(let map):
            let bytes = map.jsonBytes(source: "RxNorm RRF: \(conso), \(rel)")
            if output == "-" {
                Console.out(bytes: bytes)
            } else if !Console.write(bytes, to: output) {
                Console.error("renalcheck: cannot write \(output)"); throw ExitStatus.ioError.exitCode
            }
            Console.error("\(map.concepts.count) RxNorm concepts for \(formulary.name) \(formulary.version)")
        }
    }
}
