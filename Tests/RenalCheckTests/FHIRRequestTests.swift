import Foundation
import Testing
import TestSupport

/// FHIR R4 Bundle → ScreeningRequest mapping.
struct FHIRRequestTests {
    static let formulary = TestFormulary.shipped

    static func decode(_ json: String) throws -> ScreeningRequest {
        try ScreeningRequest.decode(fhirBundle: Array(json.utf8), source: "test", formulary: formulary)
    }

    /// A Bundle holding `resources` (JSON object texts).
    static func bundle(_ resources: [String], timestamp: String = "2026-11-21T10:00:00Z") -> String {
        let entries = resources.map { #"{"resource": \#($0)}"# }.joined(separator: ",")
        return #"{"resourceType": "Bundle", "type": "collection", "timestamp": "\#(timestamp)", "entry": [\#(entries)]}"#
    }

    /// A draft MedicationRequest with a medication concept and an optional dosage.
    static func order(_ id: String, concept: String, dosage: String? = nil, status: String = "draft") -> String {
        let d = dosage.map { #", "dosageInstruction": [\#($0)]"# } ?? ""
        return #"{"resourceType": "MedicationRequest", "id": "\#(id)", "status": "\#(status)", "intent": "order", "subject": {"reference": "Patient/p"}, "medicationCodeableConcept": \#(concept)\#(d)}"#
    }

    static func rxnorm(_ code: String, display: String? = nil, text: String? = nil) -> String {
        let disp = display.map { #", "display": "\#($0)""# } ?? ""
        let t = text.map { #", "text": "\#($0)""# } ?? ""
        return #"{"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "\#(code)"\#(disp)}]\#(t)}"#
    }

    @Test func mapsTheExampleBundle() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: TestPaths.root + "/examples/fhir/dialysis-patient-bundle.json")))
        let r = try ScreeningRequest.decode(fhirBundle: bytes, source: "example", formulary: Self.formulary)
        #expect(r.asOf == Instant(iso: "2026-11-21T10:00:00Z"))
        #expect(r.patient.id == "pt-001")
        #expect(r.patient.sex == "female")
        #expect(r.patient.ageYears == 72)
        #expect(r.patient.weightKg == 48.5)
        #expect(r.patient.kidney.dialysis == .hemodialysis)
        #expect(r.patient.kidney.egfr == 7)
        #expect(r.patient.conditions == ["end-stage-kidney-disease"])
        #expect(r.patient.labs == [LabResult(test: "potassium", value: 4.3, unit: "mmol/L", at: Instant(iso: "2026-11-18T08:00:00Z"))])
        #expect(r.orders.map(\.id) == ["ord-gabapentin", "ord-baclofen", "ord-unknown"])
        #expect(r.medications.map(\.id) == ["med-atorvastatin"])
        let gaba = try #require(r.orders.first)
        // The RxNorm normalised name is kept whole, so the checker has the strength too.
        #expect(gaba.drug == .name("gabapentin 300 MG Oral Capsule"))
        #expect(r.resolvingClinicalDrugs(formulary: Self.formulary).orders.first?.drug == .name("gabapentin"))
        #expect(gaba.dose == Dose(value: 300, unit: "mg"))
        #expect(gaba.route == "oral")
        #expect(gaba.timing == "before-dialysis")
        #expect(gaba.frequency?.schedule == .every(times: 3, per: .week))
        #expect(r.medications[0].drug == .rxnorm("83367"))
        #expect(r.medications[0].frequency?.schedule == .every(times: 1, per: .day))
        #expect(r.medications[0].start == CalendarDay(iso: "2026-01-10"))
    }

    @Test func looksUpAKnownRxCUI() throws {
        let r = try Self.decode(Self.bundle([Self.order("o1", concept: Self.rxnorm("11289", display: "something else"))]))
        #expect(r.orders[0].drug == .rxnorm("11289"))
        #expect(Self.formulary.drug(rxcui: "11289")?.id == "warfarin")
    }

