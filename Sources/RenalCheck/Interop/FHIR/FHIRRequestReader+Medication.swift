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
        var entries = drugs(f).map { MedicationEntry(id: id, drug: $0) }
        for i in entries.indices {
            dosage(f, into: &entries[i])
            if entries[i].start == nil { entries[i].start = day(f, "authoredOn") }
        }
        if let id, let first = entries.first {
            // The same order can arrive in draftOrders and in a prefetch search: keep the first.
            // Two different resources with one id are an error, never a silent drop.
            if let seen = entriesByKey[id] {
                if seen != first { reader.report("another MedicationRequest in this request has the same id", key: "id", code: .inconsistent) }
                return
            }
            entriesByKey[id] = first
            if isOrder { orderKeys.insert(id) } else { medicationKeys.insert(id) }
        }
        if isOrder { orders += entries } else { medications += entries }
    }

    /// The drug: a known RxCUI, then a known ATC code, then the concept's text or a coding's display
    /// (whole, then its leading words before the first number: "Gabapentin 300 MG Oral Capsule" →
    /// "Gabapentin"). Nothing known: the text (or else the RxCUI) as given, so the order is unscreened.
    func drugs(_ f: JSONFields) -> [DrugReference] {
        if let c = f.member("medicationCodeableConcept") {
            return reader.at("medicationCodeableConcept") { drugs(concept: concept(c)) }
                ?? [.name("medication without a code or text")]
        }
        if let r = f.object("medicationReference", { g in text(g, "reference") }) {
            var node = medicationIndex[r]
            if node == nil, r.hasPrefix("#"), let contained = f.member("contained"), contained.kind == .array {
                for i in 0..<contained.count {
                    if let m = contained.element(i), m.member("id")?.string == String(r.dropFirst()) { node = m }
                }
            }
            if let node, let code = node.member("code") {
                return reader.at("medicationReference") { drugs(concept: concept(code)) } ?? [.name("\(r) (no code or text)")]
            }
            return [.name("\(r) (not in the request)")]
        }
        reader.report("missing medicationCodeableConcept or medicationReference", code: .missingField)
        return [.name("medication not given")]
    }

    /// Every drug a concept names. A multi-ingredient name the formulary does not know as a whole
    /// ("hydrochlorothiazide 25 MG / spironolactone 25 MG Oral Tablet") gives one drug per
    /// ingredient, each screened as its own entry with the order's id, so no ingredient passes
    /// silently; an ingredient not understood is kept as written and its entry is unscreened.
    func drugs(concept c: (codings: [FHIRCoding], text: String?)) -> [DrugReference]? {
        guard let whole = drug(concept: c) else { return nil }
        if case .name(let n) = whole, formulary.drug(named: n) != nil {
            let names = ([c.text] + c.codings.map(\.display)).compactMap { $0 }
            guard let combined = names.first(where: Self.isMultiIngredient), formulary.drug(named: combined) == nil else { return [whole] }
            return ingredientDrugs(combined)
        }
        if case .name(let n) = whole, Self.isMultiIngredient(n) { return ingredientDrugs(n) }
        return [whole]
    }

    /// True for an RxNorm-style multi-ingredient name: ingredients joined by " / " (a concentration
    /// such as "10 MG/ML" has no spaces around its slash).
    static func isMultiIngredient(_ name: String) -> Bool { name.contains(" / ") }

    /// One drug per " / "-separated ingredient: its leading words before a number, the longest
    /// prefix the formulary knows, else the ingredient as written.
    private func ingredientDrugs(_ name: String) -> [DrugReference] {
        name.split(separator: " / ").map { part -> DrugReference in
            let words = part.split(separator: " ").prefix { !$0.contains(where: \.isNumber) }
            for count in stride(from: words.count, through: 1, by: -1) {
                let candidate = words.prefix(count).joined(separator: " ")
                if formulary.drug(named: candidate) != nil { return .name(candidate) }
            }
            let written = part.split(separator: " ").joined(separator: " ")
            return .name(words.isEmpty ? written : words.joined(separator: " "))
        }.filter { if case .name(let n) = $0 { return !n.isEmpty } else { return true } }
    }

    func drug(concept c: (codings: [FHIRCoding], text: String?)) -> DrugReference? {
        let rxcuis = codes(c, system: FHIRTerminology.rxnorm)
        if let known = rxcuis.first(where: { formulary.drug(rxcui: $0) != nil }) { return .rxnorm(known) }
        for atc in codes(c, system: FHIRTerminology.atc) {
            if let d = formulary.drug(named: atc) { return .name(d.id) }
        }
        let names = ([c.text] + c.codings.map(\.display)).compactMap { $0 }.filter { !$0.isEmpty }
        for n in names where formulary.drug(named: n) != nil { return .name(n) }
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
