/// Classifies dispensing-record drug names as index or marker using the formulary.
///
/// A name is resolved like any order (id, name, synonym, brand, RxCUI, ATC); a name the
/// formulary does not know is `unknown` (counted and reported by the analysis, never dropped).
public struct FormularyPSSAClassifier: PSSADrugClassifier {
    private let formulary: Formulary
    private let index: DrugSet
    private let marker: DrugSet

    /// Creates a classifier for one index and one marker set.
    public init(formulary: Formulary, index: DrugSet, marker: DrugSet) {
        self.formulary = formulary
        self.index = index
        self.marker = marker
    }

    /// Creates a classifier from a class or drug id for each side.
    ///
    /// - Returns: nil when an id names neither a class nor a drug.
    public init?(formulary: Formulary, index: String, marker: String) {
        guard let i = formulary.drugSet(named: index), let m = formulary.drugSet(named: marker) else { return nil }
        self.init(formulary: formulary, index: i, marker: m)
    }

    /// The role of a dispensed drug name.
    public func role(ofDrugNamed name: String) -> PSSADrugRole {
        guard let d = formulary.index(ofDrugNamed: name) else { return .unknown }
        switch (index.contains(d), marker.contains(d)) {
        case (true, true): return .both
        case (true, false): return .index
        case (false, true): return .marker
        case (false, false): return .other
        }
    }
}

extension Formulary {
    /// The drugs of a class id, or the single drug with this name or code.
    public func drugSet(named text: String) -> DrugSet? {
        if let c = storage.classIndex[text] {
            return DrugSet(drugIDs: [], classIDs: [text], members: Set(storage.classMembers[c]))
        }
        guard let d = index(ofDrugNamed: text) else { return nil }
        return DrugSet(drugIDs: [storage.drugs[Int(d)].id], classIDs: [], members: [d])
    }
}
