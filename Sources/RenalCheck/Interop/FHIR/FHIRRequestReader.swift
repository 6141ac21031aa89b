internal import RenalCheckJSON

/// Walks FHIR R4 resources (Bundles, nested Bundles, single resources) and gathers what a
/// ``ScreeningRequest`` needs: the patient, orders, current medications, labs, kidney function,
/// dialysis and conditions.
///
/// Problems with the *shape* of the input (a resource that is not an object, a dose value that is
/// not a number, a date-time without a zone) are reported through `reader` and make decoding
/// fail. Content the checker does not know (an RxCUI or drug text not in the formulary, a unit, a
/// route, a frequency) is kept as written so the order is reported as unscreened, never dropped.
/// Nodes are borrowed from the document: a reader lives only inside one `withRoot` walk.
final class FHIRRequestReader {
    let reader: JSONReader
    let formulary: Formulary

    var asOf: Instant?
    var patientID: String?
    var birthDate: CalendarDay?
    var sex: String?
    var weightKg: Measurement?
    var egfr: Measurement?
    var crcl: Measurement?
    var modalities: Set<DialysisModality> = []
    /// Dialysis established by a code that does not name the modality.
    var dialysisUnspecified = false
    /// Where each mapped value came from (see ``ScreeningRequest/provenance``).
    var provenance: [String: String] = [:]
    /// The resource being read, as `Type/id`, for provenance.
    var currentResource = ""
    /// Where the current order's dose or frequency was read from text, for provenance.
    var doseFromText: String?
    var frequencyFromText: String?
    var conditions: [String] = []
    var labs: [LabResult] = []
    var orders: [MedicationEntry] = []
    var medications: [MedicationEntry] = []
    var orderKeys: Set<String> = []
    var medicationKeys: Set<String> = []
    /// CDS Hooks order-select `selections` ("MedicationRequest/103"); nil screens every draft order.
    var selections: Set<String>?
    /// `Medication` resources by `Medication/<id>` and by `fullUrl`, for `medicationReference`.
    var medicationIndex: [String: JSONNode] = [:]
    var resourceCount = 0

    /// A value with the time it was measured; the newest wins.
    struct Measurement {
        var value: Double
        var at: Instant?
    }

    /// Most resources accepted in one request, counting nested Bundles.
    static let maxResources = RequestLimits.maxOrders + RequestLimits.maxMedications + RequestLimits.maxLabs
        + RequestLimits.maxConditions + 100

    /// Deepest nesting of Bundles read; deeper input is an error.
    static let maxDepth = 8

    /// Entries read so far, by resource id: a second resource with the same id must be the same entry.
    var entriesByKey: [String: MedicationEntry] = [:]

    init(reader: JSONReader, formulary: Formulary) {
        self.reader = reader
        self.formulary = formulary
    }

    /// Parses `bytes`, runs `walk` on the root, and builds the request.
    static func decode(_ bytes: [UInt8], source: String, formulary: Formulary,
                       walk: (FHIRRequestReader, JSONNode) -> Void) throws(RequestError) -> ScreeningRequest {
        try InputDocument.decode(bytes, source: source, what: "request") { root, reader in
            let r = FHIRRequestReader(reader: reader, formulary: formulary)
            r.indexMedications(root, depth: 0)
            walk(r, root)
            r.medicationIndex = [:]
            return r.request()
        }
    }

