import Foundation
import Testing
import TestSupport

/// The JSON Schemas and the Swift validator agree on a valid and on invalid drug files.
struct SchemaAgreementTests {
    static let validDrug = #"{"id": "alpha", "name": "Alphadrug", "doseUnit": "mg", "classes": ["relaxant"], "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}, "rules": []}"#

    static let invalidDrugs: [(String, String)] = [
        ("unknown severity", #"{"id": "alpha", "name": "Alphadrug", "doseUnit": "mg", "rules": [{"id": "alpha.x", "kind": "avoid", "severity": "hgih", "category": "avoid-in-kidney-failure", "summary": "s", "detail": "d", "recommendation": "r", "sources": ["src-a"], "when": {"dialysis": ["hemodialysis"]}}]}"#),
        ("unknown field", #"{"id": "alpha", "name": "Alphadrug", "doseUnit": "mg", "colour": "blue"}"#),
        ("missing doseUnit", #"{"id": "alpha", "name": "Alphadrug"}"#),
        ("unknown dose unit", #"{"id": "alpha", "name": "Alphadrug", "doseUnit": "furlongs"}"#),
    ]

    /// Runs `scripts/check-schemas.py --expect-valid|--expect-invalid FILE drug`; true when it agrees.
    func schemaAgrees(_ text: String, valid: Bool) throws -> Bool {
        let path = NSTemporaryDirectory() + "schema-\(UUID().uuidString).json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", TestPaths.root + "/scripts/check-schemas.py", "--schemas", TestPaths.root + "/formulary/schema", valid ? "--expect-valid" : "--expect-invalid", path, "drug"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    @Test func validDrugPassesBoth() throws {
        let dir = try TemporaryFormulary(files: ["drugs/alpha.json": Self.validDrug])
        defer { dir.remove() }
        _ = try dir.load()
        #expect(try schemaAgrees(Self.validDrug, valid: true))
    }

    @Test("invalid drug fails both", arguments: invalidDrugs.map(\.0))
    func invalidDrugFailsBoth(_ name: String) throws {
        let text = try #require(Self.invalidDrugs.first { $0.0 == name }?.1)
        let dir = try TemporaryFormulary(files: ["drugs/alpha.json": text])
        defer { dir.remove() }
        #expect(throws: FormularyError.self) { try dir.load() }
        #expect(try schemaAgrees(text, valid: false))
    }
}
