internal import RenalCheckJSON

extension FHIRRequestReader {
    /// `MedicationRequest`: a proposed order or a current medication, depending on `role` and status.
    func medicationRequest(_ f: JSONFields, role: FHIRMedicationRole, fullUrl: String?) {
        let status = text(f, "status")
        var isOrder: Bool
        switch role {
        case .order: isOrder = true
        case .byStatus:
            if status == "draft" { isOrder = true } else if status == "active" || status == "on-hold" { isOrder = false } else { return }
        case .current:
            guard status == "active" || status == "on-hold" else { return }
            isOrder = false
        }
        let resourceID = text(f, "id")
        let id = resourceID ?? fullUrl
        if isOrder, let selections, !selections.isEmpty {
            let refs = [resourceID.map { "MedicationRequest/\($0)" }, fullUrl].compactMap { $0 }
            // order-select: orders not selected in this call are context (screened as current medications).
            if !refs.contains(where: selections.contains) { isOrder = false }
        }
        var entry = MedicationEntry(id: id, drug: drug(f))
        if case .name = entry.drug { entry.rxcui = codedRxCUI(f) }
        doseFromText = nil
        frequencyFromText = nil
        dosage(f, into: &entry)
        if entry.start == nil { entry.start = day(f, "authoredOn") }
        if let id {
            // The same order can arrive in draftOrders and in a prefetch search: keep the first.
            // Two different resources with one id are an error, never a silent drop.
            if let seen = entriesByKey[id] {
                if seen != entry { reader.report("another MedicationRequest in this request has the same id", key: "id", code: .inconsistent) }
                return
            }
            entriesByKey[id] = entry
            if isOrder { orderKeys.insert(id) } else { medicationKeys.insert(id) }
        }
        let path = isOrder ? "orders[\(orders.count)]" : "medications[\(medications.count)]"
        provenance["\(path).drug"] = "\(currentResource) \(entry.drug)\(entry.rxcui.map { " (RxCUI \($0))" } ?? "")"
        if let t = doseFromText { provenance["\(path).dose"] = t }
        if let t = frequencyFromText { provenance["\(path).frequency"] = t }
        if isOrder { orders.append(entry) } else { medications.append(entry) }
    }

    /// The drug: a known RxCUI, then a known ATC code, then the concept's text or a coding's display
    /// (whole; then as an RxNorm normalised name, resolved with its strengths by the checker; then
    /// its leading words before the first number). Nothing known: the RxCUI (which a site's RxNorm
    /// map may resolve), else the text as given, so the order is unscreened. The coded RxCUI is
    /// kept on the entry (``MedicationEntry/rxcui``) for a site's RxNorm map.
    func drug(_ f: JSONFields) -> DrugReference {
        if let c = f.member("medicationCodeableConcept") {
            return reader.at("medicationCodeableConcept") { drug(concept: concept(c)) }
                ?? .name("medication without a code or text")
        }
        if let r = f.object("medicationReference", { g in text(g, "reference") }) {
            var node = medicationIndex[r]
            if node == nil, r.hasPrefix("#"), let contained = f.member("contained"), contained.kind == .array {
                for i in 0..<contained.count {
                    if let m = contained.element(i), m.member("id")?.string == String(r.dropFirst()) { node = m }
                }
            }
            if let node, let code = node.member("code") {
                return reader.at("medicationReference") { drug(concept: concept(code)) } ?? .name("\(r) (no code or text)")
            }
            return .name("\(r) (not in the request)")
        }
        reader.report("missing medicationCodeableConcept or medicationReference", code: .missingField)
        return .name("medication not given")
    }

    /// The first RxNorm code of the order's medication concept (or referenced Medication).
    func codedRxCUI(_ f: JSONFields) -> String? {
        var node = f.member("medicationCodeableConcept")
        if node == nil, let r = f.member("medicationReference")?.member("reference")?.string { node = medicationIndex[r]?.member("code") }
        guard let node, let codings = node.member("coding"), codings.kind == .array else { return nil }
        for i in 0..<codings.count {
            if let c = codings.element(i), c.member("system")?.string == FHIRTerminology.rxnorm, let code = c.member("code")?.string { return code }
        }
        return nil
    }

    func drug(concept c: (codings: [FHIRCoding], text: String?)) -> DrugReference? {
        let rxcuis = codes(c, system: FHIRTerminology.rxnorm)
        if let known = rxcuis.first(where: { formulary.drug(rxcui: $0) != nil }) { return .rxnorm(known) }
        for atc in codes(c, system: FHIRTerminology.atc) {
            if let d = formulary.drug(named: atc) { return .name(d.id) }
        }
        let names = ([c.text] + c.codings.map(\.display)).compactMap { $0 }.filter { !$0.isEmpty }
        for n in names where formulary.drug(named: n) != nil { return .name(n) }
        // An RxNorm normalised name keeps its strengths and every ingredient ("acetaminophen
        // 325 MG / oxycodone hydrochloride 5 MG Oral Tablet"); the checker resolves it.
        for n in names where ClinicalDrugName(n) != nil { return .name(n) }
        for n in names {
            let words = n.split(separator: " ").prefix { !$0.contains(where: \.isNumber) }
            for count in stride(from: words.count, through: 1, by: -1) {
                let candidate = words.prefix(count).joined(separator: " ")
                if formulary.drug(named: candidate) != nil { return .name(candidate) }
            }
        }
        if let name = names.first { return .name(name) }
        return rxcuis.first.map { .rxnorm($0) }
    }
}
