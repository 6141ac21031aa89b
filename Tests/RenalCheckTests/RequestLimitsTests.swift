import Foundation
import Testing
import TestSupport

/// Every bound in `RequestLimits` is enforced, at the boundary, with an error that names the limit.
struct RequestLimitsTests {
    static func order(_ i: Int) -> String {
        #"{"id": "o\#(i)", "drug": "gabapentin", "dose": {"value": 100, "unit": "mg"}, "route": "oral", "frequency": "daily"}"#
    }

    static func lab(_ i: Int) -> String {
        #"{"test": "magnesium", "value": 0.8, "unit": "mmol/L", "at": "2026-11-20T07:00:00Z"}"#
    }

    /// A request with `orders` orders, `medications` current medications, `labs` labs and `conditions` conditions.
    static func json(orders: Int = 1, medications: Int = 0, labs: Int = 0, conditions: Int = 0, patientID: String = "p") -> String {
        let conds = Array(repeating: #""heart-failure""#, count: conditions).joined(separator: ",")
        return #"{"asOf": "2026-11-21T10:00:00Z", "patient": {"id": "\#(patientID)", "kidney": {"dialysis": "hemodialysis"}, "#
            + #""conditions": [\#(conds)], "labs": [\#((0..<labs).map(lab).joined(separator: ","))]}, "#
            + #""medications": [\#((0..<medications).map(order).joined(separator: ","))], "#
            + #""orders": [\#((0..<orders).map(order).joined(separator: ","))]}"#
    }

    /// Decodes, expecting failure; returns the problems.
    static func problems(_ json: String) throws -> [InputProblem] {
        try problems(Array(json.utf8))
    }

    static func problems(_ bytes: [UInt8]) throws -> [InputProblem] {
        let error = try #require(throws: RequestError.self) {
            try ScreeningRequest.decode(json: bytes, source: "limits.json", formulary: TestFormulary.shipped)
        }
        return error.problems
    }

    // MARK: bytes

    @Test func aRequestOfExactlyMaxBytesIsAccepted() throws {
        let body = Array(Self.json().utf8)
        let padded = body + Array(repeating: UInt8(ascii: " "), count: RequestLimits.maxBytes - body.count)
        #expect(padded.count == RequestLimits.maxBytes)
        let decoded = try ScreeningRequest.decode(json: padded, formulary: TestFormulary.shipped)
        #expect(decoded.orders.count == 1)
    }

