import Foundation
import RenalCheck
import RenalCheckService
import Testing

/// Discovery, calls with and without prefetch, and FHIR server failures, over real HTTP.
@Suite struct CDSHooksEndToEndTests {
    @Test func discoveryListsBothHooksWithPrefetchTemplates() async throws {
        let keys = TestKeys()
        let s = try Harness.server(keys)
        defer { s.stop() }
        let r = try await HTTP.get(s.base + "/cds-services", token: try await Harness.token(keys, "/cds-services"))
        #expect(r.status == 200)
        let services = try #require(r.json["services"] as? [[String: Any]])
        #expect(Set(services.compactMap { $0["hook"] as? String }) == ["order-select", "order-sign"])
        #expect(Set(services.compactMap { $0["id"] as? String }) == [CDSService.serviceID])
        let prefetch = try #require(services.first?["prefetch"] as? [String: String])
        #expect(Set(prefetch.keys) == ["patient", "conditions", "dialysis", "labs", "activeMeds"])
        #expect(prefetch["patient"] == "Patient/{{context.patientId}}")
        #expect(prefetch["activeMeds"] == "MedicationRequest?patient={{context.patientId}}&status=active")
        // eGFR, creatinine, potassium, magnesium, calcium, phosphate, aluminium
        for loinc in ["98979-8", "2160-0", "2823-3", "19123-9", "17861-6", "1995-0", "2777-1", "5574-9"] {
            #expect(prefetch["labs"]?.contains("http://loinc.org|\(loinc)") == true, "\(loinc)")
        }
        #expect(r.header("X-RenalCheck-Policy-SHA256")?.count == 64)
    }

