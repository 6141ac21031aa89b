import RenalCheck

/// Shared fixtures for the PSSA tests: a classifier and a tiny CSV builder.
public enum PSSATestSupport {
    /// Index class: amlodipine, nifedipine. Marker class: furosemide. Known other: metformin.
    public static let classifier = PSSADictionaryClassifier(
        indexDrugs: ["amlodipine", "nifedipine"], markerDrugs: ["furosemide"],
        otherKnownDrugs: ["metformin"])

    /// A day written as an offset from an ISO date.
    public static func day(_ iso: String, plus offset: Int = 0) -> String {
        (CalendarDay(iso: iso)! + offset).description
    }

    /// CSV text with a header from `(patient, drug, date)` rows.
    public static func csv(_ rows: [(String, String, String)]) -> String {
        "patient_id,drug,date\n" + rows.map { "\($0.0),\($0.1),\($0.2)\n" }.joined()
    }

    /// `a` and `b` agree to a relative tolerance.
    public static func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-4) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    /// Cascades.md §4.5 worked example 2: t0 = 2020-06-01, t1 = t0 + 100 days.
    public static func workedExample2() -> String {
        let t0 = "2020-06-01"
        func t(_ offset: Int) -> String { day(t0, plus: offset) }
        var rows: [(String, String, String)] = [
            ("P1", "amlodipine", t(0)), ("P1", "amlodipine", t(7)), ("P1", "furosemide", t(10)),
        ]
        for patient in ["P2", "P3", "P4"] {
            rows += [(patient, "amlodipine", t(0)), (patient, "furosemide", t(10))]
        }
        rows += [
            ("P5", "amlodipine", t(0)), ("P5", "furosemide", t(-20)),
            ("P6", "furosemide", t(5)),
            ("P7", "furosemide", t(-25)),
            ("P8", "amlodipine", t(0)), ("P8", "furosemide", t(60)),
            ("P9", "amlodipine", "2020-02-01"), ("P9", "amlodipine", t(0)), ("P9", "furosemide", t(5)),
            ("P10", "amlodipine", t(0)), ("P10", "furosemide", t(0)),
            ("P11", "amlodipine", t(100)),
            ("P12", "furosemide", t(90)),
        ]
        return csv(rows)
    }

    /// Parameters of worked example 2: study 2020, washout 90, window 30.
    public static func workedExample2Parameters() -> PSSAParameters {
        PSSAParameters(
            washoutDays: 90, windowDays: 30, start: CalendarDay(iso: "2020-01-01"),
            end: CalendarDay(iso: "2020-12-31"))
    }
}
