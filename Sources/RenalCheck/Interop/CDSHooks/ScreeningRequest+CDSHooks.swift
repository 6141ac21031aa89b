internal import RenalCheckJSON

extension ScreeningRequest {
    /// Decodes a screening request from a CDS Hooks 2.0 `order-select` or `order-sign` request.
    ///
    /// Every `MedicationRequest` in `context.draftOrders` is a proposed order, whatever its status
    /// (order-sign may re-sign orders that are no longer `draft`); a draftOrders Bundle without
    /// `type` is accepted, as the specification's own examples omit it. For `order-select`, draft
    /// orders not named in `context.selections` are screened as current medications, so their
    /// interactions with the selected orders are still found but they get no cards of their own.
    /// `prefetch` values (a resource, a Bundle, or null) supply the `Patient`, active
    /// `MedicationRequest`s, `Observation`s, `Condition`s and `Procedure`s, mapped as in
    /// ``decode(fhirBundle:source:formulary:)``. `context.patientId` is the patient id when no
    /// `Patient` resource is prefetched.
    ///
    /// - Parameters:
    ///   - bytes: the CDS Hooks request body as UTF-8 JSON.
    ///   - source: a name for the input in messages.
    ///   - formulary: the formulary that defines drugs, labs and conditions.
    /// - Returns: the request.
    /// - Throws: ``RequestError/invalid(problems:)`` when the body is not JSON, the hook is not
    ///   `order-select` or `order-sign`, `context` or `context.draftOrders` is missing or malformed,
    ///   or no proposed order is found.
    public static func decode(cdsHooks bytes: [UInt8], source: String = "request", formulary: Formulary) throws(RequestError) -> ScreeningRequest {
        try FHIRRequestReader.decode(bytes, source: source, formulary: formulary) { r, root in
            let reader = r.reader
            guard let f = reader.object(root), let hook = f.string("hook", required: true) else { return }
            guard hook == "order-select" || hook == "order-sign" else {
                reader.report("hook '\(hook)' is not supported; expected order-select or order-sign", key: "hook")
                return
            }
            _ = f.string("hookInstance", required: false)
            _ = f.object("context", required: true) { c -> Bool? in
                if let id = r.text(c, "patientId") { r.patientID = id }
                if hook == "order-select", let selections = c.strings("selections") { r.selections = Set(selections) }
                guard let draft = c.member("draftOrders", required: true) else { return nil }
                reader.at("draftOrders") { r.visit(draft, role: .order, fullUrl: nil) }
                return true
            }
            _ = f.object("prefetch") { p -> Bool? in
                p.node.forEachMember { key, value in
                    guard value.kind != .null else { return }
                    reader.at(key) { r.visit(value, role: .current, fullUrl: nil) }
                }
                return true
            }
        }
    }
}
