internal import RenalCheckJSON

/// One patient's medication history, for cascade review.
public struct MedicationTimeline: Sendable {
    /// The patient.
    public var patient: Patient
    /// Every medication with its start (and optional stop) date.
    public var history: [MedicationEntry]

    /// Most history entries a timeline may give (a cascade review compares every pair).
    public static let maxEntries = 1_000

    /// Creates a timeline.
    public init(patient: Patient, history: [MedicationEntry]) {
        self.patient = patient
        self.history = history
    }

    /// Decodes `{ "patient": …, "history": [ { "drug", "start", "stop"?, "dose"? } ] }`, or a
    /// screening request (its `medications` and `orders`, with `start` dates).
    ///
    /// - Throws: ``RequestError/invalid(problems:)`` with file, line, column and JSON path.
    public static func decode(json bytes: [UInt8], source: String = "timeline", formulary: Formulary) throws(RequestError) -> MedicationTimeline {
        try InputDocument.decode(bytes, source: source, what: "timeline") { root, reader -> MedicationTimeline? in
            let decoder = RequestDecoder(reader: reader, formulary: formulary)
            guard root.member("history") != nil || root.member("orders") == nil else {
                return decoder.request(root).map { MedicationTimeline(patient: $0.patient, history: $0.medications + $0.orders) }
            }
            guard let f = reader.object(root, allowed: ["patient", "history"]) else { return nil }
            let patient = f.object("patient", required: true) { decoder.patient($0) }
            if let node = f.member("history"), node.count > maxEntries {
                reader.report("\(node.count) history entries; the limit is \(maxEntries)", key: "history", code: .tooLarge)
                return nil
            }
            let history = f.array("history", required: true) { decoder.entry($0) }
            for (i, e) in (history ?? []).enumerated() where e.start == nil {
                reader.at("history") { reader.at(i) { reader.report("every history entry needs a 'start' date", key: "start", code: .missingField) } }
            }
            guard let patient, let history else { return nil }
            return MedicationTimeline(patient: patient, history: history)
        }
    }
}
