/// The patient and row counts of one prescription sequence symmetry analysis.
///
/// Every patient who used both drugs within the study period lands in exactly one of
/// `notIncident`, `ties`, `outsideWindow`, `inBlackout`, `noContinuedExposure`, `indexFirst`
/// or `markerFirst`, checked in that order.
public struct PSSACounts: Sendable, Hashable {
    /// Lines that held data (header and blank lines excluded).
    public var dataRows = 0
    /// Well-formed rows.
    public var validRows = 0
    /// Rows that could not be read (wrong field count, empty id or drug, bad date or supply).
    public var malformedRows = 0
    /// Well-formed rows whose drug the classifier did not know.
    public var unknownDrugRows = 0
    /// Distinct patients with at least one well-formed row.
    public var patients = 0
    /// Patients whose first index dispensing falls in [start + washout, end].
    public var incidentIndexUsers = 0
    /// Patients whose first marker dispensing falls in [start + washout, end].
    public var incidentMarkerUsers = 0
    /// Patients whose first index dispensing falls before start + washout.
    public var prevalentIndexUsers = 0
    /// Patients whose first marker dispensing falls before start + washout.
    public var prevalentMarkerUsers = 0
    /// Patients who used both drugs by the study end, at least one of them prevalently.
    public var notIncident = 0
    /// Incident users of both whose initiations fall on the same day (excluded).
    public var ties = 0
    /// Incident users of both whose initiations are more than `window` days apart (excluded).
    public var outsideWindow = 0
    /// Incident users of both whose initiations are 1...blackout days apart (excluded).
    public var inBlackout = 0
    /// Cases dropped because the first drug had no dispensing in the continued-exposure interval.
    public var noContinuedExposure = 0
    /// Cases that started the index drug first.
    public var indexFirst = 0
    /// Cases that started the marker drug first.
    public var markerFirst = 0

    /// Creates an all-zero count set.
    public init() {}

    /// Incident users of both drugs (cases plus every exclusion after incidence).
    public var incidentUsersOfBoth: Int {
        ties + outsideWindow + inBlackout + noContinuedExposure + indexFirst + markerFirst
    }

    /// Cases: index-first plus marker-first.
    public var cases: Int { indexFirst + markerFirst }
}
