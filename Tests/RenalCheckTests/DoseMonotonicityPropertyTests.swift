import Testing
import TestSupport

@testable import RenalCheck

/// Issue 12 guard for the class "a spelling made a dose look smaller": over every drug with a
/// dose limit in the shipped formulary (and every drug added later), several patients and
/// doses, no way of writing the same order — a frequency form (tid, q8h, 3/day, FHIR repeats,
/// timing codes), a dialysis timing on a several-times-a-day order, a unit spelling — may screen
/// it cleaner than the plain form: each dose-limit rule the plain form fires must fire for the
/// variant too, or the variant must be reported unscreened. A dose less often than daily (q48h,
/// 0.5/day, FHIR every 2 days) is held to the same single and daily limits as the same dose once
/// a day. (prn is a different schedule, not a spelling: rules may rightly test `regular`.)
struct DoseMonotonicityPropertyTests {
    static let formulary = TestFormulary.shipped
    static let checker = Checker(formulary: formulary)

    static let patients: [Patient] = [
        Patient(kidney: KidneyStatus(dialysis: .hemodialysis, sessionsPerWeek: 3)),
        Patient(kidney: KidneyStatus(dialysis: .peritoneal)),
        Patient(kidney: KidneyStatus(dialysis: DialysisModality.none, crcl: 10)),
        Patient(kidney: KidneyStatus(dialysis: DialysisModality.none, crcl: 25)),
        Patient(kidney: KidneyStatus(dialysis: DialysisModality.none, crcl: 45)),
        Patient(kidney: KidneyStatus(dialysis: DialysisModality.none, egfr: 90)),
    ].map { p in var p = p; p.ageYears = 70; p.weightKg = 70; return p }

    /// A frequency as the FHIR reader produces it from a `timing` object.
    static func fhirFrequency(_ timing: String) throws -> Frequency {
        let order = #"{"resourceType": "MedicationRequest", "id": "o1", "status": "draft", "intent": "order", "subject": {"reference": "Patient/p"}, "medicationCodeableConcept": {"text": "baclofen"}, "dosageInstruction": [{"timing": \#(timing), "doseAndRate": [{"doseQuantity": {"value": 1, "unit": "mg"}}]}]}"#
        let bundle = #"{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": \#(order)}]}"#
        let r = try ScreeningRequest.decode(fhirBundle: Array(bundle.utf8), formulary: formulary)
        return try #require(r.orders.first?.frequency)
    }

    static let doseRules = Set(formulary.rules.filter { $0.doseLimits != nil }.map(\.id))

    static let drugsWithDoseLimits: [Drug] = {
        let ids = Set(formulary.rules.filter { $0.doseLimits != nil }.compactMap(\.drugID))
        return formulary.drugs.filter { ids.contains($0.id) }
    }()

    struct Outcome {
        var fired: Set<String>
        var unscreened: Bool
    }

    static func screen(_ drug: Drug, _ patient: Patient, dose: Dose, frequency: Frequency, timing: String? = nil) -> Outcome {
        let order = MedicationEntry(id: "1", drug: .name(drug.id), dose: dose, route: "oral", frequency: frequency, timing: timing)
        let report = checker.screen(ScreeningRequest(asOf: Instant(iso: "2026-11-21T10:00:00Z"), patient: patient, orders: [order]))
        return Outcome(fired: Set(report.findings.map(\.ruleID)).intersection(doseRules), unscreened: report.hasUnscreenedOrders)
    }

    /// The variant keeps every dose-limit finding of the plain form (restricted to `rules` when
    /// given), or says it was not fully screened.
    static func expectNotCleaner(_ plain: Outcome, _ variant: Outcome, restrictedTo rules: Set<String>? = nil,
                                 _ what: @autoclosure () -> String) {
        let needed = rules.map { plain.fired.intersection($0) } ?? plain.fired
        let missing = needed.subtracting(variant.fired)
        #expect(missing.isEmpty || variant.unscreened, "\(what()): lost \(missing.sorted())")
    }

    static func amounts(_ drug: Drug) -> [Double] { [2, 300, 2_500] }

