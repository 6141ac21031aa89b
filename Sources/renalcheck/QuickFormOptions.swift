import ArgumentParser
import RenalCheck

/// The quick form: a patient and orders on the command line, no JSON to write.
struct QuickFormOptions: ParsableArguments {
    @Option(help: "none, hemodialysis, peritoneal or crrt.")
    var dialysis: DialysisModality?
    @Option(parsing: .unconditional, help: "Haemodialysis sessions a week (default 3).")
    var sessions: Double?
    @Option(parsing: .unconditional, help: "Weight in kg.")
    var weight: Double?
    @Option(parsing: .unconditional, help: "Age in years.")
    var age: Double?
    @Option(parsing: .unconditional, help: "eGFR, mL/min/1.73 m².")
    var egfr: Double?
    @Option(parsing: .unconditional, help: "Creatinine clearance, mL/min.")
    var crcl: Double?
    @Option(help: "none, mild, moderate, severe or unknown (absent: no hepatic impairment).")
    var hepatic: HepaticOption?
    @Option(name: .customLong("condition"), help: "A condition id (repeatable).")
    var conditions: [String] = []
    @Option(name: .customLong("condition-unknown"), help: "A condition id whose presence is not known (repeatable).")
    var conditionsUnknown: [String] = []
    @Option(name: .customLong("lab"), help: "A lab result: 'magnesium 1.4 mg/dL' (repeatable; taken as current).")
    var labs: [String] = []
    @Option(name: .customLong("current"), help: "A current medication as a sig (repeatable).")
    var current: [String] = []
    @Option(name: .customLong("order"), help: "A proposed order as a sig (repeatable).")
    var orders: [String] = []
    @Option(name: .customLong("as-of"), help: "Screen as of this ISO 8601 date-time (default: now).")
    var asOf: String?

    /// Every number is finite and within the range ``RequestLimits`` documents (exit 64 otherwise).
    func validate() throws {
        let checks: [(String, Double?, ClosedRange<Double>, Bool)] = [
            ("--sessions", sessions, RequestLimits.sessionsPerWeek, false), ("--weight", weight, RequestLimits.weightKg, true),
            ("--age", age, RequestLimits.ageYears, false), ("--egfr", egfr, RequestLimits.kidneyFunction, false),
            ("--crcl", crcl, RequestLimits.kidneyFunction, false),
        ]
        for (name, value, range, exclusive) in checks {
            if let value, let why = RequestLimits.problem(value, in: range, exclusiveLow: exclusive) {
                throw ValidationError("\(name) \(why)")
            }
        }
    }

    var isEmpty: Bool {
        dialysis == nil && sessions == nil && weight == nil && age == nil && egfr == nil && crcl == nil && hepatic == nil
            && conditions.isEmpty && conditionsUnknown.isEmpty && labs.isEmpty && current.isEmpty && orders.isEmpty && asOf == nil
    }

    /// Builds the request; a sig or lab that cannot be read is a usage error (exit 64).
    func request(formulary: Formulary) throws -> ScreeningRequest {
        func sig(_ text: String, _ id: String?) throws -> MedicationEntry {
            do { return try Sig.parse(text, id: id) } catch {
                Console.error("renalcheck: \(error)")
                throw ExitStatus.usage.exitCode
            }
        }
        var patient = Patient(ageYears: age, weightKg: weight,
                              kidney: KidneyStatus(dialysis: dialysis, sessionsPerWeek: sessions, egfr: egfr, crcl: crcl),
                              hepatic: hepatic?.impairment, conditions: conditions,
                              hepaticUnknown: hepatic == .unknown, conditionsUnknown: conditionsUnknown)
        for c in conditions + conditionsUnknown where formulary.condition(id: c) == nil {
            Console.error("renalcheck: unknown condition '\(c)'; known: \(formulary.conditions.map(\.id).joined(separator: ", "))")
            throw ExitStatus.usage.exitCode
        }
        for text in labs {
            let parts = text.split(separator: " ").map(String.init)
            guard parts.count == 3, let value = Double(parts[1]), RequestLimits.labProblem(value) == nil,
                  let test = formulary.lab(named: parts[0]),
                  test.canonical(value, unit: parts[2]) != nil else {
                Console.error("renalcheck: cannot read lab '\(text)'; write it as 'TEST VALUE UNIT', e.g. 'magnesium 1.4 mg/dL'")
                throw ExitStatus.usage.exitCode
            }
            patient.labs.append(LabResult(test: test.id, value: value, unit: parts[2]))
        }
        var when: Instant?
        if let asOf {
            guard let t = Instant(iso: asOf) else {
                Console.error("renalcheck: --as-of '\(asOf)' is not an ISO 8601 date or date-time with a zone")
                throw ExitStatus.usage.exitCode
            }
            when = t
        }
        return ScreeningRequest(asOf: when, patient: patient,
                                medications: try current.map { try sig($0, nil) },
                                orders: try orders.enumerated().map { try sig($1, String($0 + 1)) })
    }
}

extension DialysisModality: ExpressibleByArgument {}
