/// A unit a dose or limit can be written in, reduced to a base unit and a factor.
///
/// Mass units reduce to milligrams (`g` = 1000 mg, `mcg`/`µg` = 0.001 mg); weight-based units
/// reduce to mg/kg. Anything else converts only through a drug's declared conversions.
public enum BaseUnit: String, Sendable, CaseIterable, Hashable, Codable {
    /// Milligrams.
    case mg
    /// International units.
    case iu = "IU"
    /// Milliequivalents.
    case mEq
    /// Millimoles.
    case mmol
    /// Millilitres.
    case mL
    /// Milligrams per kilogram of body weight.
    case mgPerKg = "mg/kg"

    /// Parses a unit spelling into its base unit and the factor to it.
    ///
    /// - Parameter text: `mg`, `g`, `mcg`, `µg`, `ug`, `IU`, `units`, `mEq`, `mmol`, `mL`, `ml`, `L`,
    ///   `mg/kg`, `g/kg`, `mcg/kg`.
    /// - Returns: the base unit and the multiplier, or nil for a unit RenalCheck does not know.
    public static func parse(_ text: String) -> (unit: BaseUnit, factor: Double)? {
        switch text {
        case "mg": (.mg, 1)
        case "g", "gram", "grams": (.mg, 1000)
        case "mcg", "µg", "μg", "ug": (.mg, 0.001)
        case "IU", "iu", "unit", "units": (.iu, 1)
        case "mEq", "meq": (.mEq, 1)
        case "mmol": (.mmol, 1)
        case "mL", "ml": (.mL, 1)
        case "L": (.mL, 1000)
        case "mg/kg": (.mgPerKg, 1)
        case "g/kg": (.mgPerKg, 1000)
        case "mcg/kg", "µg/kg", "ug/kg": (.mgPerKg, 0.001)
        default: nil
        }
    }
}
