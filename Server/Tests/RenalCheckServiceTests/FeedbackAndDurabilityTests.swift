import Foundation
import RenalCheckService
import Testing

/// Feedback round trip, the report, durability across kill -9, and draining on SIGTERM.
@Suite struct FeedbackAndDurabilityTests {
    @Test func feedbackRoundTripAndReport() async throws {
        let keys = TestKeys()
        let s = try Harness.server(keys)
        let path = "/cds-services/renalcheck"
        let r = try await HTTP.post(s.base + path, json: try Fixtures.orderSign(), token: try await Harness.token(keys, path))
        #expect(r.status == 200)
        let cards = r.cards
        try #require(cards.count >= 2)
        let rules = Fixtures.ruleIDs(cards)
        let uuids = cards.compactMap { $0["uuid"] as? String }
        let feedback: [String: Any] = ["feedback": [
            ["card": uuids[0], "outcome": "overridden", "outcomeTimestamp": "2026-11-27T10:00:00Z",
             "overrideReason": ["reason": ["system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "5", "display": "Consulted Prescriber"],
                                "userComment": "SECRET-COMMENT-TEXT"]],
            ["card": uuids[1], "outcome": "accepted", "outcomeTimestamp": "2026-11-27T10:00:01Z", "acceptedSuggestions": [["id": "x"]]],
            ["card": uuids[0], "outcome": "overridden", "outcomeTimestamp": "2026-11-27T10:00:02Z"],
        ]]
        let f = try await HTTP.post(s.base + path + "/feedback", json: feedback, token: try await Harness.token(keys, path + "/feedback"))
        #expect(f.status == 200)
        #expect(f.json["stored"] as? Int == 3)
        let bad = try await HTTP.post(s.base + path + "/feedback", json: ["feedback": [["card": "x", "outcome": "maybe"]]],
                                      token: try await Harness.token(keys, path + "/feedback"))
        #expect(bad.status == 400)
        #expect(s.stop() == 0)

        let (status, out) = try Harness.run(["report", "--json", "--database", Harness.database(s)])
        #expect(status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(report["feedback"] as? Int == 3)
        let lines = try #require(report["rules"] as? [[String: Any]])
        let first = try #require(lines.first { $0["ruleId"] as? String == rules[0] })
        #expect(first["overridden"] as? Int == 1)
        #expect(first["comments"] as? Int == 1)
        let reasons = first["reasons"] as? [[String: Any]] ?? []
        #expect(reasons.contains { $0["reason"] as? String == "Consulted Prescriber" && $0["count"] as? Int == 1 })
        #expect(reasons.contains { $0["reason"] as? String == "(no reason given)" })
        let second = try #require(lines.first { $0["ruleId"] as? String == rules[1] })
        #expect(second["accepted"] as? Int == 1)
        let (_, text) = try Harness.run(["report", "--database", Harness.database(s)])
        #expect(text.contains(rules[0]) && text.contains("Consulted Prescriber"))
        // No comment text, no patient id in the database.
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: Harness.database(s) + suffix))) ?? Data()
            #expect(bytes.range(of: Data("SECRET-COMMENT-TEXT".utf8)) == nil)
            #expect(bytes.range(of: Data("pt-002".utf8)) == nil)
        }
    }

    @Test func nothingAnsweredIsLostWhenTheServerIsKilledMidLoad() async throws {
        let folder = ServerProcess.makeFolder()
        let s = try Harness.openServer([], folder: folder)
        let url = s.base + "/cds-services/renalcheck"
        let received = ReceivedCards()
        // Four clients post until the server dies; it is killed after 40 answers.
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<400 {
                        guard let r = try? await HTTP.post(url, json: try Fixtures.orderSign()), r.status == 200 else { return }
                        if received.add(r.cards.compactMap { $0["uuid"] as? String }) >= 40 { s.send(SIGKILL) }
                    }
                }
            }
        }
        #expect(s.wait(timeout: 10) != nil)
        let answered = received.all
        #expect(answered.count >= 40)
        // Restart on the same database: every card that was answered is there, and the file is sound.
        let again = try Harness.openServer([], folder: folder)
        #expect(try await HTTP.get(again.base + "/healthz").status == 200)
        #expect(again.stop() == 0)
        let stored = try FeedbackReport.cardUUIDs(path: Harness.database(again))
        #expect(answered.isSubset(of: stored), "lost \(answered.subtracting(stored).count) of \(answered.count)")
        #expect(try FeedbackReport.integrity(path: Harness.database(again)) == "ok")
    }

    @Test func sigtermDrainsACallInFlight() async throws {
        let fhir = try await FHIRTestServer.start(mode: .slow(1.5))
        defer { fhir.stop() }
        let s = try Harness.openServer(["--allow-insecure-fhir", "--fhir-timeout", "5"])
        let call = Task { try await HTTP.post(s.base + "/cds-services/renalcheck", json: try Fixtures.orderSignWithoutPrefetch(fhirServer: fhir.base)) }
        // SIGTERM once the call is in flight: the service is waiting on the (slow) FHIR server.
        for _ in 0..<200 where fhir.requests.isEmpty { try await Task.sleep(for: .milliseconds(25)) }
        #expect(!fhir.requests.isEmpty)
        s.send(SIGTERM)
        let r = try await call.value
        #expect(r.status == 200)
        #expect(Fixtures.ruleIDs(r.cards).contains("baclofen.kidney.avoid"))
        #expect(s.wait() == 0)
        let stored = try FeedbackReport.cardUUIDs(path: Harness.database(s))
        #expect(Set(r.cards.compactMap { $0["uuid"] as? String }).isSubset(of: stored))
    }
}
