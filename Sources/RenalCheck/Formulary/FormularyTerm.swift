/// An entry of a vocabulary file: a class, condition, indication or ingredient.
public struct FormularyTerm: Sendable, Hashable {
    /// The id rules and requests use.
    public let id: String
    /// Display name.
    public let name: String
    /// SNOMED CT codes (conditions), when known.
    public let snomed: [String]
    /// For indications: the condition it names, if any. For ingredients: the unit.
    public let link: String?
}
