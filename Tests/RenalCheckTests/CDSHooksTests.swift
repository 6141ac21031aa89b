import Foundation
import Testing
import TestSupport
@testable import RenalCheck

/// CDS Hooks 2.0 requests in, cards out.
struct CDSHooksTests {
    static let formulary = TestFormulary.shipped

    static func example(_ name: String) throws -> [UInt8] {
        try Array(Data(contentsOf: URL(fileURLWithPath: TestPaths.root + "/examples/cds-hooks/" + name)))
    }

    static func cards(_ text: String) throws -> [[String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(root["cards"] as? [[String: Any]])
    }

    @Test func orderSignScreensEveryDraftOrderWhateverItsStatus() throws {
        let r = try ScreeningRequest.decode(cdsHooks: Self.example("order-sign.json"), formulary: Self.formulary)
        #expect(r.orders.map(\.id) == ["ord-baclofen", "ord-aluminium"])
        #expect(r.orders[1].durationDays == 28)
        #expect(r.medications.map(\.id) == ["med-citrate"])
        #expect(r.patient.id == "pt-002")
        #expect(r.patient.kidney.dialysis == .hemodialysis)
        #expect(r.patient.kidney.egfr == 6)
        #expect(r.patient.weightKg == 71)
    }

    @Test func orderSelectScreensSelectionsAndKeepsOtherDraftsAsContext() throws {
        let r = try ScreeningRequest.decode(cdsHooks: Self.example("order-select.json"), formulary: Self.formulary)
        #expect(r.orders.map(\.id) == ["ord-vitamin-e"])
        #expect(r.orders[0].dose == Dose(value: 400, unit: "IU"))
        #expect(r.medications.map(\.id) == ["ord-warfarin"])
        let report = Checker(formulary: Self.formulary).screen(r)
        #expect(report.findings.contains { $0.ruleID == "vitamin-e.interaction.warfarin" })
    }

    @Test func acceptsDraftOrdersWithoutBundleTypeAndRejectsOtherHooks() throws {
        let order = #"{"resourceType": "MedicationRequest", "id": "o1", "status": "active", "intent": "order", "medicationCodeableConcept": {"text": "baclofen"}}"#
        let body = #"{"hook": "order-sign", "hookInstance": "x", "context": {"userId": "Practitioner/1", "patientId": "p1", "draftOrders": {"resourceType": "Bundle", "entry": [{"resource": \#(order)}]}}, "prefetch": {"patient": null}}"#
        let r = try ScreeningRequest.decode(cdsHooks: Array(body.utf8), formulary: Self.formulary)
        #expect(r.orders.map(\.id) == ["o1"])
        #expect(r.patient.id == "p1")
        let other = body.replacingOccurrences(of: "order-sign", with: "patient-view")
        #expect(throws: RequestError.self) { try ScreeningRequest.decode(cdsHooks: Array(other.utf8), formulary: Self.formulary) }
        let noContext = #"{"hook": "order-sign", "hookInstance": "x"}"#
        #expect(throws: RequestError.self) { try ScreeningRequest.decode(cdsHooks: Array(noContext.utf8), formulary: Self.formulary) }
    }

    @Test func rendersOneCardPerFindingWithIndicatorSummaryAndSuggestion() throws {
        let r = try ScreeningRequest.decode(cdsHooks: Self.example("order-sign.json"), formulary: Self.formulary)
        let report = Checker(formulary: Self.formulary).screen(r)
        let cards = try Self.cards(report.cdsHooksResponse(formulary: Self.formulary, hookInstance: "h1"))
        #expect(cards.count == report.findings.count)
        for (card, finding) in zip(cards, report.findings) {
            let summary = try #require(card["summary"] as? String)
            #expect(summary.count < 140)
            #expect(card["indicator"] as? String == ScreeningReport.indicator(finding.severity))
            #expect((card["source"] as? [String: Any])?["label"] is String)
        }
        let baclofen = try #require(cards.first { ($0["detail"] as? String)?.contains("baclofen.kidney.avoid") == true })
        #expect(baclofen["indicator"] as? String == "critical")
        let suggestion = try #require((baclofen["suggestions"] as? [[String: Any]])?.first)
        let action = try #require((suggestion["actions"] as? [[String: Any]])?.first)
        #expect(action["resourceId"] as? String == "MedicationRequest/ord-baclofen")
        #expect(baclofen["selectionBehavior"] as? String == "at-most-one")
    }

    @Test func cardUUIDsAreReproducibleAndSaltedByHookInstance() throws {
        let r = try ScreeningRequest.decode(cdsHooks: Self.example("order-sign.json"), formulary: Self.formulary)
        let report = Checker(formulary: Self.formulary).screen(r)
        let a = try Self.cards(report.cdsHooksResponse(hookInstance: "h1")).map { $0["uuid"] as? String }
        let b = try Self.cards(report.cdsHooksResponse(hookInstance: "h1")).map { $0["uuid"] as? String }
        let c = try Self.cards(report.cdsHooksResponse(hookInstance: "h2")).map { $0["uuid"] as? String }
        #expect(a == b)
        #expect(a != c)
        #expect(Set(a).count == a.count)
    }

    @Test("indicator by severity", arguments: [
        (Severity.contraindicated, "critical"), (.major, "critical"), (.moderate, "warning"), (.minor, "info"), (.info, "info"),
    ])
    func indicatorBySeverity(severity: Severity, indicator: String) {
        #expect(ScreeningReport.indicator(severity) == indicator)
    }

    @Test func clipsLongSummariesBelow140Characters() {
        let long = String(repeating: "a", count: 300)
        #expect(ScreeningReport.clip(long, to: 139).count == 139)
        #expect(ScreeningReport.clip(long, to: 139).hasSuffix("…"))
        #expect(ScreeningReport.clip("short", to: 139) == "short")
    }

    @Test func noFindingsGivesAnEmptyCardsArray() throws {
        let body = #"{"hook": "order-sign", "hookInstance": "x", "context": {"userId": "Practitioner/1", "patientId": "p1", "draftOrders": {"resourceType": "Bundle", "entry": []}}}"#
        #expect(throws: RequestError.self) { try ScreeningRequest.decode(cdsHooks: Array(body.utf8), formulary: Self.formulary) }
        let report = Checker(formulary: Self.formulary).screen(ScreeningRequest(asOf: Instant(iso: "2026-11-21"), patient: Patient(), orders: []))
        #expect(report.cdsHooksResponse(indent: 0) == #"{"cards":[]}"#)
    }
}
