/// Resolves clinical drug names and RxCUIs to formulary drugs with strengths (see
/// ``ScreeningRequest/resolvingClinicalDrugs(formulary:rxnorm:)``).
enum ClinicalDrugResolver {
    /// Counter-ion and hydrate words RxNorm writes after a precise ingredient
    /// ("oxycodone hydrochloride", "quinine sulfate"), dropped when the full name is not known.
    static let saltWords: Set<String> = ["hydrochloride", "hcl", "dihydrochloride", "hydrobromide", "sulfate", "sulphate",
                                         "bisulfate", "gluconate", "maleate", "mesylate", "besylate", "tartrate",
                                         "bitartrate", "succinate", "fumarate", "monohydrate", "dihydrate", "anhydrous"]

    /// The formulary drug an ingredient name means: the name, else the name without trailing salt words.
    static func drug(named text: String, in formulary: Formulary) -> Drug? {
        if let d = formulary.drug(named: text) { return d }
        var words = text.split(separator: " ")
        while words.count > 1, let last = words.last, saltWords.contains(last.lowercased()) {
            words.removeLast()
            if let d = formulary.drug(named: words.joined(separator: " ")) { return d }
        }
        return nil
    }

    /// Dose units that count tablets, and those that count capsules (UCUM annotations and words).
    static let tabletUnits: Set<String> = ["tablet", "tablets", "tab", "tabs", "{tbl}", "{tablet}", "{tablets}", "{tab}", "TAB"]
    static let capsuleUnits: Set<String> = ["capsule", "capsules", "cap", "caps", "{cap}", "{capsule}", "{capsules}", "CAP"]

    /// The dose of one component: a count of tablets or capsules, or a volume of a solution,
    /// times the strength; a mass given for a product of several ingredients cannot be shared out
    /// and is kept with a unit the checker reports as not understood.
    static func dose(_ given: Dose?, component c: ClinicalDrugComponent, form: String?, ingredients: Int) -> (dose: Dose?, note: String?) {
        guard let given else { return (nil, nil) }
        let form = (form ?? "").lowercased()
        if let s = c.strength, c.perUnit == nil {
            let tablets = tabletUnits.contains(given.unit) && form.contains("tablet")
            let capsules = capsuleUnits.contains(given.unit) && form.contains("capsule")
            if tablets || capsules {
                let d = Dose(value: given.value * s.value, unit: s.unit)
                return (d, "\(given) × \(s) = \(d)")
            }
        }
        if let s = c.strength, c.perUnit == "mL", given.unit == "mL" || given.unit == "ml" {
            let d = Dose(value: given.value * s.value, unit: s.unit)
            return (d, "\(given) × \(s)/mL = \(d)")
        }
        if ingredients > 1, given.quantity != nil {
            return (Dose(value: given.value, unit: "\(given.unit) of a \(ingredients)-ingredient product"),
                    "a dose in \(given.unit) cannot be shared out among \(ingredients) ingredients; give a count of units")
        }
        return (given, nil)
    }
}
