import Foundation
import Testing
import TestSupport

/// Issue 12, "Silent passes": each reproducer once screened a hazardous order as safe (exit 0,
/// no finding). Each test fails on the code before the fix.
struct SilentPassRegressionTests {
    static let formulary = TestFormulary.shipped
    static let checker = Checker(formulary: formulary)
    static let onHD = Patient(kidney: KidneyStatus(dialysis: .hemodialysis))

    static func screen(_ sigs: [String], patient: Patient = onHD, labs: [LabResult] = []) throws -> ScreeningReport {
        var p = patient
        p.labs = labs
        let orders = try sigs.enumerated().map { try Sig.parse($1, id: String($0 + 1)) }
        return checker.screen(ScreeningRequest(asOf: Instant(iso: "2026-11-21T10:00:00Z"), patient: p, orders: orders))
    }

    static func fhir(_ dosage: String, drug: String, patient: Patient = onHD) throws -> ScreeningReport {
        let order = #"{"resourceType": "MedicationRequest", "id": "o1", "status": "draft", "intent": "order", "subject": {"reference": "Patient/p"}, "medicationCodeableConcept": {"text": "\#(drug)"}, "dosageInstruction": [\#(dosage)]}"#
        let bundle = #"{"resourceType": "Bundle", "type": "collection", "timestamp": "2026-11-21T10:00:00Z", "entry": [{"resource": \#(order)}]}"#
        var r = try ScreeningRequest.decode(fhirBundle: Array(bundle.utf8), source: "test", formulary: formulary)
        r.patient.kidney = patient.kidney
        return checker.screen(r)
    }

    static func mg(_ v: Double) -> String {
        #""doseAndRate": [{"doseQuantity": {"value": \#(v), "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]"#
    }

    // MARK: row 1 — "after dialysis" switched the daily limit off

    @Test("several doses a day timed after dialysis keep the daily limit", arguments: [
        ("gabapentin 300 mg po tid after dialysis", "gabapentin.renal-dose.hemodialysis"),
        ("gabapentin 300 mg po bid post dialysis", "gabapentin.renal-dose.hemodialysis"),
        ("pregabalin 75 mg po tid after dialysis", "pregabalin.renal-dose.hemodialysis"),
    ])
    func afterDialysisSeveralTimesADay(sig: String, rule: String) throws {
        let report = try Self.screen([sig])
        #expect(report.findings(rule: rule).count == 1)
        #expect(report.findings.contains { $0.severity >= .major })
    }

    @Test func jsonTimingAfterDialysisKeepsTheDailyLimit() throws {
        let json = #"{"asOf": "2026-11-21T10:00:00Z", "patient": {"kidney": {"dialysis": "hemodialysis"}}, "orders": [{"id": "o1", "drug": "gabapentin", "dose": {"value": 300, "unit": "mg"}, "route": "oral", "frequency": "tid", "timing": "after-dialysis"}]}"#
        let report = Self.checker.screen(try request(json))
        #expect(report.findings(rule: "gabapentin.renal-dose.hemodialysis").count == 1)
    }

    /// The supplement itself (once each session) is still judged by the supplement rule only.
    @Test func aSupplementOnceEachSessionIsStillASupplement() throws {
        let ok = try Self.screen(["gabapentin 300 mg po after dialysis"])
        #expect(ok.findings(rule: "gabapentin.renal-dose.hemodialysis").isEmpty)
        #expect(ok.findings(rule: "gabapentin.renal-dose.post-dialysis-supplement").isEmpty)
        let big = try Self.screen(["gabapentin 600 mg po after dialysis"])
        #expect(big.findings(rule: "gabapentin.renal-dose.post-dialysis-supplement").count == 1)
    }

    // MARK: row 2 — a dose every other day was counted as half a dose every day