    @Test func oneByteOverMaxBytesIsRejectedBeforeParsing() throws {
        let body = Array(Self.json().utf8)
        let padded = body + Array(repeating: UInt8(ascii: " "), count: RequestLimits.maxBytes + 1 - body.count)
        let problems = try Self.problems(padded)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.message.contains("\(RequestLimits.maxBytes + 1) bytes"))
        #expect(problem.message.contains("limit is \(RequestLimits.maxBytes)"))
    }

    // MARK: counts

    @Test func maxOrdersIsAcceptedAndOneMoreIsNot() throws {
        #expect(try request(Self.json(orders: RequestLimits.maxOrders)).orders.count == RequestLimits.maxOrders)
        let problem = try #require(try Self.problems(Self.json(orders: RequestLimits.maxOrders + 1)).first)
        #expect(problem.path == "$.orders")
        #expect(problem.message.contains("limit is \(RequestLimits.maxOrders)"))
    }

    @Test func maxMedicationsIsAcceptedAndOneMoreIsNot() throws {
        #expect(try request(Self.json(medications: RequestLimits.maxMedications)).medications.count == RequestLimits.maxMedications)
        let problem = try #require(try Self.problems(Self.json(medications: RequestLimits.maxMedications + 1)).first)
        #expect(problem.path == "$.medications")
        #expect(problem.message.contains("limit is \(RequestLimits.maxMedications)"))
    }

    @Test func maxLabsIsAcceptedAndOneMoreIsNot() throws {
        #expect(try request(Self.json(labs: RequestLimits.maxLabs)).patient.labs.count == RequestLimits.maxLabs)
        let problem = try #require(try Self.problems(Self.json(labs: RequestLimits.maxLabs + 1)).first)
        #expect(problem.path == "$.patient.labs")
        #expect(problem.message.contains("limit is \(RequestLimits.maxLabs)"))
    }

    @Test func maxConditionsIsAcceptedAndOneMoreIsNot() throws {
        #expect(try request(Self.json(conditions: RequestLimits.maxConditions)).patient.conditions.count == RequestLimits.maxConditions)
        let problem = try #require(try Self.problems(Self.json(conditions: RequestLimits.maxConditions + 1)).first)
        #expect(problem.path == "$.patient.conditions")
        #expect(problem.message.contains("limit is \(RequestLimits.maxConditions)"))
    }

    @Test func screeningTheLargestAllowedRequestFinishes() throws {
        let req = try request(Self.json(orders: RequestLimits.maxOrders, medications: RequestLimits.maxMedications, labs: 100))
        let report = Checker(formulary: TestFormulary.shipped).screen(req)
        #expect(report.orders.count == RequestLimits.maxOrders)
        #expect(!report.findings(rule: "duplicate.same-drug").isEmpty)
    }

    // MARK: strings

    @Test func aStringOfExactlyMaxStringBytesIsAccepted() throws {
        let id = String(repeating: "a", count: RequestLimits.maxStringBytes)
        #expect(try request(Self.json(patientID: id)).patient.id == id)
    }

    @Test("one byte over maxStringBytes is rejected, counting UTF-8 bytes not characters", arguments: [
        String(repeating: "a", count: RequestLimits.maxStringBytes + 1),
        String(repeating: "é", count: RequestLimits.maxStringBytes / 2 + 1),   // 513 characters, 1,026 bytes
    ])
    func overlongString(id: String) throws {
        let problem = try #require(try Self.problems(Self.json(patientID: id)).first)
        #expect(problem.path == "$.patient.id")
        #expect(problem.message.contains("limit is \(RequestLimits.maxStringBytes)"))
        #expect(!problem.message.contains(id), "the over-long value is not echoed")
    }

    @Test("every free-text field is bounded", arguments: ["drug", "route", "timing", "indication", "id", "start"])
    func overlongOrderField(field: String) throws {
        let long = String(repeating: "x", count: RequestLimits.maxStringBytes + 1)
        var members = [#""dose": {"value": 100, "unit": "mg"}"#, #""\#(field)": "\#(long)""#]
        if field != "drug" { members.append(#""drug": "gabapentin""#) }
        let json = #"{"patient": {}, "orders": [{\#(members.joined(separator: ", "))}]}"#
        let problem = try #require(try Self.problems(json).first)
        #expect(problem.path == "$.orders[0].\(field)")
        #expect(problem.message.contains("limit is \(RequestLimits.maxStringBytes)"))
    }

    @Test("strings that are matched against a vocabulary are bounded too", arguments: [
        ("conditions", #""patient": {"conditions": ["LONG"]}"#, "$.patient.conditions[0]"),
        ("frequency", #""patient": {}, "orders": [{"drug": "gabapentin", "frequency": "LONG"}]"#, "$.orders[0].frequency"),
        ("dose unit", #""patient": {}, "orders": [{"drug": "gabapentin", "dose": {"value": 1, "unit": "LONG"}}]"#, "$.orders[0].dose.unit"),
        ("lab unit", #""patient": {"labs": [{"test": "magnesium", "value": 1, "unit": "LONG"}]}"#, "$.patient.labs[0].unit"),
    ])
    func overlongVocabularyString(name: String, members: String, path: String) throws {
        let long = String(repeating: "y", count: RequestLimits.maxStringBytes + 1)
        var json = "{" + members.replacingFirst("LONG", with: long) + "}"
        if !json.contains(#""orders""#) { json = String(json.dropLast()) + #", "orders": [{"drug": "gabapentin"}]}"# }
        let problems = try Self.problems(json)
        let problem = try #require(problems.first { $0.path == path }, "\(name): \(problems)")
        #expect(problem.message.contains("limit is \(RequestLimits.maxStringBytes)"))
        #expect(problems.allSatisfy { !$0.message.contains(long) }, "the over-long value is not echoed")
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
