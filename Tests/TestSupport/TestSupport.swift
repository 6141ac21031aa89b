@_exported import RenalCheck
import Foundation

/// Paths and shared values for every test target.
public enum TestPaths {
    /// The repository root (derived from this file's location).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `Tests/Fixtures/<name>`.
    public static func fixture(_ name: String) -> String { root + "/Tests/Fixtures/" + name }

    /// The shipped formulary folder.
    public static var formulary: String { root + "/formulary" }

    /// File names (not paths) in a fixtures folder with the given extension, sorted.
    public static func fixtures(in folder: String, ext: String = "json") -> [String] {
        let dir = fixture(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted()
    }
}

/// The built-in formulary, loaded once for all tests.
public enum TestFormulary {
    /// The shipped formulary; tests fail loudly if it does not load.
    public static let shipped: Formulary = {
        do { return try Formulary.builtin() } catch { fatalError("built-in formulary does not load: \(error)") }
    }()
}

/// A minimal formulary folder written by a test into a temporary directory.
public struct TemporaryFormulary {
    /// The folder.
    public let path: String

    /// Writes the given files (relative path → JSON text) over a minimal valid base.
    public init(files: [String: String] = [:], base: Bool = true) throws {
        path = NSTemporaryDirectory() + "renalcheck-test-" + UUID().uuidString
        var all = base ? TemporaryFormulary.baseFiles : [:]
        for (k, v) in files { all[k] = v }
        for (relative, text) in all {
            let full = path + "/" + relative
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    /// Removes the folder.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Loads it.
    public func load() throws(FormularyError) -> Formulary { try Formulary.load(directory: path) }

    /// A small valid formulary: one source, a few classes, one lab, two drugs.
    public static let baseFiles: [String: String] = [
        "formulary.json": #"{"name": "Test formulary", "version": "2026.01.0", "schemaVersion": 1}"#,
        "sources.json": #"{"sources": [{"id": "src-a", "kind": "label", "year": 2020, "citation": "A label.", "url": "https://example.org/a"}]}"#,
        "classes.json": #"{"classes": [{"id": "relaxant", "name": "Relaxants"}, {"id": "opioid", "name": "Opioids"}]}"#,
        "conditions.json": #"{"conditions": [{"id": "heart-failure", "name": "Heart failure"}]}"#,
        "indications.json": #"{"indications": [{"id": "muscle-cramps", "name": "Muscle cramps"}]}"#,
        "ingredients.json": #"{"ingredients": [{"id": "licorice-root", "name": "Licorice root", "unit": "g"}]}"#,
        "labs.json": #"{"labs": [{"id": "magnesium", "name": "Magnesium", "loinc": ["19123-9"], "unit": "mmol/L", "units": [{"unit": "mmol/L", "perCanonical": 1}, {"unit": "mg/dL", "perCanonical": 2.4305}]}]}"#,
        "drugs/alpha.json": #"{"id": "alpha", "name": "Alphadrug", "brands": ["Alphabrand"], "synonyms": ["Ålpha-X"], "codes": {"rxnorm": ["111"]}, "classes": ["relaxant"], "doseUnit": "mg", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}, "rules": []}"#,
        "drugs/beta.json": #"{"id": "beta", "name": "Betadrug", "classes": ["opioid"], "doseUnit": "mg", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}, "rules": []}"#,
    ]
}

/// Decodes a request from JSON text against a formulary, failing the test on error.
public func request(_ json: String, formulary: Formulary = TestFormulary.shipped) throws -> ScreeningRequest {
    try ScreeningRequest.decode(json: Array(json.utf8), source: "test", formulary: formulary)
}
