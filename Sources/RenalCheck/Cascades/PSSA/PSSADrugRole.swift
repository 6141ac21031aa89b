/// What a drug named in a dispensing record is to one PSSA analysis.
///
/// The engine asks a ``PSSADrugClassifier`` once per distinct drug string and caches the answer.
public enum PSSADrugRole: Sendable, Hashable {
    /// The drug belongs to the index class (the suspected cause).
    case index
    /// The drug belongs to the marker class (the suspected treatment of the adverse effect).
    case marker
    /// The drug belongs to both classes; each dispensing counts as both.
    case both
    /// A known drug that is neither index nor marker; the row is read and ignored.
    case other
    /// A name the formulary does not know; the row is counted and the name reported.
    case unknown

    /// Whether a dispensing of this drug is a dispensing of the index class.
    var isIndex: Bool { self == .index || self == .both }

    /// Whether a dispensing of this drug is a dispensing of the marker class.
    var isMarker: Bool { self == .marker || self == .both }
}
