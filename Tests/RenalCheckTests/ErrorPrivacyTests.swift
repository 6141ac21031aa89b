import Testing
import TestSupport

/// Issue 12, privacy: an error message never quotes a request value. A sentinel is put in every
/// place a patient's data can sit in a malformed request — a truncated document (jansson's
/// "near '…'" context), dates, ids, conditions, lab names, enumerations — for each reader; every
/// message (CLI, NDJSON error records and the C API all render these) must be free of it.
struct ErrorPrivacyTests {
    static let secret = "MRN-7731-SECRET"
    static let formulary = TestFormulary.shipped

    static let jsonRequests: [String] = [
        #"{"patient":{"id":"\#(secret)"#,
        #"{"patient":{"id":"\#(secret)"}, "orders": [{"drug": "baclofen", "dose": {"value": 1, "unit": "mg"}}], "x": \#(secret)}"#,
        #"{"asOf": "\#(secret)", "patient": {}, "orders": []}"#,
        #"{"patient": {"conditions": ["\#(secret)"]}, "orders": [{"drug": "baclofen", "dose": {"value": 1, "unit": "mg"}}]}"#,
        #"{"patient": {"labs": [{"test": "\#(secret)", "value": 1, "unit": "mg/dL"}]}, "orders": [{"drug": "baclofen", "dose": {"value": 1, "unit": "mg"}}]}"#,
        #"{"patient": {"labs": [{"test": "calcium-total", "value": 1, "unit": "mg/dL", "at": "\#(secret)"}]}, "orders": [{"drug": "baclofen", "dose": {"value": 1, "unit": "mg"}}]}"#,
        #"{"patient": {"sex": 1, "kidney": {"dialysis": "\#(secret)"}}, "orders": [{"drug": "baclofen", "dose": {"value": 1, "unit": "mg"}}]}"#,
        #"{"patient": {}, "orders": [{"drug": "baclofen", "dose": {"value": 1, "unit": "mg"}, "start": "\#(secret)"}]}"#,
        #"{"patient": {"id": "\uDC00\#(secret)"}}"#,
        "{\"patient\": {\"id\": \"\(secret)\u{01}\"}}",
        #"{"patient": {"id": "\#(secret)\q"}}"#,
    ]

    static let fhirBundles: [String] = [
        #"{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Patient", "id": "\#(secret)", "birthDate": "\#(secret)"}}]}"#,
        #"{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "MedicationRequest", "status": "draft", "authoredOn": "\#(secret)", "medicationCodeableConcept": {"text": "baclofen"}}}]}"#,
        #"{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Patient", "birthDate": "\#(secret)"#,
    ]

    static func messages(_ error: RequestError) -> [String] {
        [error.description] + error.problems.map(\.message)
    }

    @Test("JSON request errors never quote the request", arguments: jsonRequests)
    func jsonRequestErrors(text: String) {
        do {
            _ = try ScreeningRequest.decode(json: Array(text.utf8), formulary: Self.formulary)
            Issue.record("expected an error")
        } catch {
            for m in Self.messages(error) { #expect(!m.contains("7731"), "\(m)") }
        }
    }

    @Test("FHIR errors never quote the request", arguments: fhirBundles)
    func fhirErrors(text: String) {
        do {
            _ = try ScreeningRequest.decode(fhirBundle: Array(text.utf8), formulary: Self.formulary)
            Issue.record("expected an error")
        } catch {
            for m in Self.messages(error) { #expect(!m.contains("7731"), "\(m)") }
        }
    }

    @Test func cdsHooksErrorsNeverQuoteTheRequest() {
        let text = #"{"hook": "order-select", "context": {"patientId": "\#(Self.secret)"#
        do {
            _ = try ScreeningRequest.decode(cdsHooks: Array(text.utf8), formulary: Self.formulary)
            Issue.record("expected an error")
        } catch {
            for m in Self.messages(error) { #expect(!m.contains("7731"), "\(m)") }
        }
    }

    @Test func ndjsonErrorRecordsNeverQuoteTheRequest() throws {
        let input = Array((Self.jsonRequests.joined(separator: "\n") + "\n").utf8)
        var offset = 0
        var output: [UInt8] = []
        let summary = try NDJSONScreener(checker: Checker(formulary: Self.formulary)).run(read: { buffer in
            let n = min(buffer.count, input.count - offset)
            for i in 0..<n { buffer[i] = input[offset + i] }
            offset += n
            return n
        }, write: { bytes in output += bytes; return 0 })
        #expect(summary.errors == Self.jsonRequests.count)
        #expect(!String(decoding: output, as: UTF8.self).contains("7731"))
    }
}