    @Test func orderSignWithPrefetchAnswersWhatTheLibraryAnswers() async throws {
        let keys = TestKeys()
        let s = try Harness.server(keys)
        defer { s.stop() }
        let body = try Fixtures.orderSign()
        let r = try await HTTP.post(s.base + "/cds-services/renalcheck", json: body,
                                    token: try await Harness.token(keys, "/cds-services/renalcheck"))
        #expect(r.status == 200)
        let cards = r.cards
        let rules = Fixtures.ruleIDs(cards)
        #expect(rules.contains("baclofen.kidney.avoid"))
        #expect(!rules.contains(CDSService.dataGapRuleID))
        let baclofen = try #require(cards.first { Fixtures.ruleIDs([$0]) == ["baclofen.kidney.avoid"] })
        #expect(baclofen["indicator"] as? String == "critical")
        // Same cards, same uuids as the library gives for the same request.
        let formulary = try Formulary.builtin()
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: body))
        let report = Checker(formulary: formulary).screen(try ScreeningRequest.decode(cdsHooks: bytes, formulary: formulary))
        let expected = report.cdsHooksCardUUIDs(hookInstance: body["hookInstance"] as? String)
        #expect(cards.compactMap { $0["uuid"] as? String } == expected)
        #expect(cards.allSatisfy { ($0["overrideReasons"] as? [[String: String]])?.allSatisfy { $0["display"] != nil } == true })
        // Every card issued is on record.
        s.stop()
        let stored = try FeedbackReport.cardUUIDs(path: Harness.database(s))
        #expect(Set(expected).isSubset(of: stored))
    }

    @Test func withoutPrefetchTheServiceFetchesFromTheFHIRServer() async throws {
        let keys = TestKeys()
        let fhir = try await FHIRTestServer.start()
        defer { fhir.stop() }
        let s = try Harness.server(keys, ["--allow-insecure-fhir"])
        defer { s.stop() }
        let path = "/cds-services/renalcheck"
        let withPrefetch = try Fixtures.orderSign(hookInstance: "b7d0c0de-0000-4000-8000-000000000001")
        var without = try Fixtures.orderSignWithoutPrefetch(fhirServer: fhir.base)
        without["hookInstance"] = withPrefetch["hookInstance"]
        let a = try await HTTP.post(s.base + path, json: withPrefetch, token: try await Harness.token(keys, path))
        let b = try await HTTP.post(s.base + path, json: without, token: try await Harness.token(keys, path))
        #expect(a.status == 200 && b.status == 200)
        // Fetched data gives the same cards as prefetched data: the contraindication, not "missing data".
        #expect(Fixtures.ruleIDs(b.cards) == Fixtures.ruleIDs(a.cards))
        #expect(b.cards.compactMap { $0["uuid"] as? String } == a.cards.compactMap { $0["uuid"] as? String })
        #expect(Fixtures.ruleIDs(b.cards).contains("baclofen.kidney.avoid"))
        let asked = fhir.requests
        #expect(asked.count == 5)
        #expect(asked.allSatisfy { $0.authorization == "Bearer fhir-token-123" })
        #expect(asked.contains { $0.path.hasPrefix("/fhir/Patient/pt-002") })
        #expect(asked.contains { $0.path.hasPrefix("/fhir/Observation?patient=pt-002&code=") })
    }

    @Test func aFailingFHIRServerGivesACardSayingWhatWasNotChecked() async throws {
        let fhir = try await FHIRTestServer.start(mode: .failing)
        defer { fhir.stop() }
        let s = try Harness.openServer(["--allow-insecure-fhir"])
        defer { s.stop() }
        let r = try await HTTP.post(s.base + "/cds-services/renalcheck", json: try Fixtures.orderSignWithoutPrefetch(fhirServer: fhir.base))
        #expect(r.status == 200)
        #expect(!r.cards.isEmpty)
        let gap = try #require(r.cards.first { ($0["summary"] as? String)?.hasPrefix("Some patient data could not be read") == true })
        #expect(gap["indicator"] as? String == "warning")
        let detail = gap["detail"] as? String ?? ""
        #expect(detail.contains("dialysis") && detail.contains("HTTP 500"))
        #expect(!detail.contains("pt-002"))
    }

    @Test func aSlowFHIRServerTimesOutAndTheCallStillAnswers() async throws {
        let fhir = try await FHIRTestServer.start(mode: .slow(5))
        defer { fhir.stop() }
        let s = try Harness.openServer(["--allow-insecure-fhir", "--fhir-timeout", "0.5"])
        defer { s.stop() }
        let start = Date()
        let r = try await HTTP.post(s.base + "/cds-services/renalcheck", json: try Fixtures.orderSignWithoutPrefetch(fhirServer: fhir.base))
        #expect(Date().timeIntervalSince(start) < 4)
        #expect(r.status == 200)
        #expect(r.cards.contains { ($0["detail"] as? String)?.contains("did not answer in time") == true })
    }

    @Test func noPrefetchAndNoFHIRServerIsNeverAnAllClear() async throws {
        let s = try Harness.openServer()
        defer { s.stop() }
        var body = try Fixtures.orderSign()
        body.removeValue(forKey: "prefetch")
        let r = try await HTTP.post(s.base + "/cds-services/renalcheck", json: body)
        #expect(r.status == 200)
        #expect(Fixtures.ruleIDs(r.cards).contains { $0.hasPrefix("renalcheck.unscreened") } || r.cards.contains {
            ($0["detail"] as? String)?.contains("no FHIR server") == true })
        #expect(r.cards.contains { ($0["detail"] as? String)?.contains("no FHIR server") == true })
    }

    @Test func limitsAndErrors() async throws {
        let s = try Harness.openServer(["--max-body-bytes", "2048"])
        defer { s.stop() }
        let big = try await HTTP.post(s.base + "/cds-services/renalcheck", json: try Fixtures.orderSign())
        #expect(big.status == 413)
        let unknown = try await HTTP.post(s.base + "/cds-services/nope", json: ["hook": "order-sign"])
        #expect(unknown.status == 404)
        let bad = try await HTTP.send("POST", s.base + "/cds-services/renalcheck", body: Data("{".utf8))
        #expect(bad.status == 400)
        #expect(bad.header("X-RenalCheck-Policy-SHA256")?.count == 64)
        let health = try await HTTP.get(s.base + "/healthz")
        #expect(health.status == 200 && health.json["status"] as? String == "ok")
        let metrics = try await HTTP.get(s.base + "/metrics")
        #expect(metrics.text.contains("renalcheck_http_requests_total"))
        #expect(metrics.text.contains("renalcheck_http_request_duration_seconds_bucket"))
    }

    @Test func callsBeyondTheConcurrencyLimitAreRefusedAtOnce() async throws {
        let fhir = try await FHIRTestServer.start(mode: .slow(1.5))
        defer { fhir.stop() }
        let s = try Harness.openServer(["--allow-insecure-fhir", "--max-concurrent", "1"])
        defer { s.stop() }
        let body = try JSONSerialization.data(withJSONObject: try Fixtures.orderSignWithoutPrefetch(fhirServer: fhir.base))
        let url = s.base + "/cds-services/renalcheck"
        let first = Task { try await HTTP.send("POST", url, body: body) }
        for _ in 0..<200 where fhir.requests.isEmpty { try await Task.sleep(for: .milliseconds(25)) }
        let second = try await HTTP.send("POST", url, body: body)
        #expect(second.status == 503)
        #expect(second.header("Retry-After") == "1")
        #expect(try await first.value.status == 200)
    }
}
