import Foundation
import Testing
import TestSupport

/// Dialysis status from coded conditions, procedures and encounters (formulary/dialysis.json),
/// and the "dialysis, modality not stated" semantics.
struct DialysisCodeTests {
    static let formulary = TestFormulary.shipped

    static func condition(_ system: String, _ code: String, id: String = "c") -> String {
        #"{"resourceType": "Condition", "id": "\#(id)", "clinicalStatus": {"coding": [{"code": "active"}]}, "code": {"coding": [{"system": "\#(system)", "code": "\#(code)"}]}}"#
    }

    static func gabapentinOrder() -> String {
        FHIRRequestTests.order("g", concept: FHIRRequestTests.rxnorm("25480"),
                               dosage: #"{"timing": {"repeat": {"frequency": 3, "period": 1, "periodUnit": "d"}}, "doseAndRate": [{"doseQuantity": {"value": 300, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]}"#)
    }

    @Test func theFormularyListsCodesFromEverySystem() {
        let systems = Set(Self.formulary.dialysisCodes.map(\.system))
        #expect(systems == Set(DialysisCodeSystem.allCases))
        #expect(Self.formulary.dialysisCode(system: .icd10cm, code: "Z992")?.establishes == .unspecified)
        #expect(Self.formulary.dialysisCode(system: .icd10cm, code: "Z99.2")?.establishes == .unspecified)
        #expect(Self.formulary.dialysisCode(system: .cpt, code: "90935")?.establishes == .hemodialysis)
        #expect(Self.formulary.dialysisCode(system: .snomed, code: "71192002")?.establishes == .peritoneal)
        #expect(Self.formulary.dialysisCode(system: .snomed, code: "714749008")?.establishes == .crrt)
        // End-stage renal disease alone does not establish dialysis (conservative care, transplant).
        #expect(Self.formulary.dialysisCode(system: .icd10cm, code: "N18.6") == nil)
        #expect(Self.formulary.dialysisCode(system: .snomed, code: "46177005") == nil)
        for c in Self.formulary.dialysisCodes { #expect(!c.listing.isEmpty, "\(c.code) has no listing") }
    }

    @Test(arguments: [
        ("http://snomed.info/sct", "236435004"), ("http://snomed.info/sct", "714152005"),
        ("http://hl7.org/fhir/sid/icd-10-cm", "Z99.2"), ("http://hl7.org/fhir/sid/icd-10-cm", "Z992"),
    ])
    func codedDialysisWithoutModalityIsUnspecified(system: String, code: String) throws {
        let r = try FHIRRequestTests.decode(FHIRRequestTests.bundle([Self.condition(system, code), Self.gabapentinOrder()]))
        #expect(r.patient.kidney.dialysis == nil)
        #expect(r.patient.kidney.dialysisUnspecified)
        #expect(r.provenance["patient.kidney.dialysis"]?.contains("Condition/c") == true)
    }

    @Test func aCPTEncounterAndAnICDConditionTogetherGiveHaemodialysis() throws {
        let encounter = #"{"resourceType": "Encounter", "id": "e", "status": "finished", "class": {"code": "AMB"}, "type": [{"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "90937"}]}]}"#
        let r = try FHIRRequestTests.decode(FHIRRequestTests.bundle([
            Self.condition("http://hl7.org/fhir/sid/icd-10-cm", "Z99.2"), encounter, Self.gabapentinOrder()]))
        #expect(r.patient.kidney.dialysis == .hemodialysis)
        let report = Checker(formulary: Self.formulary).screen(r)
        #expect(report.findings.contains { $0.ruleID == "gabapentin.renal-dose.hemodialysis" && $0.severity == .major })
    }

    @Test func aCancelledEncounterOrRefutedConditionDoesNotCount() throws {
        let encounter = #"{"resourceType": "Encounter", "id": "e", "status": "cancelled", "class": {"code": "AMB"}, "type": [{"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "90935"}]}]}"#
        let refuted = #"{"resourceType": "Condition", "id": "r", "verificationStatus": {"coding": [{"code": "refuted"}]}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "Z99.2"}]}}"#
        let r = try FHIRRequestTests.decode(FHIRRequestTests.bundle([encounter, refuted, Self.gabapentinOrder()]))
        #expect(r.patient.kidney.dialysis == nil)
        #expect(!r.patient.kidney.dialysisUnspecified)
    }

    @Test func modalityNotStatedAppliesAnyModalityRulesAndReportsTheRest() throws {
        // Baclofen's avoid rule holds for every dialysis modality: it fires. Gabapentin's dose
        // rules are for haemodialysis only: they cannot be decided, and the order says so.
        let patient = Patient(kidney: KidneyStatus(dialysisUnspecified: true))
        let request = ScreeningRequest(patient: patient, orders: [try Sig.parse("baclofen 10 mg po tid", id: "b"),
                                                                  try Sig.parse("gabapentin 300 mg po tid", id: "g")])
        let report = Checker(formulary: Self.formulary).screen(request)
        #expect(report.findings.contains { $0.ruleID == "baclofen.kidney.avoid" && $0.severity == .contraindicated })
        let gaba = try #require(report.orders.first { $0.id == "g" })
        #expect(gaba.status == .unscreened)
        let missing = report.findings.filter { $0.orderIDs == ["g"] && $0.category == .unscreened }
        #expect(missing.contains { $0.detail.contains("the dialysis modality") })
        #expect(!report.findings.contains { $0.detail.contains("dialysis status (patient.kidney.dialysis)") })
    }

    @Test func theJSONRequestAcceptsUnspecified() throws {
        let json = #"{"patient": {"kidney": {"dialysis": "unspecified"}}, "orders": [{"drug": "baclofen", "dose": {"value": 10, "unit": "mg"}, "frequency": "tid"}]}"#
        let r = try ScreeningRequest.decode(json: Array(json.utf8), formulary: Self.formulary)
        #expect(r.patient.kidney.dialysisUnspecified)
        #expect(r.patient.kidney.dialysis == nil)
    }

    @Test func theLoaderRejectsABadDialysisFile() throws {
        let problems = try TemporaryFormulary.problems(["dialysis.json": #"{"dialysis": [{"system": "loinc", "code": "1", "name": "x", "establishes": "hemodialysis", "listing": "x"}, {"system": "cpt", "code": "90935", "name": "a", "establishes": "sometimes", "listing": "x"}, {"system": "cpt", "code": "90937", "name": "b", "establishes": "hemodialysis", "listing": "x"}, {"system": "cpt", "code": "90937", "name": "c", "establishes": "hemodialysis", "listing": "x"}, {"system": "cpt", "code": "90945", "name": "d", "establishes": "unspecified"}]}"#])
        #expect(problems.contains { $0.file == "dialysis.json" && $0.path.contains("system") })
        #expect(problems.contains { $0.file == "dialysis.json" && $0.path.contains("establishes") })
        #expect(problems.contains { $0.file == "dialysis.json" && $0.message.contains("listed twice") })
        #expect(problems.contains { $0.file == "dialysis.json" && $0.message.contains("listing") })
        let ok = try TemporaryFormulary.formulary(["dialysis.json": #"{"dialysis": [{"system": "icd-10-cm", "code": "Z99.2", "name": "x", "establishes": "unspecified", "listing": "x"}]}"#])
        #expect(ok.dialysisCode(system: .icd10cm, code: "z992")?.establishes == .unspecified)
    }
}
