/// An order's dose reduced to the numbers limits are compared with.
struct DoseFacts {
    /// One dose in the drug's dose unit.
    var perDose: Double?
    /// One dose in mg/kg.
    var perKg: Double?
    /// Most doses on one day.
    var perDay: Double?
    /// Doses a week.
    var perWeek: Double?
    /// Most doses in any 48 hours.
    var per48h: Double?
    /// What was missing for each of the above.
    var missingAmount: MissingDatum?
    var missingPerKg: MissingDatum?
    var missingFrequency: MissingDatum?

    init(_ e: ResolvedEntry, drug: Drug, ctx: ScreeningContext) {
        let weight = ctx.patient.weightKg.flatMap { $0 > 0 ? $0 : nil }
        if let q = e.quantity {
            if q.unit == .mgPerKg {
                perKg = q.value
                if let weight { perDose = drug.inDoseUnit(Quantity(q.value * weight, .mg)) } else { missingAmount = .weight }
                if weight != nil && perDose == nil { missingAmount = .conversion(from: "mg", to: drug.doseUnit.rawValue, drug: drug.id) }
            } else {
                perDose = drug.inDoseUnit(q)
                if perDose == nil { missingAmount = .conversion(from: q.unit.rawValue, to: drug.doseUnit.rawValue, drug: drug.id) }
                let mg = q.unit == .mg ? q.value : perDose.flatMap { drug.fromDoseUnit($0, to: .mg) }
                if let mg, let weight { perKg = mg / weight } else { missingPerKg = weight == nil ? .weight : .conversion(from: q.unit.rawValue, to: "mg", drug: drug.id) }
            }
        } else {
            missingAmount = .dose
            missingPerKg = .dose
        }
        if let f = e.frequency {
            let sessions = ctx.sessionsPerWeek
            if case .every(_, .dialysisSession) = f.schedule, sessions == nil {
                missingFrequency = .sessionsPerWeek
            } else {
                perDay = f.dosesPerDay(sessionsPerWeek: sessions ?? 0)
                perWeek = f.dosesPerWeek(sessionsPerWeek: sessions ?? 0)
                per48h = Self.dosesIn48Hours(f, perDay: perDay, perWeek: perWeek)
                if perDay == nil { missingFrequency = .frequency }
            }
        } else {
            missingFrequency = .frequency
        }
    }

    /// The most doses that can fall in 48 hours: one for a single dose, two days' worth for a daily
    /// count or a prn maximum, and for a weekly count the doses spread evenly (rounded up), never
    /// more than the week holds.
    static func dosesIn48Hours(_ f: Frequency, perDay: Double?, perWeek: Double?) -> Double? {
        switch f.schedule {
        case .once: return 1
        case .asNeeded, .every(_, .day), .every(_, .dialysisSession): return perDay.map { $0 * 2 }
        case .every(let times, .week): return min(times, (times * 2 / 7).rounded(.up))
        }
    }
}
