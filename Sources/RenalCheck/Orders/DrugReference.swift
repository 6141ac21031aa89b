/// How an order or medication names its drug.
public enum DrugReference: Sendable, Hashable, CustomStringConvertible {
    /// A formulary id, name, synonym or brand (case- and accent-insensitive).
    case name(String)
    /// An RxNorm RxCUI.
    case rxnorm(String)

    /// The name or `RxCUI 1292`.
    public var description: String {
        switch self {
        case .name(let n): n
        case .rxnorm(let c): "RxCUI \(c)"
        }
    }
}
