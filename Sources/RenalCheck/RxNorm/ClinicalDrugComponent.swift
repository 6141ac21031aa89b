/// One ingredient of a clinical drug name, with its strength as RxNorm writes it.
public struct ClinicalDrugComponent: Sendable, Hashable {
    /// The ingredient as written ("oxycodone hydrochloride", or a brand name for a branded synonym).
    public var ingredient: String
    /// The strength: the amount in one unit of the dose form (one tablet), or per `perUnit`.
    public var strength: Dose?
    /// For a concentration ("5 MG/ML"): the unit the strength is per (`mL`); nil for a solid form.
    public var perUnit: String?

    /// Creates a component.
    public init(ingredient: String, strength: Dose?, perUnit: String? = nil) {
        self.ingredient = ingredient
        self.strength = strength
        self.perUnit = perUnit
    }
}
