/// The route of administration.
public enum Route: String, Sendable, CaseIterable, Codable, BitSetMember {
    /// By mouth.
    case oral
    /// Intravenous.
    case iv
    /// Intramuscular.
    case im
    /// Subcutaneous.
    case sc
    /// Applied to the skin.
    case topical
    /// Into the peritoneal cavity (for example in peritoneal dialysis fluid).
    case intraperitoneal
    /// Added to the dialysate.
    case dialysate

    /// Accepts the canonical names and common abbreviations (`po`, `IV`, `subcut`).
    public init?(lenient text: String) {
        let t = text.lowercased()
        switch t {
        case "po", "by mouth", "orally", "per os": self = .oral
        case "intravenous", "intravenously": self = .iv
        case "intramuscular": self = .im
        case "subcut", "subcutaneous", "sq", "s.c.": self = .sc
        case "ip": self = .intraperitoneal
        default:
            guard let r = Route(rawValue: t) else { return nil }
            self = r
        }
    }

}