    @Test func frequencyFormsAndTimingsNeverLowerTheDose() throws {
        let tid: [Frequency] = [
            try #require(Frequency(code: "q8h")),
            Frequency(code: "3/day", schedule: .every(times: 3, per: .day)),
            try Self.fhirFrequency(#"{"repeat": {"frequency": 3, "period": 1, "periodUnit": "d"}}"#),
            try Self.fhirFrequency(#"{"repeat": {"frequency": 1, "period": 8, "periodUnit": "h"}}"#),
            try Self.fhirFrequency(#"{"repeat": {"frequency": 2, "frequencyMax": 3, "period": 1, "periodUnit": "d"}}"#),
            try Self.fhirFrequency(#"{"code": {"coding": [{"code": "TID"}]}}"#),
        ]
        let plainFrequency = try #require(Frequency(code: "tid"))
        let timings: [String?] = [nil] + DialysisTiming.allCases.map(\.rawValue)
        for drug in Self.drugsWithDoseLimits {
            for patient in Self.patients {
                for amount in Self.amounts(drug) {
                    let dose = Dose(value: amount, unit: drug.doseUnit.rawValue)
                    let plain = Self.screen(drug, patient, dose: dose, frequency: plainFrequency)
                    for f in tid {
                        Self.expectNotCleaner(plain, Self.screen(drug, patient, dose: dose, frequency: f), "\(drug.id) \(amount) \(f.code)")
                    }
                    for t in timings {
                        Self.expectNotCleaner(plain, Self.screen(drug, patient, dose: dose, frequency: plainFrequency, timing: t),
                                              "\(drug.id) \(amount) tid \(t ?? "no timing")")
                    }
                }
            }
        }
    }

    @Test func unitSpellingsNeverLowerTheDose() {
        for drug in Self.drugsWithDoseLimits where drug.doseUnit == .mg {
            for patient in Self.patients {
                for amount in Self.amounts(drug) {
                    let daily = Frequency(code: "daily", schedule: .every(times: 1, per: .day))
                    let plain = Self.screen(drug, patient, dose: Dose(value: amount, unit: "mg"), frequency: daily)
                    let spellings: [Dose] = [
                        Dose(value: amount / 1000, unit: "g"), Dose(value: amount / 1000, unit: "gram"),
                        Dose(value: amount / 1000, unit: "grams"), Dose(value: amount * 1000, unit: "mcg"),
                        Dose(value: amount * 1000, unit: "µg"), Dose(value: amount * 1000, unit: "ug"),
                        Dose(value: amount, unit: "MG"), Dose(value: amount, unit: "Mg"), Dose(value: amount, unit: "milligrams"),
                        Dose(value: amount, unit: "mL"), Dose(value: amount, unit: "tablet"),
                    ]
                    for d in spellings {
                        Self.expectNotCleaner(plain, Self.screen(drug, patient, dose: d, frequency: daily), "\(drug.id) \(d.value) \(d.unit)")
                    }
                }
            }
        }
    }

    @Test func lessOftenThanDailyIsHeldToTheSingleAndDailyLimits() throws {
        let rare: [Frequency] = [
            try #require(Frequency(code: "q48h")), try #require(Frequency(code: "thrice-weekly")),
            Frequency(code: "0.5/day", schedule: .every(times: 0.5, per: .day)),
            try Self.fhirFrequency(#"{"repeat": {"frequency": 1, "period": 2, "periodUnit": "d"}}"#),
            try Self.fhirFrequency(#"{"repeat": {"frequency": 1, "period": 48, "periodUnit": "h"}}"#),
            try Self.fhirFrequency(#"{"repeat": {"frequency": 1, "period": 72, "periodUnit": "h"}}"#),
        ]
        let daily = try #require(Frequency(code: "daily"))
        // Rules whose limits are per dose or per day (a weekly limit rightly allows rarer doses).
        let perDay = Set(Self.formulary.rules.compactMap { r -> String? in
            guard let l = r.doseLimits, l.weekly == nil, l.dosesPerWeek == nil, l.dosesPerDay == nil else { return nil }
            return r.id
        })
        for drug in Self.drugsWithDoseLimits {
            for patient in Self.patients {
                for amount in Self.amounts(drug) {
                    let dose = Dose(value: amount, unit: drug.doseUnit.rawValue)
                    let plain = Self.screen(drug, patient, dose: dose, frequency: daily)
                    for f in rare {
                        Self.expectNotCleaner(plain, Self.screen(drug, patient, dose: dose, frequency: f), restrictedTo: perDay,
                                              "\(drug.id) \(amount) \(f.code)")
                    }
                }
            }
        }
    }
}
