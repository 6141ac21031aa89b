extension Formulary {
    /// The shared, immutable indexed content behind a ``Formulary`` value.
    final class Storage: Sendable {
        let name: String
        let version: String
        let schemaVersion: Int
        let sha256: String
        let drugs: [Drug]
        let drugIndex: [String: Int32]
        let byExactName: [String: Int32]
        let byName: [String: Int32]
        let byRxCUI: [String: Int32]
        let byATC: [String: Int32]
        let drugClasses: [[Int]]
        let classes: [FormularyTerm]
        let classIndex: [String: Int]
        let classMembers: [[Int32]]
        let sources: [Source]
        let sourceIndex: [String: Int]
        let conditions: [FormularyTerm]
        let conditionIndex: [String: Int]
        /// SNOMED CT code → condition position (the first condition listing it).
        let conditionBySNOMED: [String: Int]
        let indications: [FormularyTerm]
        let indicationIndex: [String: Int]
        let ingredients: [FormularyTerm]
        let ingredientIndex: [String: Int]
        let labs: [LabTest]
        let labIndex: [String: Int]
        let labByLOINC: [String: Int]
        /// Codes that establish dialysis (`dialysis.json`), and their positions by lookup key.
        let dialysisCodes: [DialysisCode]
        let dialysisByKey: [String: Int]
        let rules: [Rule]
        /// Per drug: rules evaluated for one order of it (avoid, dose, timing, depletion …).
        let rulesByDrug: [[Int32]]
        /// Per drug: interaction rules with the drug on either side.
        let interactionsByDrug: [[Int32]]
        /// Per drug: cascade rules in which it is a marker or an index.
        let cascadesByDrug: [[Int32]]
        /// Cascade rules whose marker includes an indication.
        let cascadesByIndication: [String: [Int32]]
        /// Duplicate rules.
        let duplicateRules: [Int32]
        /// Cumulative rules.
        let cumulativeRules: [Int32]

        init(builder b: FormularyBuilder, sha256: String) {
            name = b.name; version = b.version; schemaVersion = b.schemaVersion; self.sha256 = sha256
            drugs = b.drugs; drugIndex = b.drugIndex; byExactName = b.byExactName; byName = b.byName
            byRxCUI = b.byRxCUI; byATC = b.byATC; drugClasses = b.drugClasses
            classes = b.classes; classIndex = b.classIndex; classMembers = b.classMembers
            sources = b.sources; sourceIndex = b.sourceIndex
            conditions = b.conditions; conditionIndex = b.conditionIndex
            var bySNOMED: [String: Int] = [:]
            for (i, c) in b.conditions.enumerated() { for code in c.snomed where bySNOMED[code] == nil { bySNOMED[code] = i } }
            conditionBySNOMED = bySNOMED
            indications = b.indications; indicationIndex = b.indicationIndex
            ingredients = b.ingredients; ingredientIndex = b.ingredientIndex
            labs = b.labs; labIndex = b.labIndex; labByLOINC = b.labByLOINC
            dialysisCodes = b.dialysisCodes; dialysisByKey = b.dialysisByKey
            rules = b.rules; rulesByDrug = b.rulesByDrug; interactionsByDrug = b.interactionsByDrug
            cascadesByDrug = b.cascadesByDrug; cascadesByIndication = b.cascadesByIndication
            duplicateRules = b.duplicateRules; cumulativeRules = b.cumulativeRules
        }
    }
}
