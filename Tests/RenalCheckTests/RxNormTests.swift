import Foundation
import Testing
import TestSupport

/// RxNorm clinical drugs: normalised names, per-ingredient resolution with strengths, the RRF
/// importer on a fixture in NLM's layout, and the map file.
struct RxNormTests {
    static let formulary = TestFormulary.shipped

    static func rrf(_ name: String) throws -> [UInt8] {
        try Array(Data(contentsOf: URL(fileURLWithPath: TestPaths.root + "/examples/rxnorm/" + name)))
    }

    static func imported() throws -> RxNormMap {
        try RxNormMap.importRRF(conso: rrf("RXNCONSO.RRF"), rel: rrf("RXNREL.RRF"), formulary: formulary)
    }

    @Test func parsesNormalisedNames() throws {
        let scd = try #require(ClinicalDrugName("gabapentin 300 MG Oral Capsule"))
        #expect(scd.components == [ClinicalDrugComponent(ingredient: "gabapentin", strength: Dose(value: 300, unit: "mg"))])
        #expect(scd.doseForm == "Oral Capsule")
        let sbd = try #require(ClinicalDrugName("gabapentin 300 MG Oral Capsule [Neurontin]"))
        #expect(sbd.brand == "Neurontin")
        #expect(sbd.components.map(\.ingredient) == ["gabapentin"])
        let combo = try #require(ClinicalDrugName("acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet"))
        #expect(combo.components == [ClinicalDrugComponent(ingredient: "acetaminophen", strength: Dose(value: 325, unit: "mg")),
                                     ClinicalDrugComponent(ingredient: "oxycodone hydrochloride", strength: Dose(value: 5, unit: "mg"))])
        #expect(combo.doseForm == "Oral Tablet")
        let liquid = try #require(ClinicalDrugName("baclofen 5 MG/ML Oral Solution"))
        #expect(liquid.components.first?.perUnit == "mL")
        let er = try #require(ClinicalDrugName("24 HR gabapentin 600 MG Extended Release Oral Tablet"))
        #expect(er.components.map(\.ingredient) == ["gabapentin"])
        let pack = try #require(ClinicalDrugName("{90 (gabapentin 300 MG Oral Capsule) } Pack"))
        #expect(pack.isPack && pack.components.first?.strength == Dose(value: 300, unit: "mg"))
        #expect(ClinicalDrugName("gabapentin") == nil)
        #expect(ClinicalDrugName("Take 1 capsule") == nil)
    }

    @Test func importsTheFixtureInNLMsLayout() throws {
        let map = try Self.imported()
        #expect(Set(map.concepts.keys) == ["310431", "105029", "9000010", "197391", "9000005"])
        #expect(map.concept(rxcui: "310431")?.name == "gabapentin 300 MG Oral Capsule")
        #expect(map.concept(rxcui: "310431")?.ingredients == ["25480"])
        #expect(map.concept(rxcui: "105029")?.tty == "SBD")
        #expect(map.concept(rxcui: "9000005")?.ingredients == ["161", "7804"])
        // guaifenesin (no formulary ingredient), the obsolete name and other sources are left out.
        #expect(map.concept(rxcui: "9000007") == nil && map.concept(rxcui: "9000008") == nil)
        // The JSON round trip keeps every concept.
        let again = try RxNormMap.load(json: map.jsonBytes())
        #expect(again == map)
    }

    @Test func rejectsALineNotInTheLayout() throws {
        #expect(throws: RxNormMapError.self) {
            try RxNormMap.importRRF(conso: Array("25480|ENG|gabapentin\n".utf8), rel: [], formulary: Self.formulary)
        }
        #expect(throws: RxNormMapError.self) { try RxNormMap.load(json: Array(#"{"format": "x", "version": 1, "concepts": []}"#.utf8)) }
    }

    @Test func resolvesAnSCDCodedOrderWithACountOfUnits() throws {
        let map = try Self.imported()
        var order = MedicationEntry(id: "o", drug: .rxnorm("310431"), dose: Dose(value: 1, unit: "{capsule}"), route: "oral",
                                    frequency: Frequency(code: "tid"))
        var request = ScreeningRequest(patient: Patient(kidney: KidneyStatus(dialysis: .hemodialysis)), orders: [order])
        let resolved = request.resolvingClinicalDrugs(formulary: Self.formulary, rxnorm: map)
        #expect(resolved.orders == [MedicationEntry(id: "o", drug: .name("gabapentin"), dose: Dose(value: 300, unit: "mg"), route: "oral",
                                                    frequency: Frequency(code: "tid"))])
        let report = Checker(formulary: Self.formulary, rxnorm: map).screen(request)
        #expect(report.findings.contains { $0.ruleID == "gabapentin.renal-dose.hemodialysis" })
        // Without the map the code is not understood and the order says so.
        let bare = Checker(formulary: Self.formulary).screen(request)
        #expect(bare.orders.first?.status == .unscreened)
        // Two tablets of a capsule product is not a count the checker can use: unscreened, not guessed.
        order.dose = Dose(value: 2, unit: "{tbl}")
        request.orders = [order]
        #expect(Checker(formulary: Self.formulary, rxnorm: map).screen(request).orders.first?.status == .unscreened)
    }

    @Test func resolvesNamesWithoutAMap() throws {
        let request = ScreeningRequest(patient: Patient(kidney: KidneyStatus(dialysis: .hemodialysis)), orders: [
            MedicationEntry(id: "a", drug: .name("Neurontin 300 MG Oral Capsule"), dose: Dose(value: 2, unit: "capsule"), frequency: Frequency(code: "bid")),
            MedicationEntry(id: "b", drug: .name("baclofen 5 MG/ML Oral Solution"), dose: Dose(value: 2, unit: "mL"), frequency: Frequency(code: "tid")),
        ])
        let r = request.resolvingClinicalDrugs(formulary: Self.formulary)
        #expect(r.orders.map(\.drug) == [.name("gabapentin"), .name("baclofen")])
        #expect(r.orders.map(\.dose) == [Dose(value: 600, unit: "mg"), Dose(value: 10, unit: "mg")])
    }

    @Test func aCombinationBecomesOneEntryPerIngredientAndIsNeverSilent() throws {
        let order = MedicationEntry(id: "mr1", drug: .name("acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet"),
                                    dose: Dose(value: 2, unit: "tablet"), route: "oral", frequency: Frequency(code: "q6h"))
        let request = ScreeningRequest(patient: Patient(kidney: KidneyStatus(dialysis: .hemodialysis)), orders: [order])
        let r = request.resolvingClinicalDrugs(formulary: Self.formulary)
        #expect(r.orders.count == 2)
        #expect(r.orders.map(\.dose) == [Dose(value: 650, unit: "mg"), Dose(value: 10, unit: "mg")])
        #expect(r.orders.allSatisfy { $0.id?.hasPrefix("mr1#") == true })
        let report = Checker(formulary: Self.formulary).screen(request)
        #expect(report.orders.count == 2)
        // Every ingredient the formulary does not know leaves its part unscreened, visibly.
        for o in report.orders where Self.formulary.drug(named: o.drug) == nil { #expect(o.status == .unscreened) }
        // A mass dose for a combination cannot be shared out: not understood, never split silently.
        var mg = order
        mg.dose = Dose(value: 650, unit: "mg")
        let split = ScreeningRequest(patient: request.patient, orders: [mg]).resolvingClinicalDrugs(formulary: Self.formulary)
        #expect(split.orders.allSatisfy { $0.dose?.quantity == nil })
        // FHIR output points every part at its order.
        #expect(report.fhirBundle(formulary: Self.formulary).contains("MedicationRequest/mr1\""))
    }

    @Test func theIngredientRxCUIOfBaclofenResolves() throws {
        let json = #"{"patient": {"kidney": {"dialysis": "hemodialysis"}}, "orders": [{"drug": {"rxnorm": "1292"}, "dose": {"value": 10, "unit": "mg"}, "frequency": "tid"}]}"#
        let report = Checker(formulary: Self.formulary).screen(try ScreeningRequest.decode(json: Array(json.utf8), formulary: Self.formulary))
        #expect(report.findings.contains { $0.ruleID == "baclofen.kidney.avoid" })
    }
}
