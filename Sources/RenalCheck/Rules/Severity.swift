/// How serious a finding is, from `contraindicated` (highest) to `info` (lowest).
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    /// Do not give.
    case contraindicated
    /// Avoid, or change the order, unless the benefit clearly outweighs a serious risk.
    case major
    /// Change or monitor.
    case moderate
    /// Minor: be aware.
    case minor
    /// For information.
    case info

    /// 4 for `contraindicated` down to 0 for `info`.
    public var rank: Int {
        switch self {
        case .contraindicated: 4
        case .major: 3
        case .moderate: 2
        case .minor: 1
        case .info: 0
        }
    }

    /// Orders by rank, so `.major > .moderate`.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
