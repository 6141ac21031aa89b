/// An order or current medication after its drug, unit, route, frequency and timing are read.
///
/// A class so that the per-screen lists (orders, medications, all, active, partners, groups)
/// share one instance per entry instead of copying its strings and the request entry.
final class ResolvedEntry: Sendable {
    /// Order id, or a label for a current medication.
    let id: String
    /// True for a proposed order.
    let isOrder: Bool
    /// The drug as named in the request.
    let name: String
    /// The formulary drug index, nil when unknown.
    let drug: Int32?
    /// The dose in a base unit, nil when absent or not understood.
    let quantity: Quantity?
    /// The route, nil when absent or not understood.
    let route: Route?
    /// The frequency.
    let frequency: Frequency?
    /// Timing relative to dialysis.
    let timing: DialysisTiming
    /// The entry's fields rules read (the whole `MedicationEntry` is not kept: fewer copies).
    let entry: Given

    /// What the screening reads of the entry as given.
    struct Given: Sendable {
        let start: CalendarDay?
        let stop: CalendarDay?
        let durationDays: Double?
        let indication: String?

        /// True for a course of more than 0 and at most ``RequestLimits/maxDurationDays`` days.
        static func validDuration(_ days: Double) -> Bool { days > 0 && days <= RequestLimits.maxDurationDays }
    }
    /// What was given but not understood.
    let problems: [String]

    init(_ e: __shared MedicationEntry, id: String, isOrder: Bool, formulary: Formulary) {
        self.id = id
        self.isOrder = isOrder
        var problems: [String] = []
        // A request built in Swift or read from FHIR may carry any Double: one outside the
        // documented range is a problem to report (the entry is unscreened); `span` treats it as
        // open-ended.
        if let d = e.durationDays, !Given.validDuration(d) {
            problems.append("duration \(Quantity.format(d)) days is not between 0 and \(Quantity.format(RequestLimits.maxDurationDays)) days")
        }
        self.entry = Given(start: e.start, stop: e.stop, durationDays: e.durationDays, indication: e.indication)
        switch e.drug {
        case .name(let n):
            name = n
            drug = formulary.index(ofDrugNamed: n)
        case .rxnorm(let c):
            name = "RxCUI \(c)"
            drug = formulary.storage.byRxCUI[c]
        }
        if let d = e.dose {
            quantity = d.quantity
            if quantity == nil { problems.append("dose unit '\(d.unit)' is not known") }
            else if !(d.value > 0) || !d.value.isFinite { problems.append("dose \(Quantity.format(d.value)) \(d.unit) is not a positive amount") }
        } else {
            quantity = nil
        }
        if let r = e.route {
            route = Route(rawValue: r) ?? Route(lenient: r)
            if route == nil { problems.append("route '\(r)' is not known") }
        } else {
            route = nil
        }
        // A count of doses that is not finite, not positive or above the documented limit would
        // make every comparison false (NaN) or a daily total 0: not understood, never compared.
        if let f = e.frequency, let count = Self.count(f.schedule), !(count.value > 0 && count.value <= count.limit) {
            frequency = nil
            problems.append("frequency '\(f.code)' gives \(Quantity.format(count.value)) doses, not more than 0 and at most \(Quantity.format(count.limit))")
        } else {
            frequency = e.frequency
        }
        if let f = e.unrecognizedFrequency { problems.append("frequency '\(f)' is not known") }
        if let t = e.timing {
            if let parsed = DialysisTiming(rawValue: t) { timing = parsed } else {
                timing = .any
                problems.append("timing '\(t)' is not known")
            }
        } else {
            timing = .any
        }
        if let ind = e.indication, formulary.storage.indicationIndex[ind] == nil {
            problems.append("indication '\(ind)' is not known")
        }
        self.problems = problems
    }

    /// The count a schedule gives and its documented limit (``RequestLimits/maxDosesPerDay``).
    static func count(_ schedule: Frequency.Schedule) -> (value: Double, limit: Double)? {
        switch schedule {
        case .once, .asNeeded(nil): nil
        case .asNeeded(let max?): (max, RequestLimits.maxDosesPerDay)
        case .every(let times, .day): (times, RequestLimits.maxDosesPerDay)
        case .every(let times, .week): (times, RequestLimits.maxDosesPerDay * 7)
        case .every(let times, .dialysisSession): (times, RequestLimits.maxDosesPerDay)
        }
    }
}