    @Test func fallsBackToTextWhenTheRxCUIIsUnknown() throws {
        let r = try Self.decode(Self.bundle([Self.order("o1", concept: Self.rxnorm("310431", display: "gabapentin 300 MG Oral Capsule"))]))
        #expect(r.orders[0].drug == .name("gabapentin 300 MG Oral Capsule"))
        #expect(r.orders[0].rxcui == "310431")
        #expect(r.resolvingClinicalDrugs(formulary: Self.formulary).orders[0].drug == .name("gabapentin"))
        let byText = try Self.decode(Self.bundle([Self.order("o1", concept: #"{"text": "Lioresal"}"#)]))
        #expect(byText.orders[0].drug == .name("Lioresal"))
    }

    @Test func keepsAnUnmappableOrderAndTheCheckerFlagsIt() throws {
        let dosage = #"{"timing": {"repeat": {"frequency": 2, "period": 1, "periodUnit": "fortnight"}}, "route": {"text": "via nebuliser"}, "doseAndRate": [{"doseQuantity": {"value": 2, "unit": "puffs"}}]}"#
        let r = try Self.decode(Self.bundle([
            Self.order("known", concept: #"{"text": "baclofen"}"#, dosage: dosage),
            Self.order("unknown", concept: Self.rxnorm("999999999", display: "Unheard-of 5 MG Tablet")),
        ]))
        #expect(r.orders.count == 2)
        let known = r.orders[0]
        #expect(known.unrecognizedFrequency == "2 per 1 fortnight")
        #expect(known.route == "via nebuliser")
        #expect(known.dose == Dose(value: 2, unit: "puffs"))
        #expect(r.orders[1].drug == .name("Unheard-of 5 MG Tablet"))
        let report = Checker(formulary: Self.formulary).screen(r)
        #expect(report.orders.map(\.status) == [.unscreened, .unscreened])
        #expect(report.findings.contains { $0.ruleID == "renalcheck.unscreened.unknown-drug" && $0.orderIDs == ["unknown"] })
        #expect(report.findings.contains { $0.ruleID == "renalcheck.unscreened.not-understood" && $0.orderIDs == ["known"] })
    }

    @Test func mapsLabsByLOINCAndPassesUnknownUnitsToTheChecker() throws {
        let mg = #"{"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "19123-9"}]}, "effectiveDateTime": "2026-11-20", "valueQuantity": {"value": 1.5, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL"}}"#
        let k = #"{"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3"}]}, "valueQuantity": {"value": 4, "unit": "furlongs"}}"#
        let crcl = #"{"resourceType": "Observation", "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "2164-2"}]}, "valueQuantity": {"value": 25, "code": "mL/min", "system": "http://unitsofmeasure.org"}}"#
        let prelim = #"{"resourceType": "Observation", "status": "preliminary", "code": {"coding": [{"system": "http://loinc.org", "code": "98979-8"}]}, "valueQuantity": {"value": 60}}"#
        let r = try Self.decode(Self.bundle([mg, k, crcl, prelim, Self.order("o1", concept: #"{"text": "baclofen"}"#)]))
        #expect(r.patient.labs.count == 2)
        #expect(r.patient.labs.first == LabResult(test: "magnesium", value: 1.5, unit: "mg/dL", at: Instant(iso: "2026-11-20")))
        #expect(r.patient.labs.last?.unit == "furlongs")
        #expect(r.patient.kidney.crcl == 25)
        #expect(r.patient.kidney.egfr == nil)
        let report = Checker(formulary: Self.formulary).screen(r)
        #expect(report.findings.contains { $0.ruleID == "renalcheck.unscreened.lab-not-understood" })
    }

    @Test("dialysis from SNOMED CT", arguments: [
        ("302497006", DialysisModality?.some(.hemodialysis)),
        ("71192002", .some(.peritoneal)),
        ("108241001", nil),
        ("46177005", nil),
    ])
    func mapsDialysisFromSNOMED(code: String, expected: DialysisModality?) throws {
        let proc = #"{"resourceType": "Procedure", "status": "completed", "code": {"coding": [{"system": "http://snomed.info/sct", "code": "\#(code)"}]}}"#
        let r = try Self.decode(Self.bundle([proc, Self.order("o1", concept: #"{"text": "baclofen"}"#)]))
        #expect(r.patient.kidney.dialysis == expected)
        #expect(r.patient.conditions == (code == "46177005" ? ["end-stage-kidney-disease"] : []))
    }

    @Test func ignoresResolvedConditionsAndConflictingModalities() throws {
        let resolved = #"{"resourceType": "Condition", "clinicalStatus": {"coding": [{"code": "resolved"}]}, "code": {"coding": [{"system": "http://snomed.info/sct", "code": "302497006"}]}}"#
        let r = try Self.decode(Self.bundle([resolved, Self.order("o1", concept: #"{"text": "baclofen"}"#)]))
        #expect(r.patient.kidney.dialysis == nil)
        let hd = #"{"resourceType": "Procedure", "code": {"coding": [{"system": "http://snomed.info/sct", "code": "302497006"}]}}"#
        let pd = #"{"resourceType": "Procedure", "code": {"coding": [{"system": "http://snomed.info/sct", "code": "71192002"}]}}"#
        let both = try Self.decode(Self.bundle([hd, pd, Self.order("o1", concept: #"{"text": "baclofen"}"#)]))
        #expect(both.patient.kidney.dialysis == nil)
    }

    @Test func readsPRNTimingCodesAndMedicationReferences() throws {
        let prn = #"{"asNeededBoolean": true, "timing": {"repeat": {"frequency": 1, "period": 6, "periodUnit": "h"}}, "doseAndRate": [{"doseQuantity": {"value": 1, "unit": "g", "system": "http://unitsofmeasure.org", "code": "g"}}]}"#
        let bid = #"{"timing": {"code": {"coding": [{"code": "BID"}]}}}"#
        let med = #"{"resourceType": "Medication", "id": "m1", "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "11289"}]}}"#
        let byRef = #"{"resourceType": "MedicationRequest", "id": "o3", "status": "draft", "intent": "order", "subject": {"reference": "Patient/p"}, "medicationReference": {"reference": "Medication/m1"}}"#
        let r = try Self.decode(Self.bundle([
            Self.order("o1", concept: #"{"text": "baclofen"}"#, dosage: prn),
            Self.order("o2", concept: #"{"text": "baclofen"}"#, dosage: bid),
            med, byRef,
        ]))
        #expect(r.orders[0].frequency?.schedule == .asNeeded(maxPerDay: 4))
        #expect(r.orders[0].dose == Dose(value: 1, unit: "g"))
        #expect(r.orders[1].frequency?.schedule == .every(times: 2, per: .day))
        #expect(r.orders[2].drug == .rxnorm("11289"))
    }

    /// FHIR input skips the JSON request decoder's range checks: a `boundsDuration` of a
    /// million years reaches the checker, which reports the order unscreened (it once could
    /// overflow the duplicate check's day arithmetic).
    @Test func anAbsurdBoundsDurationLeavesTheOrderUnscreened() throws {
        let dosage = #"{"timing": {"repeat": {"frequency": 3, "period": 1, "periodUnit": "d", "boundsDuration": {"value": 1000000, "unit": "a", "system": "http://unitsofmeasure.org", "code": "a"}}}, "doseAndRate": [{"doseQuantity": {"value": 5, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]}"#
        let r = try Self.decode(Self.bundle([
            Self.order("o1", concept: #"{"text": "cyclobenzaprine"}"#, dosage: dosage),
            Self.order("m1", concept: #"{"text": "cyclobenzaprine"}"#, dosage: dosage, status: "active"),
        ]))
        let days = try #require(r.orders.first?.durationDays)
        #expect(days > 365_000_000)
        let report = Checker(formulary: Self.formulary).screen(r)
        #expect(report.orders.first?.status == .unscreened)
        #expect(report.findings.contains { $0.ruleID == "renalcheck.unscreened.not-understood" && ($0.note ?? "").contains("days is not between 0 and 36500 days") })
    }

    @Test func screensOnlyDraftsAsOrdersAndIgnoresStoppedMedications() throws {
        let r = try Self.decode(Self.bundle([
            Self.order("o1", concept: #"{"text": "baclofen"}"#),
            Self.order("m1", concept: #"{"text": "warfarin"}"#, status: "active"),
            Self.order("m2", concept: #"{"text": "digoxin"}"#, status: "stopped"),
        ]))
        #expect(r.orders.map(\.id) == ["o1"])
        #expect(r.medications.map(\.id) == ["m1"])
    }

    @Test("rejects malformed input", arguments: [
        (#"not json"#, InputProblem.Code.syntax),
        (#"{"resourceType": "Patient"}"#, .invalidValue),
        (#"{"resourceType": "Bundle", "type": "collection", "entry": []}"#, .missingField),
        (#"{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Observation", "code": {"coding": [{"system": "http://loinc.org", "code": "2823-3"}]}, "effectiveDateTime": "2026-11-21T10:00:00", "valueQuantity": {"value": 4, "unit": "mmol/L"}}}, {"resource": {"resourceType": "MedicationRequest", "status": "draft", "medicationCodeableConcept": {"text": "baclofen"}}}]}"#, .invalidValue),
        (#"{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "MedicationRequest", "status": "draft", "medicationCodeableConcept": {"text": "baclofen"}, "dosageInstruction": [{"doseAndRate": [{"doseQuantity": {"value": "ten"}}]}]}}]}"#, .wrongType),
    ])
    func rejectsMalformedInput(_ json: String, code: InputProblem.Code) {
        #expect {
            try Self.decode(json)
        } throws: { error in
            (error as? RequestError)?.problems.map(\.code) == [code]
        }
    }
}
