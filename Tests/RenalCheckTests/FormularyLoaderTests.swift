import Foundation
import Testing
import TestSupport

/// Loading: the shipped formulary, every class of invalid content (with file, line and code), all
/// problems at once, and the content hash.
struct FormularyLoaderTests {
    // MARK: The shipped formulary

    @Test func theShippedFormularyLoads() {
        let f = TestFormulary.shipped
        #expect(!f.drugs.isEmpty)
        #expect(!f.sources.isEmpty)
        #expect(!f.rules.isEmpty)
        #expect(!f.labs.isEmpty)
        #expect(f.schemaVersion == 1)
        #expect(f.sha256.count == 64)
    }

    @Test func noShippedRuleLacksASource() {
        let unsourced = TestFormulary.shipped.rules.filter { $0.sources.isEmpty }.map(\.id)
        #expect(unsourced.isEmpty, "rules without a source: \(unsourced)")
        let unknown = TestFormulary.shipped.rules.flatMap(\.sources).filter { TestFormulary.shipped.source(id: $0.id) == nil }
        #expect(unknown.isEmpty)
    }

    @Test func theFolderAndTheBuiltInCopyAreTheSame() throws {
        let fromDisk = try Formulary.load(directory: TestPaths.formulary)
        #expect(fromDisk.sha256 == TestFormulary.shipped.sha256)
        #expect(fromDisk.drugs.map(\.id) == TestFormulary.shipped.drugs.map(\.id))
        #expect(fromDisk.rules.count == TestFormulary.shipped.rules.count)
    }

    @Test func aMissingFolderIsDirectoryNotFound() {
        let error = #expect(throws: FormularyError.self) { try Formulary.load(directory: "/nonexistent/renalcheck-formulary") }
        guard case .directoryNotFound(let path)? = error else { Issue.record("expected directoryNotFound, got \(String(describing: error))"); return }
        #expect(path == "/nonexistent/renalcheck-formulary")
        #expect(error?.code == 66)
    }

    @Test func theMinimalBaseLoads() throws {
        let f = try TemporaryFormulary.formulary([:])
        #expect(f.drugs.map(\.id) == ["alpha", "beta"])
        #expect(f.rules.isEmpty)
    }

    // MARK: Invalid content, one class at a time

    /// A drug file for `beta` with one rule whose fields sit one per line (rule at lines 7–17).
    static func betaWithRule(severity: String = "major", sources: String = #"["src-a"]"#,
                             kind: String = "interaction", category: String = "interaction",
                             extra: String = #""with": {"drugs": ["alpha"]}"#) -> String {
        """
        {
          "id": "beta",
          "name": "Betadrug",
          "classes": ["opioid"],
          "doseUnit": "mg",
          "rules": [
            {
              "id": "beta.r",
              "kind": "\(kind)",
              "severity": "\(severity)",
              "category": "\(category)",
              "summary": "S",
              "detail": "D",
              "recommendation": "R",
              "sources": \(sources),
              \(extra)
            }
          ],
          "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}
        }
        """
    }

