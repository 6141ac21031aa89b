import ArgumentParser
import RenalCheck
import RenalCheckJSON

extension CalendarDay: ExpressibleByArgument {
    /// Reads a `YYYY-MM-DD` command-line argument.
    public init?(argument: String) { self.init(iso: argument) }
}

/// `renalcheck cascades pssa DISPENSINGS.csv --index X --marker Y`
struct CascadesPSSACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pssa",
        abstract: "Prescription sequence symmetry analysis over dispensing records.",
        discussion: """
        DISPENSINGS.csv rows: patient_id,drug,date[,days_supply] (header optional). Drugs are named as
        the formulary knows them or by RxCUI; unknown drugs are counted and reported.
        Incident use: first dispensing on or after start + washout and on or before end. Cases: both
        initiations within --window days; same-day starts are ties (excluded); gaps within --blackout
        days are excluded. cSR = index-first / marker-first; SRnull per Tsiropoulos 2009 (windowed
        Hallas); aSR = cSR / SRnull with a 95% Clopper–Pearson (default) or Jeffreys interval.
        """
    )

    @Argument(help: "The dispensing CSV, or '-' for stdin (not with --all or --continued-exposure, which read it twice).")
    var dispensings: String
    @Option(help: "Index class or drug id.") var index: String?
    @Option(help: "Marker class or drug id.") var marker: String?
    @Flag(help: "Run every cascade pair in the formulary and print a table sorted by aSR.") var all = false
    @Option(help: "Washout days.") var washout = 365
    @Option(help: "Window days.") var window = 365
    @Option(help: "Blackout days.") var blackout = 0
    @Option(help: "Study start (default: the data's first date).") var start: CalendarDay?
    @Option(help: "Study end (default: the data's last date).") var end: CalendarDay?
    @Option(name: .customLong("nsr-window"), help: "Window for the null-effect ratio (days, or 'unrestricted'; default: --window).")
    var nsrWindow: String?
    @Option(name: .customLong("continued-exposure"), help: "The first drug must be dispensed within this many days before the second starts.")
    var continuedExposure: Int?
    @Option(help: "exact (Clopper–Pearson) or jeffreys.") var ci = "exact"
    @Option(name: .customLong("max-malformed"), help: "Most malformed rows allowed, in percent of data rows (default 5); more is an error (exit 65).")
    var maxMalformed: Double = 5
    @OptionGroup var options: FormularyOptions
    @Option(help: "text or json.") var format: OutputFormat = .text

    func validate() throws {
        if all == (index != nil || marker != nil) { throw ValidationError("give --index and --marker, or --all") }
        if !all && (index == nil || marker == nil) { throw ValidationError("give both --index and --marker") }
        if !["exact", "jeffreys"].contains(ci) { throw ValidationError("--ci must be exact or jeffreys") }
        if let n = nsrWindow, n != "unrestricted", Int(n) == nil { throw ValidationError("--nsr-window takes a number of days or 'unrestricted'") }
        if !(maxMalformed >= 0 && maxMalformed <= 100) { throw ValidationError("--max-malformed must be a percentage from 0 to 100") }
    }

    var parameters: PSSAParameters {
        let nullWindow: PSSANullWindow = switch nsrWindow {
        case nil: .sameAsWindow
        case "unrestricted": .unrestricted
        case let n?: .days(Int(n) ?? window)
        }
        var p = PSSAParameters(washoutDays: washout, windowDays: window, blackoutDays: blackout,
                               continuedExposureDays: continuedExposure, nullWindow: nullWindow, start: start, end: end,
                               intervalMethod: ci == "jeffreys" ? .jeffreys : .clopperPearson)
        p.maxMalformedFraction = maxMalformed / 100
        return p
    }

    func run() throws {
        let formulary = try options.load()
        let analysis = PSSAAnalysis(parameters: parameters)
        var runs: [(String, String, String, PSSAResult)] = []
        var pairs: [(String, String, DrugSet, DrugSet)] = []
        if all {
            for rule in formulary.rules { if let c = rule.cascade { pairs.append((rule.id, c.index.described + " → " + c.marker.described, c.index, c.marker)) } }
        } else {
            guard let i = formulary.drugSet(named: index!), let m = formulary.drugSet(named: marker!) else {
                Console.error("renalcheck: \(formulary.drugSet(named: index!) == nil ? index! : marker!) is neither a class nor a drug in \(formulary.name)")
                throw ExitStatus.usage.exitCode
            }
            pairs.append(("\(index!) → \(marker!)", "", i, m))
        }
        let path = dispensings == "-" ? "/dev/stdin" : dispensings
        // Several pairs read the input once each: a pipe would be empty from the second on.
        if pairs.count > 1, !PSSAAnalysis.isRegularFile(path) {
            Console.error("renalcheck: \(PSSAError.needsRegularFile(path: dispensings))")
            throw ExitStatus.usage.exitCode
        }
        for (name, label, i, m) in pairs {
            let classifier = FormularyPSSAClassifier(formulary: formulary, index: i, marker: m)
            switch Result(catching: { () throws(PSSAError) in try analysis.run(csvPath: path, classifier: classifier) }) {
            case .success(let r):
                if r.counts.malformedRows > 0, runs.isEmpty {
                    Console.error("renalcheck: warning: \(r.counts.malformedRows) of \(r.counts.dataRows) rows are malformed and were not counted (see the report)")
                }
                runs.append((name, label, dispensings, r))
            case .failure(let e):
                Console.error("renalcheck: \(e)")
                switch e {
                case .fileNotFound: throw ExitStatus.notFound.exitCode
                case .invalidParameter, .needsRegularFile: throw ExitStatus.usage.exitCode
                default: throw ExitStatus.dataError.exitCode
                }
            }
        }
        if all { runs.sort { ($0.3.adjustedSequenceRatio ?? -1) > ($1.3.adjustedSequenceRatio ?? -1) } }
        Console.out(format == .json ? PSSARendering.json(runs.map { ($0.0, $0.3) }, all: all) + "\n" : PSSARendering.text(runs.map { ($0.0, $0.3) }, all: all))
    }
}
