/// A proposed order or a current medication.
///
/// Fields a screening needs but the checker does not understand (a route or unit it does not
/// know) are kept as written, so the order is reported as unscreened rather than dropped.
public struct MedicationEntry: Sendable, Hashable {
    /// The order id (orders without one are numbered "1", "2", … in request order).
    public var id: String?
    /// The drug.
    public var drug: DrugReference
    /// The RxNorm code the entry was coded with when its drug is given by name (FHIR input): a
    /// site's RxNorm map resolves it when the name is not understood.
    public var rxcui: String?
    /// The dose.
    public var dose: Dose?
    /// The route as written (`oral`, `iv`, `po` …).
    public var route: String?
    /// The frequency.
    public var frequency: Frequency?
    /// A frequency code that was given but not understood.
    public var unrecognizedFrequency: String?
    /// Timing relative to dialysis as written; nil means `any`.
    public var timing: String?
    /// Planned course length in days: more than 0 and at most ``RequestLimits/maxDurationDays``
    /// (a value outside that makes the entry unscreened).
    public var durationDays: Double?
    /// The indication id.
    public var indication: String?
    /// Start date.
    public var start: CalendarDay?
    /// Stop date (history entries).
    public var stop: CalendarDay?

    /// Creates an entry.
    public init(id: String? = nil, drug: DrugReference, dose: Dose? = nil, route: String? = nil,
                frequency: Frequency? = nil, unrecognizedFrequency: String? = nil, timing: String? = nil,
                durationDays: Double? = nil, indication: String? = nil, start: CalendarDay? = nil, stop: CalendarDay? = nil) {
        self.id = id
        self.drug = drug
        self.dose = dose
        self.route = route
        self.frequency = frequency
        self.unrecognizedFrequency = unrecognizedFrequency
        self.timing = timing
        self.durationDays = durationDays
        self.indication = indication
        self.start = start
        self.stop = stop
    }
}
