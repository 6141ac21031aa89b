import Testing
import TestSupport

/// Request decoding errors: each is a ``RequestError`` whose problem carries the JSON path, the
/// line and a code (messages are not asserted).
struct ScreeningRequestDecodingTests {
    /// One malformed request and where its problem must be reported.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let json: String
        let path: String
        let line: Int
        let code: InputProblem.Code
        var testDescription: String { name }
    }

    static let formulary = Result { try RuleHarness(files: [:]).formulary }

    static let cases: [Case] = [
        Case(name: "wrong type", json: """
            {
              "patient": {
                "ageYears": "old"
              },
              "orders": [{"drug": "alpha"}]
            }
            """, path: "$.patient.ageYears", line: 3, code: .wrongType),
        Case(name: "drug of the wrong type", json: """
            {"patient": {},
             "orders": [
               {"drug": 42}
             ]}
            """, path: "$.orders[0].drug", line: 3, code: .wrongType),
        Case(name: "missing orders", json: """
            {
              "patient": {}
            }
            """, path: "$.orders", line: 1, code: .missingField),
        Case(name: "missing dose unit", json: """
            {"patient": {},
             "orders": [
               {"drug": "alpha",
                "dose": {"value": 5}}
             ]}
            """, path: "$.orders[0].dose.unit", line: 4, code: .missingField),
        Case(name: "unknown field", json: """
            {
              "patient": {},
              "orders": [
                {"drug": "alpha", "dosage": 5}
              ]
            }
            """, path: "$.orders[0].dosage", line: 4, code: .unknownField),
        Case(name: "unknown condition", json: """
            {"patient": {
               "conditions": ["heart-failure",
                              "gout"]},
             "orders": [{"drug": "alpha"}]}
            """, path: "$.patient.conditions[1]", line: 3, code: .unknownReference),
        Case(name: "unknown lab", json: """
            {"patient": {"labs": [
               {"test": "magnesium", "value": 0.8, "unit": "mmol/L"},
               {"test": "zinc", "value": 1, "unit": "mg/L"}]},
             "orders": [{"drug": "alpha"}]}
            """, path: "$.patient.labs[1].test", line: 3, code: .unknownReference),
        Case(name: "unknown lab unit", json: """
            {"patient": {"labs": [
               {"test": "magnesium",
                "value": 0.8,
                "unit": "furlongs"}]},
             "orders": [{"drug": "alpha"}]}
            """, path: "$.patient.labs[0].unit", line: 4, code: .invalidValue),
        Case(name: "negative dose", json: """
            {"patient": {},
             "orders": [{"drug": "alpha",
                         "dose": {"unit": "mg",
                                  "value": -5}}]}
            """, path: "$.orders[0].dose.value", line: 4, code: .invalidValue),
        Case(name: "zero dose", json: """
            {"patient": {},
             "orders": [{"drug": "alpha", "dose": {"unit": "mg", "value": 0}}]}
            """, path: "$.orders[0].dose.value", line: 2, code: .invalidValue),
        Case(name: "date that does not exist", json: """
            {"patient": {},
             "orders": [{"drug": "alpha",
                         "start": "2026-02-30"}]}
            """, path: "$.orders[0].start", line: 3, code: .invalidValue),
        Case(name: "date-time without a zone", json: """
            {"asOf": "2026-01-15T10:00",
             "patient": {}, "orders": [{"drug": "alpha"}]}
            """, path: "$.asOf", line: 1, code: .invalidValue),
        Case(name: "lab time that is not a date", json: """
            {"patient": {"labs": [
               {"test": "magnesium", "value": 0.8, "unit": "mmol/L",
                "at": "yesterday"}]},
             "orders": [{"drug": "alpha"}]}
            """, path: "$.patient.labs[0].at", line: 3, code: .invalidValue),
        Case(name: "stop before start", json: """
            {"patient": {},
             "orders": [{"drug": "alpha", "start": "2026-01-10",
                         "stop": "2026-01-01"}]}
            """, path: "$.orders[0].stop", line: 3, code: .inconsistent),
        Case(name: "unknown dialysis modality", json: """
            {"patient": {"kidney": {
               "dialysis": "haemofiltration"}},
             "orders": [{"drug": "alpha"}]}
            """, path: "$.patient.kidney.dialysis", line: 2, code: .invalidValue),
        Case(name: "empty orders", json: """
            {"patient": {},
             "orders": []}
            """, path: "$.orders", line: 2, code: .missingField),
    ]

    @Test("a malformed request is rejected with path and line", arguments: cases)
    func rejected(_ c: Case) throws {
        let formulary = try Self.formulary.get()
        let error = #expect(throws: RequestError.self) {
            try ScreeningRequest.decode(json: Array(c.json.utf8), source: "req.json", formulary: formulary)
        }
        let problems = try #require(error?.problems)
        let problem = try #require(problems.first { $0.path == c.path }, "paths: \(problems.map(\.path))")
        #expect(problem.line == c.line)
        #expect(problem.column != nil)
        #expect(problem.code == c.code)
        #expect(problem.file == "req.json")
    }

    @Test func aWrongTypeIsLocatedToTheColumn() throws {
        let json = "{\n  \"patient\": {\n    \"ageYears\": \"old\"\n  },\n  \"orders\": [{\"drug\": \"alpha\"}]\n}"
        let error = #expect(throws: RequestError.self) {
            try ScreeningRequest.decode(json: Array(json.utf8), formulary: try Self.formulary.get())
        }
        let problem = try #require(error?.problems.first)
        #expect(problem.line == 3)
        #expect(problem.column == 17)
    }

    @Test func aSyntaxErrorCarriesJanssonsPosition() throws {
        let json = "{\"patient\": {},\n \"orders\": [{\"drug\": \"alpha\",}]}"
        let error = #expect(throws: RequestError.self) {
            try ScreeningRequest.decode(json: Array(json.utf8), formulary: try Self.formulary.get())
        }
        let problem = try #require(error?.problems.first)
        #expect(problem.code == .syntax)
        #expect(problem.line == 2)
        #expect(problem.column != nil)
        #expect(problem.path == "")
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let json = """
            {"patient": {"ageYears": "old", "conditions": ["gout"], "shoeSize": 9},
             "orders": [{"drug": "alpha", "dose": {"value": -1, "unit": "mg"}, "start": "2026-13-01"}]}
            """
        let error = #expect(throws: RequestError.self) {
            try ScreeningRequest.decode(json: Array(json.utf8), formulary: try Self.formulary.get())
        }
        let problems = try #require(error?.problems)
        #expect(Set(problems.map(\.path)) == [
            "$.patient.ageYears", "$.patient.conditions[0]", "$.patient.shoeSize", "$.orders[0].dose.value", "$.orders[0].start",
        ])
        #expect(problems.allSatisfy { $0.line != nil })
    }

    @Test func unknownDrugsUnitsAndRoutesAreNotDecodingErrors() throws {
        let json = """
            {"patient": {}, "orders": [{"drug": "nope", "dose": {"value": 1, "unit": "drops"}, "route": "nasal",
                                        "frequency": "q5h", "timing": "whenever", "indication": "boredom"}]}
            """
        let req = try ScreeningRequest.decode(json: Array(json.utf8), formulary: try Self.formulary.get())
        let order = try #require(req.orders.first)
        #expect(order.drug == .name("nope"))
        #expect(order.dose == Dose(value: 1, unit: "drops"))
        #expect(order.unrecognizedFrequency == "q5h")
        #expect(order.frequency == nil)
    }

    @Test func aValidRequestDecodesEveryField() throws {
        let json = """
            {"asOf": "2026-01-15T12:00:00+01:00",
             "patient": {"id": "p1", "ageYears": 70, "weightKg": 60.5, "sex": "female", "hepatic": "mild",
                         "kidney": {"dialysis": "hemodialysis", "sessionsPerWeek": 2, "egfr": 8, "crcl": 9},
                         "conditions": ["heart-failure"],
                         "labs": [{"loinc": "19123-9", "value": 1.8, "unit": "mg/dL", "at": "2026-01-14T08:00:00Z"}]},
             "medications": [{"drug": {"rxnorm": "111"}, "start": "2025-12-01"}],
             "orders": [{"id": "x", "drug": {"name": "Betadrug"}, "dose": {"value": 2.5, "unit": "mg"}, "route": "po",
                         "frequency": "prn", "maxPerDay": 3, "timing": "after-dialysis", "durationDays": 7,
                         "indication": "muscle-cramps", "start": "2026-01-15"}]}
            """
        let req = try ScreeningRequest.decode(json: Array(json.utf8), formulary: try Self.formulary.get())
        #expect(req.asOf == Instant(iso: "2026-01-15T11:00:00Z"))
        #expect(req.patient.id == "p1")
        #expect(req.patient.weightKg == 60.5)
        #expect(req.patient.hepatic == .mild)
        #expect(req.patient.kidney == KidneyStatus(dialysis: .hemodialysis, sessionsPerWeek: 2, egfr: 8, crcl: 9))
        #expect(req.patient.conditions == ["heart-failure"])
        #expect(req.patient.labs == [LabResult(test: "magnesium", value: 1.8, unit: "mg/dL", at: Instant(iso: "2026-01-14T08:00:00Z"))])
        #expect(req.medications.first?.drug == .rxnorm("111"))
        #expect(req.medications.first?.start == CalendarDay(iso: "2025-12-01"))
        let order = try #require(req.orders.first)
        #expect(order.id == "x")
        #expect(order.drug == .name("Betadrug"))
        #expect(order.frequency == Frequency(code: "prn", maxPerDay: 3))
        #expect(order.timing == "after-dialysis")
        #expect(order.durationDays == 7)
        #expect(order.indication == "muscle-cramps")
    }
}
