import Foundation
import RenalCheckService
import Testing

/// The site policy: applied, hashed into every response, reloaded on SIGHUP without dropping calls.
@Suite struct SitePolicyTests {
    static let off = #"{"schemaVersion": 1, "name": "test", "rules": {"baclofen.kidney.avoid": {"enabled": false, "reason": "test"}}, "suggestions": false}"#
    static let lowered = #"{"schemaVersion": 1, "rules": {"baclofen.kidney.avoid": {"severity": "moderate"}}, "minimumCardSeverity": {"order-sign": "moderate"}}"#
    static let invalid = "{\n  \"schemaVersion\": 1,\n  \"rules\": {\"no.such.rule\": {\"enabled\": false}}\n}\n"

    @Test func policyAppliesAndReloadsOnSIGHUP() async throws {
        let folder = ServerProcess.makeFolder()
        let policy = folder.appendingPathComponent("policy.json")
        try Data(Self.off.utf8).write(to: policy)
        let s = try Harness.openServer(["--policy", policy.path], folder: folder)
        defer { s.stop() }
        let url = s.base + "/cds-services/renalcheck"

        let first = try await HTTP.post(url, json: try Fixtures.orderSign())
        #expect(first.status == 200)
        #expect(!Fixtures.ruleIDs(first.cards).contains("baclofen.kidney.avoid"))
        #expect(first.cards.allSatisfy { $0["suggestions"] == nil })
        #expect(first.header("X-RenalCheck-Policy-SHA256") == (try Harness.policySHA(Self.off)))

        // Calls in flight while the policy changes all get an answer.
        try Data(Self.lowered.utf8).write(to: policy)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<24 {
                group.addTask { try await HTTP.post(url, json: try Fixtures.orderSign()).status }
                if i == 8 { s.send(SIGHUP) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.allSatisfy { $0 == 200 })
        let expected = try Harness.policySHA(Self.lowered)
        try await Self.waitForPolicy(s, expected)

        let second = try await HTTP.post(url, json: try Fixtures.orderSign())
        #expect(second.header("X-RenalCheck-Policy-SHA256") == expected)
        let card = try #require(second.cards.first { Fixtures.ruleIDs([$0]) == ["baclofen.kidney.avoid"] })
        #expect(card["indicator"] as? String == "warning")
        // minimumCardSeverity moderate for order-sign: nothing below moderate, except what could not be screened.
        for c in second.cards where !(Fixtures.ruleIDs([c]).first ?? "").hasPrefix("renalcheck.") {
            #expect(c["indicator"] as? String != "info")
        }

        // An invalid file keeps the policy in force and logs where the problem is.
        try Data(Self.invalid.utf8).write(to: policy)
        s.send(SIGHUP)
        try await Task.sleep(for: .milliseconds(500))
        let health = try await HTTP.get(s.base + "/healthz")
        #expect(health.json["policySha256"] as? String == expected)
        #expect(s.log.contains("policy.json:3:"))
    }

    @Test func checkPolicyReportsFileLineColumn() throws {
        let folder = ServerProcess.makeFolder()
        let policy = folder.appendingPathComponent("policy.json")
        try Data(Self.invalid.utf8).write(to: policy)
        let (status, out) = try Harness.run(["check-policy", policy.path])
        #expect(status == 65)
        #expect(out.contains("policy.json:3:"))
        #expect(out.contains("unknown rule id 'no.such.rule'"))
        let unscreened = #"{"schemaVersion": 1, "rules": {"renalcheck.unscreened.unknown-drug": {"enabled": false}}}"#
        try Data(unscreened.utf8).write(to: policy)
        let (s2, out2) = try Harness.run(["check-policy", policy.path])
        #expect(s2 == 65)
        #expect(out2.contains("cannot turn it off"))
        try Data(Self.lowered.utf8).write(to: policy)
        let (s3, out3) = try Harness.run(["check-policy", policy.path])
        #expect(s3 == 0)
        #expect(out3.contains(try Harness.policySHA(Self.lowered)))
        // The example shipped with the service is valid.
        let example = Fixtures.root.appendingPathComponent("Server/site-policy.example.json").path
        let (s4, out4) = try Harness.run(["check-policy", example])
        #expect(s4 == 0, "\(out4)")
    }

    static func waitForPolicy(_ s: ServerProcess, _ sha: String) async throws {
        for _ in 0..<100 {
            if try await HTTP.get(s.base + "/healthz").json["policySha256"] as? String == sha { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("policy \(sha) not in force after SIGHUP")
    }
}
