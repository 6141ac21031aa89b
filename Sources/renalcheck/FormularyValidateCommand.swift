import ArgumentParser
import RenalCheck
import RenalCheckJSON

/// `renalcheck formulary validate [DIR]`
struct FormularyValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a formulary folder; list every problem as file:line:column: message.",
        discussion: "Exit 0 when valid, 65 when not (every problem listed on stderr), 66 when DIR does not exist."
    )

    @Argument(help: "The formulary folder (default: the built-in formulary).")
    var directory: String?

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let result = Result(catching: { () throws(FormularyError) -> Formulary in
            if let directory { return try Formulary.load(directory: directory) }
            return try Formulary.builtin()
        })
        switch result {
        case .success(let f):
            let line = "valid: \(f.name) \(f.version) (\(f.drugs.count) drugs, \(f.rules.count) rules, \(f.sources.count) sources) sha256 \(f.sha256)"
            if format == .json {
                var w = JSONWriter(indent: 2)
                w.beginObject()
                w.key("valid"); w.bool(true)
                w.member("name", f.name); w.member("version", f.version); w.member("sha256", f.sha256)
                w.key("drugs"); w.integer(f.drugs.count); w.key("rules"); w.integer(f.rules.count); w.key("sources"); w.integer(f.sources.count)
                w.endObject()
                Console.out(w.text + "\n")
            } else {
                Console.out(line + "\n")
            }
        case .failure(.directoryNotFound(let path)):
            Console.error("renalcheck: formulary folder not found: \(path)")
            throw ExitStatus.notFound.exitCode
        case .failure(.invalid(let problems)):
            if format == .json {
                var w = JSONWriter(indent: 2)
                w.beginObject()
                w.key("valid"); w.bool(false)
                w.key("problems"); w.beginArray()
                for p in problems {
                    w.beginObject()
                    w.member("file", p.file); w.member("line", p.line.map(Double.init)); w.member("column", p.column.map(Double.init))
                    w.member("path", p.path); w.key("code"); w.integer(p.code.rawValue); w.member("message", p.message)
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                Console.out(w.text + "\n")
            }
            for p in problems { Console.error(p.description) }
            Console.error("\(problems.count) problem\(problems.count == 1 ? "" : "s") found")
            throw ExitStatus.dataError.exitCode
        }
    }
}

