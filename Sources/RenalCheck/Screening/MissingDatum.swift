/// A piece of request data a rule needed but did not get.
enum MissingDatum: Hashable, Sendable {
    case dialysisStatus, dialysisModality, egfr, crcl, kidneyFunction, age, hepatic, indication, route, frequency, dose, weight
    case sessionsPerWeek
    case doseOf(String)
    case condition(String)
    case lab(String, withinDays: Double?)
    case conversion(from: String, to: String, drug: String)

    /// True for the numbers a dose or kidney rule of the order itself needs: kidney function,
    /// dialysis status, weight, and the order's dose, frequency and route. Only these can leave an
    /// order unscreened; a missing lab, condition, hepatic status, age or indication is a gap that
    /// is reported (at `minor` at most) on an order that is still screened.
    var isOrderCritical: Bool {
        switch self {
        case .dialysisStatus, .dialysisModality, .egfr, .crcl, .kidneyFunction, .weight, .dose, .frequency, .route,
             .sessionsPerWeek, .conversion: true
        // Another entry's dose (a cumulative total) is a gap, not this order's number.
        case .age, .hepatic, .indication, .lab, .condition, .doseOf: false
        }
    }

    /// Words for a pharmacist.
    var described: String {
        switch self {
        case .dialysisStatus: "dialysis status (patient.kidney.dialysis)"
        case .dialysisModality: "the dialysis modality (the record says dialysis but not which; patient.kidney.dialysis)"
        case .egfr: "eGFR (patient.kidney.egfr)"
        case .crcl: "creatinine clearance (patient.kidney.crcl)"
        case .kidneyFunction: "kidney function (patient.kidney.crcl or egfr)"
        case .age: "age (patient.ageYears)"
        case .hepatic: "hepatic function (patient.hepatic is \"unknown\")"
        case .condition(let id): "whether the patient has \(id) (listed in patient.conditionsUnknown)"
        case .indication: "the order's indication"
        case .route: "the order's route"
        case .frequency: "the order's frequency (or prn maxPerDay)"
        case .dose: "the order's dose"
        case .weight: "body weight (patient.weightKg)"
        case .sessionsPerWeek: "dialysis sessions per week"
        case .doseOf(let entry): "a usable dose and frequency for \(entry)"
        case .lab(let test, let days?): "a \(test) result within \(Quantity.format(days)) days"
        case .lab(let test, nil): "a \(test) result"
        case .conversion(let from, let to, let drug): "a conversion from \(from) to \(to) for \(drug)"
        }
    }
}

/// Three-valued truth: a predicate holds, does not hold, or cannot be decided for lack of data.
enum Truth {
    case yes, no
    case unknown(MissingDatum)

    static func of(_ b: Bool) -> Truth { b ? .yes : .no }
}
