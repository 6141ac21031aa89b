/// A prescribing cascade: an index drug, its adverse effect, and the marker drug used to treat it.
public struct CascadePattern: Sendable, Hashable {
    /// The drugs and classes that start the cascade.
    public let index: DrugSet
    /// The adverse effect that links index and marker.
    public let adverseEffect: String
    /// The drugs and classes prescribed for the adverse effect.
    public let marker: DrugSet
    /// Orders with any of these indications also count as markers.
    public let markerIndications: [String]
    /// The typical window from index start to marker start, in days.
    public let windowDays: Int
}
