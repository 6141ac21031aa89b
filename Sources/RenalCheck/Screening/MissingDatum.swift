/// A piece of request data a rule needed but did not get.
enum MissingDatum: Hashable, Sendable {
    case dialysisStatus, dialysisModality, egfr, crcl, kidneyFunction, age, hepatic, indication, route, frequency, dose, weight
    case sessionsPerWeek
    case doseOf(String)
    case lab(String, withinDays: Double?)
    case conversion(from: String, to: String, drug: String)

    /// Words for a pharmacist.
    var described: String {
        switch self {
        case .dialysisStatus: "dialysis status (patient.kidney.dialysis)"
        case .dialysisModality: "the dialysis modality (the record says dialysis but not which; patient.kidney.dialysis)"
        case .egfr: "eGFR (patient.kidney.egfr)"
        case .crcl: "creatinine clearance (patient.kidney.crcl)"
        case .kidneyFunction: "kidney function (patient.kidney.crcl or egfr)"
        case .age: "age (patient.ageYears)"
        case .hepatic: "hepatic function (patient.hepatic)"
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
