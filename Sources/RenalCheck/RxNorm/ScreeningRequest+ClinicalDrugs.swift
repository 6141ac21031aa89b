extension ScreeningRequest {
    /// The request with clinical drugs resolved to formulary ingredients and strengths.
    ///
    /// Each order and medication whose drug the formulary does not know directly is read as an
    /// RxNorm normalised name (``ClinicalDrugName``) — written as its drug, or found for its RxCUI
    /// in `rxnorm` (a site's map of SCD, SBD, GPCK and BPCK codes). Each ingredient becomes its own
    /// entry (ids `ORDER#drug` when there are several), its dose taken from a count of units
    /// ("1 tablet", UCUM `{tbl}`) or a volume times the strength. An ingredient the formulary does
    /// not know is kept as written, so it is reported unscreened; nothing is dropped. Entries
    /// without an id get their position ("1", "med-1") first. ``Checker/screen(_:)`` calls this.
    ///
    /// - Parameters:
    ///   - formulary: the formulary that names the drugs.
    ///   - rxnorm: the site's RxNorm map, if any.
    /// - Returns: the request; ``provenance`` says what each resolved entry came from.
    public func resolvingClinicalDrugs(formulary: Formulary, rxnorm: RxNormMap? = nil) -> ScreeningRequest {
        var r = self
        var provenance = self.provenance.filter { !$0.key.hasPrefix("orders[") && !$0.key.hasPrefix("medications[") }
        func expand(_ list: [MedicationEntry], path: String, defaultID: (Int) -> String) -> [MedicationEntry] {
            var out: [MedicationEntry] = []
            out.reserveCapacity(list.count)
            for (i, original) in list.enumerated() {
                // What the input reader recorded for entry i moves to each entry it becomes.
                let old = self.provenance.filter { $0.key.hasPrefix("\(path)[\(i)].") }
                func carry(to k: Int) {
                    for (key, value) in old { provenance["\(path)[\(k)]" + key.dropFirst("\(path)[\(i)]".count)] = value }
                }
                var e = original
                let id = e.id ?? defaultID(i)
                e.id = id
                var text: String?, via: String
                switch e.drug {
                case .rxnorm(let code):
                    guard formulary.drug(rxcui: code) == nil, let c = rxnorm?.concept(rxcui: code) else { carry(to: out.count); out.append(e); continue }
                    text = c.name
                    via = "RxCUI \(code) (\(c.tty)) in the RxNorm map: \(c.name)"
                case .name(let n):
                    guard formulary.drug(named: n) == nil else { carry(to: out.count); out.append(e); continue }
                    if ClinicalDrugName(n) == nil, let code = e.rxcui, let c = rxnorm?.concept(rxcui: code) {
                        text = c.name
                        via = "RxCUI \(code) (\(c.tty)) in the RxNorm map: \(c.name)"
                    } else {
                        text = n
                        via = "the clinical drug name \(n)"
                    }
                }
                guard let text, let name = ClinicalDrugName(text) else { carry(to: out.count); out.append(e); continue }
                let several = name.components.count > 1
                for c in name.components {
                    var x = e
                    let drug = ClinicalDrugResolver.drug(named: c.ingredient, in: formulary)
                    let drugName = drug?.id ?? c.ingredient
                    x.drug = .name(drugName)
                    x.id = several ? "\(id)#\(drugName)" : id
                    let (dose, note) = ClinicalDrugResolver.dose(e.dose, component: c, form: name.doseForm, ingredients: name.components.count)
                    x.dose = dose
                    let k = "\(path)[\(out.count)]"
                    carry(to: out.count)
                    let strength = c.strength.map { " \($0)\(c.perUnit.map { "/\($0)" } ?? "")" } ?? ""
                    let before = old["\(path)[\(i)].drug"].map { $0 + "; " } ?? ""
                    provenance["\(k).drug"] = before + "\(drug.map { $0.id } ?? "not in the formulary: \(c.ingredient)")\(strength) from \(via)"
                    if let note { provenance["\(k).dose"] = (old["\(path)[\(i)].dose"].map { $0 + "; " } ?? "") + note }
                    out.append(x)
                }
            }
            return out
        }
        r.orders = expand(orders, path: "orders") { String($0 + 1) }
        r.medications = expand(medications, path: "medications") { "med-\($0 + 1)" }
        r.provenance = provenance
        return r
    }
}
