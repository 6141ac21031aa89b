/// A finding's case specifics, kept as parts and formatted only when ``Finding/note`` is read.
///
/// Screens that are not rendered pay for no string work; rendering produces exactly the text the
/// checker used to build eagerly.
enum FindingNote: Sendable {
    /// No note.
    case none
    /// Text already formatted.
    case text(String)
    /// "A (order 1) with B (current), C (order 2)."
    case interaction(Formulary.Storage, order: ResolvedEntry, partners: [ResolvedEntry])
    /// "current X (started D, N days ago), … may cause E; Y (order 1) may be treating it."
    case cascade(Formulary.Storage, index: [ResolvedEntry], order: ResolvedEntry, today: CalendarDay, adverseEffect: String)
    /// "Daily g: total (a from X + …)." plus the entries not counted.
    case cumulative(Formulary.Storage, ingredient: Int, total: Double, parts: [(amount: Double, entry: ResolvedEntry)],
                    skipped: [ResolvedEntry])

    /// The formatted text, nil for `.none`.
    var text: String? {
        switch self {
        case .none:
            return nil
        case .text(let s):
            return s
        case .interaction(let storage, let order, let partners):
            var note = Self.label(order, storage)
            note += " with "
            for (k, p) in partners.enumerated() {
                if k > 0 { note += ", " }
                note += Self.label(p, storage)
            }
            note += "."
            return note
        case .cascade(let storage, let index, let order, let today, let effect):
            var note = ""
            for (k, m) in index.enumerated() {
                if k > 0 { note += ", " }
                note += "current "
                note += Self.drugID(m, storage)
                if let s = m.entry.start { note += " (started \(s), \(today - s) days ago)" }
            }
            note += " may cause \(effect); \(Self.drugID(order, storage)) (order \(order.id)) may be treating it."
            return note
        case .cumulative(let storage, let g, let total, let parts, let skipped):
            let partsText = parts.map { "\(Self.ingredientAmount(g, $0.amount, storage)) from \(Self.label($0.entry, storage))" }
            var note = "Daily \(storage.ingredients[g].name.lowercased()): \(Self.ingredientAmount(g, total, storage)) (\(partsText.joined(separator: " + ")))."
            if !skipped.isEmpty { note += " Not counted (no usable dose or frequency): \(skipped.map { Self.label($0, storage) }.joined(separator: ", "))." }
            return note
        }
    }

    static func drugID(_ e: ResolvedEntry, _ storage: Formulary.Storage) -> String {
        e.drug.map { storage.drugs[Int($0)].id } ?? e.name
    }

    static func label(_ e: ResolvedEntry, _ storage: Formulary.Storage) -> String {
        let name = drugID(e, storage)
        return e.isOrder ? "\(name) (order \(e.id))" : "\(name) (current)"
    }

    static func ingredientAmount(_ g: Int, _ mg: Double, _ storage: Formulary.Storage) -> String {
        let unit = storage.ingredients[g].link ?? "mg"
        let factor = BaseUnit.parse(unit)?.factor ?? 1
        return "\(Quantity.format(mg / factor)) \(unit)"
    }
}
