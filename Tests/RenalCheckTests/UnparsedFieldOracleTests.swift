import Foundation
import Testing
import TestSupport

/// Issue 12 guard, the fuzz oracle of `Fuzz/Sources/fuzz-request` run over every behaviour
/// fixture: a request that differs only in one field the checker cannot parse (route,
/// frequency, timing, dose unit) never screens cleaner — that order is reported unscreened and
/// every finding about the other orders is kept. `make fuzz` applies the same check to every
/// input the fuzzer makes.
struct UnparsedFieldOracleTests {
    static let names = TestPaths.fixtures(in: "behaviour")
    static let checker = Checker(formulary: TestFormulary.shipped)

    @Test("an unparsed field never screens cleaner", arguments: names)
    func oracle(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("behaviour/" + name)))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: try #require(root["request"])))
        let request = try ScreeningRequest.decode(json: bytes, source: name, formulary: TestFormulary.shipped)
        let report = Self.checker.screen(request)
        let garbage = "zz-unparsed"
        for i in request.orders.indices.prefix(3) {
            let id = report.orders[i].id
            let variants: [(String, (inout MedicationEntry) -> Void)] = [
                ("route", { $0.route = garbage }),
                ("frequency", { $0.frequency = nil; $0.unrecognizedFrequency = garbage }),
                ("timing", { $0.timing = garbage }),
                ("dose unit", { e in if let d = e.dose { e.dose = Dose(value: d.value, unit: garbage) } }),
            ]
            for (field, change) in variants {
                var changed = request
                change(&changed.orders[i])
                if changed.orders[i] == request.orders[i] { continue }
                let other = Self.checker.screen(changed)
                #expect(other.orders[i].status == .unscreened, "\(name): order \(id) with an unparsed \(field) was reported screened")
                let kept = Set(other.findings.map { "\($0.ruleID) \($0.orderIDs)" })
                for f in report.findings where !f.orderIDs.contains(id) {
                    #expect(kept.contains("\(f.ruleID) \(f.orderIDs)"), "\(name): an unparsed \(field) in order \(id) lost \(f.ruleID)")
                }
            }
        }
    }
}
