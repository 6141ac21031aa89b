internal import RenalCheckJSON

/// The `Timing.repeat` fields the adapter reads.
struct FHIRTimingRepeat {
    var frequency: Int?
    var frequencyMax: Int?
    var period: Double?
    var periodUnit: String?
    var count: Int?
    var when: [String]
    var boundsDays: Double?
    var boundsStart: CalendarDay?
    var boundsEnd: CalendarDay?

    init(reader owner: FHIRRequestReader, r: JSONFields) {
        frequency = r.integer("frequency", required: false)
        frequencyMax = r.integer("frequencyMax", required: false)
        period = r.number("period", required: false)
        periodUnit = owner.text(r, "periodUnit")
        count = r.integer("count", required: false)
        when = r.strings("when") ?? []
        if let f = frequency, f < 1 { r.reader.report("frequency must be a positive integer", key: "frequency"); frequency = nil }
        boundsDays = r.object("boundsDuration") { b -> Double? in
            guard let v = b.number("value", required: false), let u = owner.text(b, "code") ?? owner.text(b, "unit"),
                  let days = FHIRTerminology.days(ucumTime: u) else { return nil }
            return v * days
        }
        let bounds = r.object("boundsPeriod") { p in (owner.day(p, "start"), owner.day(p, "end")) }
        boundsStart = bounds?.0
        boundsEnd = bounds?.1
        if boundsDays == nil, let s = boundsStart, let e = boundsEnd, e >= s { boundsDays = Double(e - s) }
    }
}