    @Test("a dose less often than daily is a whole dose on its day", arguments: [
        (1, 2.0, "d"), (1, 48.0, "h"), (1, 72.0, "h"), (1, 3.0, "d"),
    ])
    func everyOtherDayIsAWholeDose(frequency: Int, period: Double, unit: String) throws {
        let dosage = #"{"timing": {"repeat": {"frequency": \#(frequency), "period": \#(period), "periodUnit": "\#(unit)"}}, \#(Self.mg(600))}"#
        let report = try Self.fhir(dosage, drug: "gabapentin")
        #expect(report.findings(rule: "gabapentin.renal-dose.hemodialysis").count == 1)
    }

    @Test func halfADoseADayInJSONIsOneDoseOnItsDay() throws {
        let json = #"{"asOf": "2026-11-21T10:00:00Z", "patient": {"kidney": {"dialysis": "hemodialysis"}}, "orders": [{"id": "o1", "drug": "gabapentin", "dose": {"value": 600, "unit": "mg"}, "route": "oral", "frequency": {"times": 0.5, "per": "day"}}]}"#
        let report = Self.checker.screen(try request(json))
        #expect(report.findings(rule: "gabapentin.renal-dose.hemodialysis").count == 1)
    }

    @Test func prnAtMostHalfADayIsOneDoseOnItsDay() throws {
        let report = try Self.screen(["gabapentin 600 mg po prn max 0.5/day"])
        #expect(report.findings(rule: "gabapentin.renal-dose.hemodialysis").count == 1)
    }

    @Test("whole doses a day", arguments: [
        (Frequency.Schedule.every(times: 0.5, per: .day), 1.0), (.every(times: 1.5, per: .day), 2),
        (.every(times: 3, per: .day), 3), (.asNeeded(maxPerDay: 0.25), 1), (.every(times: 0.5, per: .dialysisSession), 1),
    ])
    func dosesPerDayIsWhole(schedule: Frequency.Schedule, expected: Double) {
        #expect(Frequency(code: "x", schedule: schedule).dosesPerDay(sessionsPerWeek: 3) == expected)
    }

    // MARK: row 3 — frequencyMax 0, negative, or below frequency

    @Test("frequencyMax below 1 or below frequency is an error", arguments: [
        #""frequencyMax": 0, "period": 1, "periodUnit": "d""#,
        #""frequencyMax": -3, "period": 1, "periodUnit": "d""#,
        #""frequency": 3, "frequencyMax": 1, "period": 1, "periodUnit": "d""#,
    ])
    func frequencyMaxIsChecked(repeatFields: String) {
        #expect(throws: RequestError.self) {
            _ = try Self.fhir(#"{"timing": {"repeat": {\#(repeatFields)}}, \#(Self.mg(300))}"#, drug: "gabapentin")
        }
    }

