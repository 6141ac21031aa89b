import Foundation
import Testing
import TestSupport
@testable import RenalCheck

/// ScreeningReport → FHIR R4 Bundle of DetectedIssue.
struct FHIRReportTests {
    static let formulary = TestFormulary.shipped

    static func issues(_ report: ScreeningReport, status: DetectedIssueStatus = .final) throws -> (bundle: [String: Any], issues: [[String: Any]]) {
        let text = report.fhirBundle(formulary: formulary, status: status)
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let entries = bundle["entry"] as? [[String: Any]] ?? []
        return (bundle, try entries.map { try #require($0["resource"] as? [String: Any]) })
    }

    static func screenExample() throws -> ScreeningReport {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: TestPaths.root + "/examples/fhir/dialysis-patient-bundle.json")))
        let r = try ScreeningRequest.decode(fhirBundle: bytes, formulary: formulary)
        return Checker(formulary: formulary).screen(r)
    }

    static func code(_ issue: [String: Any]) -> String? {
        ((issue["code"] as? [String: Any])?["coding"] as? [[String: Any]])?.first?["code"] as? String
    }

    @Test func writesOneDetectedIssuePerFinding() throws {
        let report = try Self.screenExample()
        let (bundle, issues) = try Self.issues(report)
        #expect(bundle["resourceType"] as? String == "Bundle")
        #expect(bundle["type"] as? String == "collection")
        #expect(issues.count == report.findings.count)
        #expect(issues.allSatisfy { $0["resourceType"] as? String == "DetectedIssue" && $0["status"] as? String == "final" })
        #expect(issues.allSatisfy { ($0["patient"] as? [String: Any])?["reference"] as? String == "Patient/pt-001" })
        let baclofen = try #require(issues.first { ($0["detail"] as? String)?.hasPrefix("Baclofen") == true })
        #expect(baclofen["severity"] as? String == "high")
        #expect(Self.code(baclofen) == "COND")
        let implicated = try #require(baclofen["implicated"] as? [[String: Any]])
        #expect(implicated.first?["reference"] as? String == "MedicationRequest/ord-baclofen")
        #expect((baclofen["reference"] as? String)?.hasPrefix("https://") == true)
        let mitigation = try #require((baclofen["mitigation"] as? [[String: Any]])?.first?["action"] as? [String: Any])
        #expect(mitigation["text"] as? String == report.findings.first { $0.ruleID == "baclofen.kidney.avoid" }?.recommendation)
    }

    @Test func unscreenedFindingsHaveTextOnlyCodes() throws {
        let report = try Self.screenExample()
        let (_, issues) = try Self.issues(report, status: .preliminary)
        #expect(issues.allSatisfy { $0["status"] as? String == "preliminary" })
        let unknown = try #require(zip(report.findings, issues).first { $0.0.ruleID == "renalcheck.unscreened.unknown-drug" }?.1)
        #expect(Self.code(unknown) == nil)
        #expect((unknown["code"] as? [String: Any])?["text"] as? String == "unscreened")
    }

    @Test("ActCode by category", arguments: [
        (FindingCategory.avoidInKidneyFailure, RuleKind.avoid, "COND"),
        (.renalDose, .doseLimit, "DOSEH"),
        (.duplicate, .cumulative, "MDOSE"),
        (.duplicate, .duplicate, "DUPTHPY"),
        (.interaction, .interaction, "DRG"),
        (.lab, .lab, "LAB"),
        (.dialysisTiming, .dialysisTiming, "TIME"),
        (.doseTiming, .dialysisTiming, "DOSEIVL"),
        (.duration, .duration, "DOSEDUR"),
        (.cascade, .cascade, "DACT"),
    ])
    func mapsCategoriesToActCodes(category: FindingCategory, kind: RuleKind, code: String) {
        let rule = Rule(id: "t", kind: kind, severity: .moderate, category: category, summary: "s", detail: "d",
                        recommendation: "r", sources: [], drugID: nil, file: "f", when: nil, body: .predicate)
        let finding = Finding(rule: rule, severity: .moderate, orderIDs: ["1"], drugs: ["baclofen"], note: nil)
        #expect(DetectedIssueCoding.issue(finding, formulary: Self.formulary)?.code == code)
    }

    @Test func herbalInteractionsAreNHP() {
        let rule = Rule(id: "t", kind: .interaction, severity: .moderate, category: .interaction, summary: "s", detail: "d",
                        recommendation: "r", sources: [], drugID: nil, file: "f", when: nil, body: .predicate)
        let finding = Finding(rule: rule, severity: .moderate, orderIDs: ["1"], drugs: ["shakuyakukanzoto", "furosemide"], note: nil)
        #expect(DetectedIssueCoding.issue(finding, formulary: Self.formulary)?.code == "NHP")
        #expect(DetectedIssueCoding.issue(finding, formulary: nil)?.code == "DRG")
    }

    @Test("severity", arguments: [(Severity.contraindicated, "high"), (.major, "high"), (.moderate, "moderate"), (.minor, "low"), (.info, "low")])
    func mapsSeverity(severity: Severity, expected: String) {
        #expect(DetectedIssueCoding.severity(severity) == expected)
    }

    @Test func identifiersAreDeterministicUUIDs() throws {
        let a = try Self.issues(Self.screenExample()).issues.map { $0["id"] as? String }
        let b = try Self.issues(Self.screenExample()).issues.map { $0["id"] as? String }
        #expect(a == b)
        #expect(a.allSatisfy { $0?.count == 36 && $0?.dropFirst(14).first == "8" })
    }

    @Test func keepsURLOrderIDsAsReferences() {
        #expect(ScreeningReport.reference("MedicationRequest", "urn:uuid:1") == "urn:uuid:1")
        #expect(ScreeningReport.reference("MedicationRequest", "ord-1") == "MedicationRequest/ord-1")
    }
}
