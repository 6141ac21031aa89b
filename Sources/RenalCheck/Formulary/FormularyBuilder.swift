internal import RenalCheckJSON

/// Accumulates a formulary while its files are decoded, then freezes it into ``Formulary``.
///
/// Decoding runs in three passes so every reference can be checked: vocabularies and sources,
/// then drugs (names, classes, units), then rules (which name drugs, classes, labs, sources).
/// Every problem is collected; nothing stops at the first.
final class FormularyBuilder {
    var name = "", version = "", schemaVersion = 0
    var drugs: [Drug] = []
    var drugIndex: [String: Int32] = [:]
    var byExactName: [String: Int32] = [:]
    var byName: [String: Int32] = [:]
    var byRxCUI: [String: Int32] = [:]
    var byATC: [String: Int32] = [:]
    var drugClasses: [[Int]] = []
    var classes: [FormularyTerm] = [], classIndex: [String: Int] = [:], classMembers: [[Int32]] = []
    var sources: [Source] = [], sourceIndex: [String: Int] = [:]
    var conditions: [FormularyTerm] = [], conditionIndex: [String: Int] = [:]
    var indications: [FormularyTerm] = [], indicationIndex: [String: Int] = [:]
    var ingredients: [FormularyTerm] = [], ingredientIndex: [String: Int] = [:]
    var labs: [LabTest] = [], labIndex: [String: Int] = [:], labByLOINC: [String: Int] = [:]
    var dialysisCodes: [DialysisCode] = [], dialysisByKey: [String: Int] = [:]
    var rules: [Rule] = []
    var ruleIDs: Set<String> = []
    var rulesByDrug: [[Int32]] = []
    var interactionsByDrug: [[Int32]] = []
    var cascadesByDrug: [[Int32]] = []
    var cascadesByIndication: [String: [Int32]] = [:]
    var duplicateRules: [Int32] = []
    var cumulativeRules: [Int32] = []
    /// Names already claimed, with the drug that claimed them (for duplicate-name problems).
    var claimedNames: [String: String] = [:]
    var claimedCodes: [String: String] = [:]

    /// Problems not tied to a JSON document (missing files).
    var looseProblems: [InputProblem] = []

    /// Adds a rule and files it in the indexes.
    func add(_ rule: Rule, ownerDrug: Int32?, reader: JSONReader) {
        guard ruleIDs.insert(rule.id).inserted else {
            reader.report("rule id '\(rule.id)' is used twice", key: "id", code: .duplicateName)
            return
        }
        let index = Int32(rules.count)
        rules.append(rule)
        switch rule.body {
        case .interaction(let a, let b):
            for d in a.members.union(b.members) { interactionsByDrug[Int(d)].append(index) }
        case .duplicateClass, .duplicateSameDrug:
            duplicateRules.append(index)
        case .cumulative:
            cumulativeRules.append(index)
        case .cascade(let c):
            for d in c.marker.members.union(c.index.members) { cascadesByDrug[Int(d)].append(index) }
            for ind in c.markerIndications { cascadesByIndication[ind, default: []].append(index) }
        case .predicate, .doseLimit, .duration, .depletion:
            if let ownerDrug { rulesByDrug[Int(ownerDrug)].append(index) }
        }
    }

    /// Registers a name for a drug, reporting a clash with another drug.
    func claim(name: String, for drugID: String, index: Int32, reader: JSONReader) {
        let key = NameKey.make(name)
        guard !key.isEmpty else { reader.report("empty name", code: .invalidValue); return }
        if let owner = claimedNames[key], owner != drugID {
            reader.report("name '\(name)' is already used by drug '\(owner)'", code: .duplicateName)
            return
        }
        claimedNames[key] = drugID
        byName[key] = index
        byExactName[name] = index
    }

    /// Registers a code (RxCUI or ATC) for a drug, reporting a clash.
    func claim(code: String, system: String, for drugID: String, index: Int32, reader: JSONReader) {
        let key = system + ":" + code
        if let owner = claimedCodes[key], owner != drugID {
            reader.report("\(system) code '\(code)' is already used by drug '\(owner)'", code: .duplicateName)
            return
        }
        claimedCodes[key] = drugID
        if system == "rxnorm" { byRxCUI[code] = index } else { byATC[code.uppercased()] = index }
    }
}