    static let syntaxError = "{\n  \"id\": \"epsilon\",\n  \"name\": ,\n  \"doseUnit\": \"mg\"\n}\n"
    static let duplicateKey = "{\n  \"id\": \"delta\",\n  \"name\": \"Deltadrug\",\n  \"name\": \"Again\",\n  \"doseUnit\": \"mg\",\n  \"renal\": {\"summary\": \"Test drug: reviewed renal statement.\", \"sources\": [\"src-a\"]}\n}\n"
    static let duplicateSynonym = "{\n  \"id\": \"gamma\",\n  \"name\": \"Gammadrug\",\n  \"synonyms\": [\"Other\", \"ALPHADRÜG\"],\n  \"doseUnit\": \"mg\",\n  \"renal\": {\"summary\": \"Test drug: reviewed renal statement.\", \"sources\": [\"src-a\"]}\n}\n"
    static let unknownUnit = betaWithRule(kind: "dose-limit", category: "renal-dose",
                                          extra: #""limits": {"single": {"value": 5, "unit": "mgs"}, "daily": {"value": 10, "unit": "mg"}}"#)

    /// One invalid formulary and the problem it must produce.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let files: [String: String]
        let file: String
        let path: String
        let line: Int
        let code: InputProblem.Code
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "syntax error", files: ["drugs/epsilon.json": syntaxError], file: "drugs/epsilon.json", path: "", line: 3, code: .syntax),
        Case(name: "duplicate key", files: ["drugs/delta.json": duplicateKey], file: "drugs/delta.json", path: "", line: 4, code: .duplicateKey),
        Case(name: "unknown source", files: ["drugs/beta.json": betaWithRule(sources: #"["src-a", "nope"]"#)],
             file: "drugs/beta.json", path: "$.rules[0].sources[1]", line: 15, code: .unknownReference),
        Case(name: "unknown drug in a rule", files: ["drugs/beta.json": betaWithRule(extra: #""with": {"drugs": ["ghost"]}"#)],
             file: "drugs/beta.json", path: "$.rules[0].with.drugs[0]", line: 16, code: .unknownReference),
        Case(name: "duplicate synonym across drugs", files: ["drugs/gamma.json": duplicateSynonym],
             file: "drugs/gamma.json", path: "$.synonyms[1]", line: 4, code: .duplicateName),
        Case(name: "unknown unit", files: ["drugs/beta.json": unknownUnit],
             file: "drugs/beta.json", path: "$.rules[0].limits.single.unit", line: 16, code: .invalidValue),
        Case(name: "unknown severity", files: ["drugs/beta.json": betaWithRule(severity: "hgih")],
             file: "drugs/beta.json", path: "$.rules[0].severity", line: 10, code: .invalidValue),
        Case(name: "rule without sources", files: ["drugs/beta.json": betaWithRule(sources: "[]")],
             file: "drugs/beta.json", path: "$.rules[0].sources", line: 15, code: .missingField),
        Case(name: "unknown class", files: ["drugs/gamma.json": #"{"id": "gamma", "name": "G", "classes": ["nope"], "doseUnit": "mg", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}}"#],
             file: "drugs/gamma.json", path: "$.classes[0]", line: 1, code: .unknownReference),
        Case(name: "file name and id disagree", files: ["drugs/gamma.json": #"{"id": "gama", "name": "G", "doseUnit": "mg", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}}"#],
             file: "drugs/gamma.json", path: "$.id", line: 1, code: .inconsistent),
        Case(name: "unknown field", files: ["drugs/gamma.json": "{\"id\": \"gamma\",\n \"name\": \"G\", \"doseUnit\": \"mg\",\n \"brnads\": [\"Gee\"], \"renal\": {\"summary\": \"Test drug: reviewed renal statement.\", \"sources\": [\"src-a\"]}}"],
             file: "drugs/gamma.json", path: "$.brnads", line: 3, code: .unknownField),
        Case(name: "a file outside the format", files: ["notes.json": "{}"], file: "notes.json", path: "", line: 0, code: .missingFile),
    ]

    @Test("an invalid formulary reports the problem with file, line and code", arguments: cases)
    func invalid(_ c: Case) throws {
        let problems = try TemporaryFormulary.problems(c.files)
        let problem = try #require(problems.first { $0.file == c.file && $0.path == c.path && $0.code == c.code },
                                   "got: \(problems.map(\.description))")
        if c.line > 0 {
            #expect(problem.line == c.line)
            #expect(problem.column != nil)
        }
        #expect(problems.count == 1, "got: \(problems.map(\.description))")
    }

    @Test("a drug without a reviewed renal statement is refused", arguments: [
        #"{"id": "gamma", "name": "G", "doseUnit": "mg"}"#,
        #"{"id": "gamma", "name": "G", "doseUnit": "mg", "renal": {"summary": "Not yet reviewed."}}"#,
        #"{"id": "gamma", "name": "G", "doseUnit": "mg", "renal": {"summary": " ", "sources": ["src-a"]}}"#,
    ])
    func unreviewedDrugIsRefused(_ text: String) throws {
        let problems = try TemporaryFormulary.problems(["drugs/gamma.json": text])
        #expect(problems.contains { $0.file == "drugs/gamma.json" && $0.code == .missingField && $0.message.contains("reviewed renal statement") },
                "got: \(problems.map(\.description))")
    }

    @Test func aDrugWithAReviewedRenalStatementLoads() throws {
        let problems = try TemporaryFormulary.problems(["drugs/gamma.json": #"{"id": "gamma", "name": "G", "doseUnit": "mg", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}}"#])
        #expect(problems.isEmpty, "got: \(problems.map(\.description))")
    }

    @Test func aSyntaxErrorCarriesJanssonsColumn() throws {
        let problems = try TemporaryFormulary.problems(["drugs/epsilon.json": Self.syntaxError])
        let p = try #require(problems.first)
        #expect(p.line == 3)
        #expect(p.column == 11)
        #expect(p.description.hasPrefix("drugs/epsilon.json:3:11: "))
    }

    @Test func aMissingRequiredFileIsReported() throws {
        var files = TemporaryFormulary.baseFiles
        files["sources.json"] = nil
        let problems = try TemporaryFormulary.problems(files, base: false)
        #expect(problems.contains { $0.file == "sources.json" && $0.code == .missingFile })
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let beta = Self.betaWithRule(severity: "hgih", sources: #"["nope"]"#, extra: #""with": {"drugs": ["ghost"]}"#)
        let alpha = """
            {
              "id": "alpha",
              "name": "Alphadrug",
              "doseUnit": "mg",
              "rules": [{"id": "alpha.r", "kind": "dose-limit", "severity": "major", "category": "renal-dose",
                         "summary": "S", "detail": "D", "recommendation": "R", "sources": ["src-a"],
                         "limits": {"single": {"value": 5, "unit": "mgs"}, "daily": {"value": 10, "unit": "mg"}}}],
              "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}
            }
            """
        let problems = try TemporaryFormulary.problems([
            "drugs/alpha.json": alpha, "drugs/beta.json": beta, "drugs/gamma.json": Self.duplicateSynonym,
            "drugs/delta.json": Self.duplicateKey, "drugs/epsilon.json": Self.syntaxError,
        ])
        let summary = problems.map(\.description).joined(separator: "\n")
        #expect(problems.count == 7, "\(summary)")
        let found = problems.map { "\($0.file) \($0.line ?? -1) \($0.code)" }
        #expect(found == [
            "drugs/alpha.json 7 invalidValue",
            "drugs/beta.json 10 invalidValue",
            "drugs/beta.json 15 unknownReference",
            "drugs/beta.json 16 unknownReference",
            "drugs/delta.json 4 duplicateKey",
            "drugs/epsilon.json 3 syntax",
            "drugs/gamma.json 4 duplicateName",
        ], "\(summary)")
        #expect(problems.allSatisfy { $0.line != nil && $0.column != nil })
    }

    // MARK: The content hash

    @Test func theHashIsStableAcrossLoads() throws {
        let a = try TemporaryFormulary.formulary([:]).sha256
        let b = try TemporaryFormulary.formulary([:]).sha256
        #expect(a == b)
        #expect(a.count == 64)
        #expect(a.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func theHashChangesWithContent() throws {
        let base = try TemporaryFormulary.formulary([:]).sha256
        let renamed = try TemporaryFormulary.formulary([
            "drugs/beta.json": #"{"id": "beta", "name": "Betadrug 2", "classes": ["opioid"], "doseUnit": "mg", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}, "rules": []}"#,
        ]).sha256
        #expect(base != renamed)
        let moved = try TemporaryFormulary.formulary([
            "formulary.json": #"{"name": "Test formulary", "version": "2026.01.1", "schemaVersion": 1}"#,
        ]).sha256
        #expect(base != moved)
    }

    @Test("the hash is over the files' raw bytes: whitespace counts, and it matches an independent SHA-256")
    func theHashIsOverRawBytes() throws {
        let base = try TemporaryFormulary.formulary([:]).sha256
        let reformatted = try TemporaryFormulary.formulary([
            "drugs/beta.json": "{\n    \"rules\": [ ],\n  \"renal\": {\"sources\": [\"src-a\"], \"summary\": \"Test drug: reviewed renal statement.\"},\n    \"doseUnit\": \"mg\",\n\t\"classes\": [\"opioid\"],\n    \"name\": \"Betadrug\",\n    \"id\": \"beta\"\n}\n",
        ]).sha256
        #expect(base != reformatted)
        // The definition in formulary/README.md, checked on the repository's formulary folder:
        // path, NUL, raw bytes, NUL, for each file (schema/ excluded) in path order.
        let root = TestPaths.formulary
        let paths = try #require(FileManager.default.subpaths(atPath: root))
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix("schema/") }.sorted()
        var stream: [UInt8] = []
        for path in paths {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/" + path)))
            stream += Array(path.utf8) + [0] + bytes + [0]
        }
        #expect(try Formulary.load(directory: root).sha256 == Self.sha256Hex(stream))
    }

    /// SHA-256 by the `sha256sum` command, as an independent implementation.
    static func sha256Hex(_ bytes: [UInt8]) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rc-hash-\(getpid()).bin")
        FileManager.default.createFile(atPath: path.path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(at: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        process.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return String(out.prefix(64))
    }
}
