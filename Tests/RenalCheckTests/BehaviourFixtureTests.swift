import Foundation
import Testing
import TestSupport

/// Every clinical behaviour the formulary must produce, screened against the shipped formulary.
///
/// Each fixture under `Tests/Fixtures/behaviour/` holds a screening request and what must (and
/// must not) be found; see the format in `Tests/Fixtures/README.md`.
struct BehaviourFixtureTests {
    static let names = TestPaths.fixtures(in: "behaviour")

    @Test("there are behaviour fixtures")
    func fixturesExist() {
        #expect(Self.names.count > 100)
    }

    @Test("behaviour fixture", arguments: names)
    func fixture(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("behaviour/" + name)))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let requestObject = try #require(root["request"])
        let expect = try #require(root["expect"] as? [String: Any])
        let requestBytes = try JSONSerialization.data(withJSONObject: requestObject)
        let req = try ScreeningRequest.decode(json: [UInt8](requestBytes), source: name, formulary: TestFormulary.shipped)
        let report = Checker(formulary: TestFormulary.shipped).screen(req)
        let summary = report.findings.map { "\($0.severity.rawValue) \($0.category.rawValue) \($0.ruleID) \($0.drugs) \($0.orderIDs)" }
            .joined(separator: "\n  ")

        func matches(_ f: Finding, _ want: [String: Any]) -> Bool {
            for (key, value) in want {
                let v = "\(value)"
                switch key {
                case "drug": if !f.drugs.contains(v) { return false }
                case "ruleId": if f.ruleID != v { return false }
                case "severity": if f.severity.rawValue != v { return false }
                case "category": if f.category.rawValue != v { return false }
                case "order": if !f.orderIDs.contains(v) { return false }
                default: Issue.record("\(name): unknown expectation key \(key)"); return false
                }
            }
            return true
        }
        for want in expect["findings"] as? [[String: Any]] ?? [] {
            #expect(report.findings.contains { matches($0, want) }, "\(name): expected \(want)\n  got:\n  \(summary)")
        }
        for unwanted in expect["absent"] as? [[String: Any]] ?? [] {
            #expect(!report.findings.contains { matches($0, unwanted) }, "\(name): did not expect \(unwanted)\n  got:\n  \(summary)")
        }
        if let level = expect["noFindingAtOrAbove"] as? String {
            let threshold = try #require(Severity(rawValue: level))
            #expect(!report.findings.contains { $0.severity >= threshold }, "\(name): expected nothing at or above \(level)\n  got:\n  \(summary)")
        }
        for (order, status) in expect["orderStatus"] as? [String: String] ?? [:] {
            let result = try #require(report.orders.first { $0.id == order }, "\(name): no order \(order)")
            #expect(result.status.rawValue == status, "\(name): order \(order) status \(result.status.rawValue), expected \(status)\n  got:\n  \(summary)")
        }
    }
}