    /// Visits a resource; a Bundle's entries are visited in order (nested Bundles too).
    func visit(_ node: JSONNode, role: FHIRMedicationRole, fullUrl: String?, depth: Int = 0) {
        resourceCount += 1
        if resourceCount == Self.maxResources + 1 {
            reader.report("more than \(Self.maxResources) resources", code: .tooLarge)
        }
        guard resourceCount <= Self.maxResources else { return }
        guard depth < Self.maxDepth else {
            // Never skipped in silence: orders inside would go unscreened without a word.
            reader.report("Bundles nested more than \(Self.maxDepth) deep", code: .tooLarge)
            return
        }
        guard let f = reader.object(node), let type = f.string("resourceType", required: true) else { return }
        currentResource = f.string("id", required: false).map { "\(type)/\($0)" } ?? fullUrl ?? type
        switch type {
        case "Bundle":
            _ = f.array("entry") { entry -> Bool? in
                guard let e = reader.object(entry) else { return nil }
                let url = e.string("fullUrl", required: false)
                if let resource = e.member("resource") {
                    reader.at("resource") { visit(resource, role: role, fullUrl: url, depth: depth + 1) }
                }
                return true
            }
        case "Patient": patient(f)
        case "MedicationRequest": medicationRequest(f, role: role, fullUrl: fullUrl)
        case "Observation": observation(f)
        case "Condition": condition(f, isProcedure: false)
        case "Procedure": condition(f, isProcedure: true)
        case "Encounter": encounter(f)
        default: break  // Medication (indexed), ServiceRequest …: nothing to screen
        }
    }

    /// Records every `Medication` resource, so `medicationReference` can be resolved in any order.
    func indexMedications(_ node: JSONNode, depth: Int, fullUrl: String? = nil) {
        guard depth < Self.maxDepth, node.kind == .object, let type = node.member("resourceType")?.string else { return }
        if type == "Medication" {
            if let id = node.member("id")?.string { medicationIndex["Medication/\(id)"] = node }
            if let fullUrl { medicationIndex[fullUrl] = node }
        }
        if type == "Bundle", let entries = node.member("entry"), entries.kind == .array {
            for i in 0..<entries.count {
                guard let e = entries.element(i), let r = e.member("resource") else { continue }
                indexMedications(r, depth: depth + 1, fullUrl: e.member("fullUrl")?.string)
            }
        }
        if let prefetch = node.member("prefetch"), prefetch.kind == .object {
            prefetch.forEachMember { _, value in indexMedications(value, depth: depth + 1) }
        }
        if let context = node.member("context"), let draft = context.member("draftOrders") {
            indexMedications(draft, depth: depth + 1)
        }
    }

    /// The request, or nil when there is nothing to screen (reported).
    func request() -> ScreeningRequest? {
        if orders.isEmpty {
            // Say so only when nothing else is wrong: a malformed input explains the missing orders.
            if reader.isClean {
                reader.report("no proposed order: give a MedicationRequest with status 'draft' (or one in CDS Hooks draftOrders)",
                              code: .missingField)
            }
            return nil
        }
        if orders.count > RequestLimits.maxOrders {
            reader.report("\(orders.count) orders; the limit is \(RequestLimits.maxOrders)", code: .tooLarge)
        }
        if medications.count > RequestLimits.maxMedications {
            reader.report("\(medications.count) current medications; the limit is \(RequestLimits.maxMedications)", code: .tooLarge)
        }
        if labs.count > RequestLimits.maxLabs {
            reader.report("\(labs.count) lab results; the limit is \(RequestLimits.maxLabs)", code: .tooLarge)
        }
        var age: Double?
        if let birthDate {
            let today = (asOf ?? Instant.now()).day
            let days = today - birthDate
            if days >= 0 { age = (Double(days) / 365.2425).rounded(.down) }
        }
        let modality: DialysisModality? = modalities.count == 1 ? modalities.first : nil
        // Two modalities at once (HD and PD records), or a code without one: on dialysis, modality not stated.
        let kidney = KidneyStatus(dialysis: modality, egfr: egfr?.value, crcl: crcl?.value,
                                  dialysisUnspecified: modality == nil && (dialysisUnspecified || !modalities.isEmpty))
        let patient = Patient(id: patientID, ageYears: age, weightKg: weightKg?.value, sex: sex, kidney: kidney,
                              conditions: conditions, labs: labs)
        var request = ScreeningRequest(asOf: asOf, patient: patient, medications: medications, orders: orders)
        request.provenance = provenance
        return request
    }
}
