import ArgumentParser
import RenalCheck

extension Severity: ExpressibleByArgument {}
extension NDJSONScreener.ReportForm: ExpressibleByArgument {}

/// `renalcheck screen`
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen proposed orders for a patient.",
        discussion: """
        Give a screening request (JSON; '-' for stdin), or use the quick form:
          renalcheck screen --dialysis hemodialysis --weight 48 --egfr 7 \\
            --current "atorvastatin 40 mg daily" --order "baclofen 10 mg po tid"

        Sig: DRUG DOSE UNIT [ROUTE] [FREQUENCY] [TIMING] [for N days] [for INDICATION]
          route:     po oral iv im sc topical ip dialysate
          frequency: once daily bid tid qid q4h q6h q8h q12h q24h q48h qhs
                     weekly "twice weekly" "thrice weekly" "each dialysis"
                     "prn max N/day"
          timing:    "before dialysis" "during dialysis" "after dialysis"
                     "on non-dialysis days" (a dialysis timing with no
                     frequency means once each session)

        Exit: 0 every order screened and nothing at or above --fail-on;
              2 a finding at or above --fail-on; 3 an order not screened;
              64 usage; 65 bad input; 66 file not found;
              74 batch input or output failed.
        With --batch (NDJSON for data pipelines such as Spark's pipe): 0 when
              every input line got its output record, whatever it holds;
              66, 70 or 74 only when the run itself failed.
        """
    )

    @Argument(help: "A screening request JSON file, or '-' for stdin.")
    var request: String?

    @OptionGroup var options: FormularyOptions

    @Option(help: "text, json, fhir (a Bundle of DetectedIssue) or cds-hooks (a CDS Hooks response).")
    var format: ScreenOutputFormat = .text

    @Option(help: "json (a RenalCheck request), fhir (a FHIR R4 Bundle) or cds-hooks (an order-select/order-sign request).")
    var input: ScreenInputFormat = .json

    @Option(name: .customLong("fail-on"), help: "Exit 2 when a finding is at or above this severity.")
    var failOn: Severity = .major

    @Option(help: "A site's RxNorm map (from 'renalcheck rxnorm import') to resolve orders coded with SCD, SBD or pack RxCUIs.")
    var rxnorm: String?

    @Flag(name: .customLong("show-request"),
          help: "Print the request as the checker reads it (drugs resolved, canonical units, frequency, kidney and dialysis status, where each value came from) as JSON, and do not screen.")
    var showRequest = false

    @Flag(help: "Batch mode: one request per line in (the file, or stdin), one report or error record per line out, in order.")
    var ndjson = false

    @Flag(help: "Batch mode for data pipelines: as --ndjson, but findings, unscreened orders and error records are data, so the exit status is 0 whenever every line got its record.")
    var batch = false

    @Option(help: "Batch mode: screen on this many threads (output order is kept).")
    var jobs = 1

    @Option(help: "With --format json or batch mode: full (every text and citation) or compact (ids and numbers only; join texts from 'renalcheck formulary export').")
    var report: NDJSONScreener.ReportForm = .full

    @OptionGroup var quick: QuickFormOptions

    func validate() throws {
        if ndjson || batch {
            if !quick.isEmpty { throw ValidationError("--ndjson reads requests from a file or stdin, not from quick-form options") }
            if input != .json || format != .text && format != .json { throw ValidationError("--ndjson reads and writes the RenalCheck JSON shapes only") }
            if showRequest { throw ValidationError("--show-request takes one request, not --ndjson") }
            if !(1...64).contains(jobs) { throw ValidationError("--jobs must be between 1 and 64") }
            return
        }
        if request != nil && !quick.isEmpty {
            throw ValidationError("give a request file or the quick-form options, not both")
        }
        if input != .json && request == nil {
            throw ValidationError("--input \(input.rawValue) needs a request file ('-' for stdin)")
        }
        if request == nil && quick.orders.isEmpty {
            throw ValidationError("give a request file ('-' for stdin) or at least one --order")
        }
    }

    func run() throws {
        let formulary = try options.load()
        if (ndjson || batch), rxnorm != nil { throw ValidationError("--rxnorm is not available with --ndjson yet") }
        if ndjson || batch {
            return try BatchRun(formulary: formulary, path: request ?? "-", jobs: jobs, failOn: failOn, form: report,
                                recordsAreData: batch).run()
        }
        if report == .compact && format != .json { throw ValidationError("--report compact needs --format json (or batch mode)") }
        let req: ScreeningRequest
        if let path = request {
            guard let bytes = Console.read(path) else {
                Console.error("renalcheck: cannot read \(path)")
                throw ExitStatus.notFound.exitCode
            }
            let source = path == "-" ? "stdin" : path
            let input = self.input
            switch Result(catching: { () throws(RequestError) -> ScreeningRequest in
                switch input {
                case .json: try ScreeningRequest.decode(json: bytes, source: source, formulary: formulary)
                case .fhir: try ScreeningRequest.decode(fhirBundle: bytes, source: source, formulary: formulary)
                case .cdsHooks: try ScreeningRequest.decode(cdsHooks: bytes, source: source, formulary: formulary)
                }
            }) {
            case .success(let r): req = r
            case .failure(let e):
                Console.error(e.description)
                throw ExitStatus.dataError.exitCode
            }
        } else {
            req = try quick.request(formulary: formulary)
        }
        let map = try rxnorm.map(RxNormCommand.loadMap)
        if showRequest {
            Console.out(bytes: req.normalizedJSONBytes(formulary: formulary, rxnorm: map))
            return
        }
        let report = Checker(formulary: formulary, rxnorm: map).screen(req)
        switch format {
        case .json: Console.out(bytes: (self.report == .compact ? report.compactJSONBytes() : report.jsonBytes(indent: 2)) + [0x0A])
        case .text: Console.out(report.text(colour: Console.colour))
        case .fhir: Console.out(report.fhirBundle(formulary: formulary) + "\n")
        case .cdsHooks: Console.out(report.cdsHooksResponse(formulary: formulary) + "\n")
        }
        if let status = ExitStatus.screening(hazard: report.findings.contains { $0.severity >= failOn },
                                             unscreened: report.hasUnscreenedOrders) {
            throw status.exitCode
        }
    }
}
