import ArgumentParser
import RenalCheck
import RenalCheckJSON

/// `renalcheck formulary info`
struct FormularyInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Name, version, SHA-256, and counts of drugs, rules by kind, and sources."
    )

    @OptionGroup var options: FormularyOptions
    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let f = try options.load()
        var byKind: [(RuleKind, Int)] = []
        for kind in RuleKind.allCases {
            let n = f.rules.filter { $0.kind == kind }.count
            if n > 0 { byKind.append((kind, n)) }
        }
        if format == .json {
            var w = JSONWriter(indent: 2)
            w.beginObject()
            w.member("name", f.name); w.member("version", f.version); w.key("schemaVersion"); w.integer(f.schemaVersion)
            w.member("sha256", f.sha256)
            w.key("drugs"); w.integer(f.drugs.count)
            w.key("rules"); w.integer(f.rules.count)
            w.key("rulesByKind"); w.beginObject(); for (k, n) in byKind { w.key(k.rawValue); w.integer(n) }; w.endObject()
            w.key("sources"); w.integer(f.sources.count)
            w.key("classes"); w.integer(f.classes.count)
            w.key("labs"); w.integer(f.labs.count)
            w.endObject()
            Console.out(w.text + "\n")
            return
        }
        var out = "\(f.name) \(f.version) (schema \(f.schemaVersion))\n"
        out += "sha256   \(f.sha256)\n"
        out += "drugs    \(f.drugs.count)\n"
        out += "rules    \(f.rules.count)\n"
        for (k, n) in byKind { out += "  \(k.rawValue.padding(16))\(n)\n" }
        out += "sources  \(f.sources.count)\n"
        out += "classes  \(f.classes.count) · conditions \(f.conditions.count) · indications \(f.indications.count) · labs \(f.labs.count)\n"
        Console.out(out)
    }
}

extension String {
    /// Pads with spaces to `width`.
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
