import Foundation
import Testing
import TestSupport

/// Issue 12 at the command line: patient numbers checked, the exit status when an order is both
/// hazardous and partly unscreened, and no request text in error messages.
struct HostileCLITests {
    @Test("a patient number that is not finite or in range is a usage error", arguments: [
        ["--egfr", "nan"], ["--crcl", "nan"], ["--age", "nan"], ["--sessions", "0"], ["--weight", "-5"], ["--egfr", "inf"],
        ["--crcl", "-1"], ["--age", "200"],
    ])
    func patientNumbers(option: [String]) throws {
        let run = try CLIRunner.run(["screen", "--dialysis", "none"] + option + ["--order", "baclofen 10 mg po tid"])
        #expect(run.status == 64)
        #expect(run.stderr.contains(option[0]))
        #expect(!run.stderr.contains("Missing value"))
    }

    @Test func aLabValueThatIsNotFiniteIsAUsageError() throws {
        let run = try CLIRunner.run(["screen", "--dialysis", "none", "--lab", "calcium-total nan mg/dL", "--order", "baclofen 10 mg po tid"])
        #expect(run.status == 64)
    }

    @Test func aHazardAndAPartlyUnscreenedOrderExit4AndBothAreSaid() throws {
        let request = #"{"patient": {"kidney": {"dialysis": "hemodialysis"}}, "orders": [{"id": "o1", "drug": "gabapentin", "dose": {"value": 300, "unit": "mg"}, "route": "IVPB", "frequency": "daily"}, {"id": "o2", "drug": "baclofen", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "tid"}]}"#
        let text = try CLIRunner.run(["screen", "-"], stdin: request)
        #expect(text.status == 4)
        #expect(text.stdout.contains("order o1 (gabapentin) was NOT fully screened"))
        #expect(text.stdout.contains("1 of 2 orders NOT fully screened"))
        let json = try CLIRunner.run(["screen", "--format", "json", "-"], stdin: request)
        #expect(json.status == 4)
        #expect(json.stdout.contains(#""allScreened": false"#))
    }

    @Test func onlyAHazardStillExits2() throws {
        let request = #"{"patient": {"kidney": {"dialysis": "hemodialysis"}}, "orders": [{"id": "o2", "drug": "baclofen", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "tid"}]}"#
        let run = try CLIRunner.run(["screen", "--format", "json", "-"], stdin: request)
        #expect(run.status == 2)
        #expect(run.stdout.contains(#""allScreened": true"#))
    }

    @Test func aTruncatedRequestIsNotQuotedInTheError() throws {
        let run = try CLIRunner.run(["screen", "-"], stdin: #"{"patient":{"id":"MRN-7731-SECRET"#)
        #expect(run.status == 65)
        #expect(!run.stderr.contains("7731"))
    }
}
