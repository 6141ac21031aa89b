internal import RenalCheckJSON

extension RequestDecoder {
    /// The keys of each object shape in a request, built once (not per decoded object).
    enum Keys {
        static let request = JSONKeySet(["requestId", "asOf", "patient", "medications", "orders"])
        static let patient = JSONKeySet(["id", "ageYears", "weightKg", "sex", "kidney", "hepatic", "conditions", "conditionsUnknown", "labs"])
        static let kidney = JSONKeySet(["dialysis", "sessionsPerWeek", "egfr", "crcl"])
        static let lab = JSONKeySet(["test", "loinc", "value", "unit", "at"])
        static let entry = JSONKeySet(["id", "drug", "dose", "route", "frequency", "maxPerDay", "timing",
                                       "durationDays", "indication", "start", "stop"])
        static let drug = JSONKeySet(["rxnorm", "name"])
        static let dose = JSONKeySet(["value", "unit"])
        static let frequency = JSONKeySet(["times", "per"])
    }
}