    @Test func frequencyMaxAboveFrequencyCountsTheMaximum() throws {
        let report = try Self.fhir(#"{"timing": {"repeat": {"frequency": 1, "frequencyMax": 3, "period": 1, "periodUnit": "d"}}, \#(Self.mg(200))}"#, drug: "gabapentin")
        #expect(report.findings(rule: "gabapentin.renal-dose.hemodialysis").count == 1)
    }

    // MARK: row 5 — NaN, infinities and out-of-range patient values

    @Test("a patient number that is not usable is dropped and reported", arguments: [
        Patient(kidney: KidneyStatus(dialysis: DialysisModality.none, egfr: .nan)),
        Patient(kidney: KidneyStatus(dialysis: DialysisModality.none, crcl: .infinity)),
        Patient(kidney: KidneyStatus(dialysis: DialysisModality.none, crcl: -4)),
        Patient(ageYears: .nan, kidney: KidneyStatus(dialysis: DialysisModality.none, egfr: 20)),
        Patient(weightKg: -5, kidney: KidneyStatus(dialysis: .hemodialysis, sessionsPerWeek: 0)),
    ])
    func unusableNumbers(patient: Patient) throws {
        let report = try Self.screen(["baclofen 10 mg po tid"], patient: patient)
        #expect(report.findings(rule: "renalcheck.unscreened.value-out-of-range").count == 1)
        let kidneyUnknown = patient.kidney.egfr.map { !$0.isFinite } ?? true
        if kidneyUnknown && patient.kidney.dialysis == DialysisModality.none {
            #expect(report.orders[0].status == .unscreened)
        }
    }

    @Test func aLabValueThatIsNotFiniteIsNotUsed() throws {
        let report = try Self.screen(["calcium acetate 667 mg po tid"], labs: [LabResult(test: "calcium-total", value: .nan, unit: "mg/dL")])
        #expect(report.findings(rule: "renalcheck.unscreened.lab-not-understood").count == 1)
    }

    // MARK: row 6 — bedtime matched only the literal code qhs

    @Test("every evening spelling is a bedtime dose", arguments: ["nocte", "qpm", "qhs", "nightly", "bedtime"])
    func eveningSpellings(word: String) throws {
        let report = try Self.screen(["midodrine 2.5 mg po \(word)"], patient: Patient(kidney: KidneyStatus(dialysis: DialysisModality.none, egfr: 50)))
        #expect(report.findings(rule: "midodrine.timing.bedtime").count == 1)
    }

    @Test("FHIR evening timings are bedtime doses", arguments: [
        #"{"code": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation", "code": "PM"}]}}"#,
        #"{"repeat": {"frequency": 1, "period": 1, "periodUnit": "d", "when": ["EVE"]}}"#,
        #"{"repeat": {"frequency": 1, "period": 1, "periodUnit": "d", "when": ["HS"]}}"#,
        #"{"repeat": {"frequency": 1, "period": 1, "periodUnit": "d", "timeOfDay": ["22:00:00"]}}"#,
    ])
    func fhirEvening(timing: String) throws {
        let report = try Self.fhir(#"{"timing": \#(timing), \#(Self.mg(2.5))}"#, drug: "midodrine",
                                   patient: Patient(kidney: KidneyStatus(dialysis: DialysisModality.none, egfr: 50)))
        #expect(report.findings(rule: "midodrine.timing.bedtime").count == 1)
    }

    @Test func aMorningDoseIsNotABedtimeDose() throws {
        let report = try Self.fhir(#"{"timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d", "timeOfDay": ["08:00:00"]}}, \#(Self.mg(2.5))}"#,
                                   drug: "midodrine", patient: Patient(kidney: KidneyStatus(dialysis: DialysisModality.none, egfr: 50)))
        #expect(report.findings(rule: "midodrine.timing.bedtime").isEmpty)
    }

    // MARK: row 7 — an undated lab hid a dated one

    @Test func anUndatedResultNeverHidesADatedOne() throws {
        let labs = [LabResult(test: "calcium-total", value: 10.6, unit: "mg/dL", at: Instant(iso: "2026-11-20T10:00:00Z")),
                    LabResult(test: "calcium-total", value: 9.0, unit: "mg/dL")]
        for order in [labs, labs.reversed()] {
            let report = try Self.screen(["calcium acetate 667 mg po tid"], labs: order)
            #expect(report.findings(rule: "calcium-acetate.lab.hypercalcaemia").count == 1)
        }
        // And the other way round: a high undated value is not hidden by a normal dated one.
        let other = [LabResult(test: "calcium-total", value: 9.0, unit: "mg/dL", at: Instant(iso: "2026-11-20T10:00:00Z")),
                     LabResult(test: "calcium-total", value: 10.6, unit: "mg/dL")]
        #expect(try Self.screen(["calcium acetate 667 mg po tid"], labs: other).findings(rule: "calcium-acetate.lab.hypercalcaemia").count == 1)
    }

    // MARK: row 8 — a zero unit conversion made every dose 0

    @Test("a unit conversion must be positive", arguments: [0.0, -1])
    func zeroConversionIsInvalid(value: Double) throws {
        let drug = #"{"id": "alpha", "name": "Alphadrug", "classes": ["relaxant"], "doseUnit": "mg", "unitConversions": [{"unit": "mL", "equals": {"value": \#(value), "unit": "mg"}}], "rules": []}"#
        let problems = try TemporaryFormulary.problems(["drugs/alpha.json": drug])
        #expect(problems.contains { $0.file.hasSuffix("alpha.json") && $0.path.contains("unitConversions") })
    }
}
