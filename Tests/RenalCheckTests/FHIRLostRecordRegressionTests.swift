import Foundation
import Testing
import TestSupport

/// Issue 12: FHIR input that once lost part of an order or a whole record in silence — the
/// second ingredient of a combination, a second resource with the same id, Bundles nested deep.
struct FHIRLostRecordRegressionTests {
    static let formulary = TestFormulary.shipped

    static func order(_ id: String, text: String) -> String {
        #"{"resourceType": "MedicationRequest", "id": "\#(id)", "status": "draft", "intent": "order", "subject": {"reference": "Patient/p"}, "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "999999001", "display": "\#(text)"}]}, "dosageInstruction": [{"timing": {"repeat": {"frequency": 1, "period": 1, "periodUnit": "d"}}, "doseAndRate": [{"doseQuantity": {"value": 1, "unit": "tablet"}}]}]}"#
    }

    static func bundle(_ resources: [String]) -> String {
        let entries = resources.map { #"{"resource": \#($0)}"# }.joined(separator: ",")
        return #"{"resourceType": "Bundle", "type": "collection", "timestamp": "2026-11-21T10:00:00Z", "entry": [\#(entries)]}"#
    }

    static func decode(_ json: String) throws -> ScreeningRequest {
        try ScreeningRequest.decode(fhirBundle: Array(json.utf8), source: "test", formulary: formulary)
    }

    static func screenOnHD(_ r: ScreeningRequest) -> ScreeningReport {
        var r = r
        r.patient.kidney = KidneyStatus(dialysis: .hemodialysis)
        return Checker(formulary: formulary).screen(r)
    }

    // MARK: row 4 — only the first ingredient was kept

    // The FHIR reader keeps an RxNorm normalised name whole; the checker resolves it ingredient by
    // ingredient with strengths (issue 17) and reports each ingredient as `ORDER#ingredient`.

    @Test func everyIngredientOfACombinationIsScreened() throws {
        let r = try Self.decode(Self.bundle([Self.order("o1", text: "hydrochlorothiazide 25 MG / spironolactone 25 MG Oral Tablet")]))
        let report = Self.screenOnHD(r)
        #expect(report.orders.map(\.drug) == ["hydrochlorothiazide", "spironolactone"])
        #expect(report.orders.allSatisfy { $0.id.hasPrefix("o1") })
        #expect(report.findings(rule: "spironolactone.kidney.avoid").count == 1)
    }

    @Test func anIngredientNotUnderstoodLeavesTheOrderUnscreenedAndNamesIt() throws {
        let r = try Self.decode(Self.bundle([Self.order("o1", text: "amlodipine 10 MG / zzmadeupium 80 MG Oral Tablet")]))
        let report = Self.screenOnHD(r)
        #expect(report.hasUnscreenedOrders)
        #expect(report.findings.contains { $0.ruleID == "renalcheck.unscreened.unknown-drug" && $0.drugs == ["zzmadeupium"] })
    }

    @Test func bothKnownIngredientsAreKept() throws {
        let r = try Self.decode(Self.bundle([Self.order("o1", text: "amlodipine 10 MG / atorvastatin 80 MG Oral Tablet")]))
        #expect(Self.screenOnHD(r).orders.map(\.drug) == ["amlodipine", "atorvastatin"])
    }

    @Test func aConcentrationIsNotACombination() throws {
        let r = try Self.decode(Self.bundle([Self.order("o1", text: "furosemide 10 MG/ML Injectable Solution")]))
        #expect(Self.screenOnHD(r).orders.map(\.drug) == ["furosemide"])
    }

    // MARK: duplicate ids — the second resource was dropped

    @Test func twoDifferentOrdersWithOneIdAreAnError() {
        let json = Self.bundle([Self.order("dup", text: "baclofen 10 MG Oral Tablet"), Self.order("dup", text: "spironolactone 25 MG Oral Tablet")])
        #expect(throws: RequestError.self) { _ = try Self.decode(json) }
    }

    @Test func theSameOrderTwiceIsKeptOnce() throws {
        let o = Self.order("same", text: "baclofen 10 MG Oral Tablet")
        let r = try Self.decode(Self.bundle([o, o]))
        #expect(r.orders.count == 1)
    }

    // MARK: nested Bundles — deeper than 8 were ignored in silence

    @Test func bundlesNestedTooDeepAreAnError() {
        var inner = Self.bundle([Self.order("o1", text: "baclofen 10 MG Oral Tablet")])
        for _ in 0..<9 { inner = Self.bundle([inner]) }
        #expect(throws: RequestError.self) { _ = try Self.decode(inner) }
    }

    @Test func bundlesNestedWithinTheLimitAreRead() throws {
        var inner = Self.bundle([Self.order("o1", text: "baclofen 10 MG Oral Tablet")])
        for _ in 0..<6 { inner = Self.bundle([inner]) }
        #expect(try Self.decode(inner).orders.count == 1)
    }
}
