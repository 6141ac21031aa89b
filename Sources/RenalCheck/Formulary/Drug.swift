/// A drug or product in the formulary.
public struct Drug: Sendable {
    /// An ingredient summed across products, and how much the product holds.
    public struct IngredientAmount: Sendable, Hashable {
        /// Index of the ingredient in ``Formulary/ingredients``.
        let ingredient: Int
        /// The ingredient id.
        public let ingredientID: String
        /// Milligrams of ingredient per milligram of product.
        public let mgPerMg: Double
    }

    /// Lower-case generic id (the file name).
    public let id: String
    /// Display name.
    public let name: String
    /// Synonyms.
    public let synonyms: [String]
    /// Brand names.
    public let brands: [String]
    /// RxNorm ingredient RxCUIs (verified only).
    public let rxnorm: [String]
    /// ATC codes.
    public let atc: [String]
    /// Class ids.
    public let classIDs: [String]
    /// The unit the drug is dosed in.
    public let doseUnit: BaseUnit
    /// Factor converting one of each convertible base unit to `doseUnit`.
    let toDoseUnit: [BaseUnit: Double]
    /// Summed ingredients.
    public let ingredients: [IngredientAmount]
    /// The renal profile.
    public let renal: RenalProfile?

    /// True when the drug has a reviewed renal statement: a summary and at least one source.
    ///
    /// Orders of a drug without one are reported unscreened: the formulary has not said how the
    /// drug behaves in kidney failure, so an absence of findings would mean nothing.
    public var renalReviewed: Bool {
        guard let renal else { return false }
        return !renal.summary.allSatisfy(\.isWhitespace) && !renal.sourceIDs.isEmpty
    }
    /// Safer options, as free text.
    public let alternatives: String?
    /// The file that defines it.
    public let file: String

    /// Converts a quantity to this drug's dose unit, or nil when no conversion is declared.
    public func inDoseUnit(_ q: Quantity) -> Double? {
        if q.unit == doseUnit { return q.value }
        // A factor that is not a positive finite number could turn any dose into 0: no conversion.
        guard let f = toDoseUnit[q.unit], f > 0, f.isFinite else { return nil }
        return q.value * f
    }

    /// Converts an amount in this drug's dose unit to `unit`, or nil when no conversion is declared.
    public func fromDoseUnit(_ value: Double, to unit: BaseUnit) -> Double? {
        if unit == doseUnit { return value }
        guard let f = toDoseUnit[unit], f > 0, f.isFinite else { return nil }
        return value / f
    }
}
