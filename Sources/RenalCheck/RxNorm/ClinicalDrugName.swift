/// A clinical drug named the way RxNorm normalises names (SCD, SBD, GPCK, BPCK):
/// `gabapentin 300 MG Oral Capsule`, `gabapentin 300 MG Oral Capsule [Neurontin]`,
/// `acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet`, `baclofen 5 MG/ML Oral
/// Solution`, `{30 (gabapentin 300 MG Oral Capsule) } Pack`, or a branded synonym such as
/// `Neurontin 300 MG Oral Capsule`.
///
/// Reference: RxNorm technical documentation, "Normalized names for clinical drugs" (Nelson et
/// al., JAMIA 2011): ingredient, strength and dose form, ingredients joined by ` / `, brand in
/// brackets, packs in braces.
public struct ClinicalDrugName: Sendable, Hashable {
    /// The ingredients with their strengths, in the order written.
    public var components: [ClinicalDrugComponent]
    /// The dose form ("Oral Capsule"), when written.
    public var doseForm: String?
    /// The brand in brackets, when written.
    public var brand: String?
    /// True for a pack (`{…} Pack`).
    public var isPack: Bool

    /// Parses a normalised name; nil when the text has no strength (a plain drug name).
    public init?(_ text: String) {
        var s = text.trimmingSpaces
        var brand: String?
        if s.hasSuffix("]"), let open = s.lastIndex(of: "[") {
            brand = String(s[s.index(after: open)..<s.index(before: s.endIndex)]).trimmingSpaces
            s = String(s[..<open]).trimmingSpaces
        }
        if s.hasPrefix("{") {
            // A pack: the products are in parentheses inside the braces.
            var products: [String] = []
            var depth = 0, start: String.Index?
            for i in s.indices {
                if s[i] == "(" { if depth == 0 { start = s.index(after: i) }; depth += 1 }
                if s[i] == ")" { depth -= 1; if depth == 0, let b = start { products.append(String(s[b..<i])) } }
            }
            let parsed = products.compactMap { ClinicalDrugName($0) }
            guard !parsed.isEmpty, parsed.count == products.count else { return nil }
            let distinct = Set(parsed.map(\.components))
            components = distinct.count == 1 ? parsed[0].components
                : parsed.flatMap { $0.components.map { ClinicalDrugComponent(ingredient: $0.ingredient, strength: nil) } }
            doseForm = distinct.count == 1 ? parsed[0].doseForm : nil
            self.brand = brand
            isPack = true
            return
        }
        let parts = s.splitting(on: " / ")
        var components: [ClinicalDrugComponent] = []
        var doseForm: String?
        for (n, part) in parts.enumerated() {
            var words = part.split(separator: " ").map(String.init)
            // A leading quantity factor ("24 HR", "5 ML") is not part of the ingredient.
            if n == 0, words.count > 2, Double(words[0]) != nil, Self.unit(words[1]) != nil || words[1] == "HR" {
                words.removeFirst(2)
            }
            guard let i = words.indices.first(where: { $0 > 0 && Double(words[$0]) != nil && $0 + 1 < words.count && Self.unit(words[$0 + 1]) != nil }),
                  let value = Double(words[i]), let (unit, per) = Self.unit(words[i + 1]) else { return nil }
            components.append(ClinicalDrugComponent(ingredient: words[..<i].joined(separator: " "),
                                                    strength: Dose(value: value, unit: unit), perUnit: per))
            let rest = words[(i + 2)...]
            if n == parts.count - 1, !rest.isEmpty { doseForm = rest.joined(separator: " ") }
            else if n < parts.count - 1, !rest.isEmpty { return nil }
        }
        guard !components.isEmpty else { return nil }
        self.components = components
        self.doseForm = doseForm
        self.brand = brand
        isPack = false
    }

    /// RxNorm strength units as the checker spells dose units, and the unit a concentration is per.
    static func unit(_ word: String) -> (unit: String, per: String?)? {
        let parts = word.split(separator: "/", maxSplits: 1).map(String.init)
        let base: String? = switch parts[0] {
        case "MG": "mg"
        case "MCG": "mcg"
        case "G": "g"
        case "MEQ": "mEq"
        case "MMOL": "mmol"
        case "UNT": "units"
        case "ML": "mL"
        default: nil
        }
        guard let base else { return nil }
        if parts.count == 1 { return (base, nil) }
        return switch parts[1] {
        case "ML": (base, "mL")
        case "ACTUAT": (base, "actuation")
        case "HR": (base, "hour")
        default: nil
        }
    }
}
