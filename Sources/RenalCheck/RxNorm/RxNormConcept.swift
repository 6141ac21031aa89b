/// One RxNorm concept of a site's RxNorm map: a clinical drug (SCD), a branded drug (SBD) or a
/// pack (GPCK, BPCK) whose ingredients include a formulary drug.
public struct RxNormConcept: Sendable, Hashable {
    /// The RxCUI.
    public var rxcui: String
    /// The term type: `SCD`, `SBD`, `GPCK` or `BPCK`.
    public var tty: String
    /// The normalised name to screen by: for a branded drug, its clinical drug's name with the
    /// brand in brackets ("gabapentin 300 MG Oral Capsule [Neurontin]").
    public var name: String
    /// The ingredient RxCUIs (TTY IN) RxNorm relates the concept to.
    public var ingredients: [String]

    /// Creates a concept.
    public init(rxcui: String, tty: String, name: String, ingredients: [String]) {
        self.rxcui = rxcui
        self.tty = tty
        self.name = name
        self.ingredients = ingredients
    }
}
