internal import RenalCheckJSON

/// The `Timing.repeat` fields the adapter reads.
struct FHIRTimingRepeat {
    var frequency: Int?
    var frequencyMax: Int?
    var period: Double?
    var periodUnit: String?
    var count: Int?
    var when: [String]
    /// `timeOfDay` values as written ("22:00:00").
    var timeOfDay: [String]
    var boundsDays: Double?
    var boundsStart: CalendarDay?
    var boundsEnd: CalendarDay?

    /// True when a dose falls in the evening or at bedtime: `when` EVE…, NIGHT, HS, PHS, CV, ACV,
    /// PCV, or a `timeOfDay` from 18:00 to 03:59.
    var hasEveningDose: Bool {
        let codes: Set<String> = ["EVE", "EVE.EARLY", "EVE.LATE", "NIGHT", "HS", "PHS", "CV", "ACV", "PCV"]
        if when.contains(where: { codes.contains($0.uppercased()) }) { return true }
        return timeOfDay.contains { t in
            guard let h = Int(t.prefix(2)), t.count >= 2 else { return false }
            return h >= 18 || h < 4
        }
    }

    init(reader owner: FHIRRequestReader, r: JSONFields) {
        frequency = r.integer("frequency", required: false)
        frequencyMax = r.integer("frequencyMax", required: false)
        period = r.number("period", required: false)
        periodUnit = owner.text(r, "periodUnit")
        count = r.integer("count", required: false)
        when = r.strings("when") ?? []
        timeOfDay = r.strings("timeOfDay") ?? []
        if let f = frequency, f < 1 { r.reader.report("frequency must be a positive integer", key: "frequency"); frequency = nil }
        if let m = frequencyMax, m < 1 {
            r.reader.report("frequencyMax must be a positive integer", key: "frequencyMax"); frequencyMax = nil
        } else if let m = frequencyMax, let f = frequency, m < f {
            r.reader.report("frequencyMax must not be less than frequency", key: "frequencyMax", code: .inconsistent); frequencyMax = nil
        }
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
