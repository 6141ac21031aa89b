import Foundation

/// The formulary format as plain `Decodable` structs: what a Foundation-only loader would decode.
///
/// Only decoding (no validation, no indexes), so the comparison favours JSONDecoder.
enum DecodableFormulary {
    struct Quantity: Decodable { let value: Double; let unit: String }
    struct Range: Decodable { let below: Double?; let atLeast: Double? }
    struct Side: Decodable { let drugs: [String]?; let classes: [String]? }
    final class Predicate: Decodable {
        let dialysis: [String]?
        let egfr: Range?, crcl: Range?, kidneyFunction: Range?, ageYears: Range?
        let hepatic: [String]?, conditions: [String]?, indications: [String]?, routes: [String]?, timings: [String]?, frequencies: [String]?
        let regular: Bool?, newStart: Bool?
        let current: Side?, notCurrent: Side?
        let anyOf: [Predicate]?, allOf: [Predicate]?, not: Predicate?
    }
    struct Limits: Decodable { let single: Quantity?, daily: Quantity?, weekly: Quantity?, singlePerKg: Quantity?, dailyPerKg: Quantity?; let dosesPerDay: Double?, dosesPerWeek: Double? }
    struct Rule: Decodable {
        let id: String, kind: String, severity: String, category: String, summary: String, detail: String, recommendation: String
        let sources: [String]
        let when: Predicate?
        let limits: Limits?
        let maxDays: Double?
        let with: Side?
        let between: [Side]?
        let nutrient: String?, `class`: String?, sameDrug: Bool?, ingredient: String?
    }
    struct Codes: Decodable { let rxnorm: [String]?; let atc: [String]? }
    struct Renal: Decodable { let summary: String? }
    struct Drug: Decodable {
        let id: String, name: String
        let synonyms: [String]?, brands: [String]?
        let codes: Codes?
        let classes: [String]?
        let doseUnit: String
        let renal: Renal?
        let alternatives: String?
        let rules: [Rule]?
    }
    struct Marker: Decodable { let drugs: [String]?; let classes: [String]?; let indications: [String]? }
    struct Cascade: Decodable {
        let id: String, kind: String, severity: String, category: String, summary: String, detail: String, recommendation: String
        let sources: [String]
        let index: Side, marker: Marker, adverseEffect: String, windowDays: Double?
        let when: Predicate?
    }
    struct CascadesFile: Decodable { let cascades: [Cascade] }
    struct RulesFile: Decodable { let description: String?; let rules: [Rule] }
    struct Term: Decodable { let id: String; let name: String; let snomed: [String]?; let condition: String?; let unit: String? }
    struct Source: Decodable { let id: String; let kind: String; let year: Int?; let citation: String; let url: String?; let doi: String?; let note: String? }
    struct LabUnit: Decodable { let unit: String; let perCanonical: Double?; let canonicalPerUnit: Double? }
    struct Lab: Decodable { let id: String; let name: String; let loinc: [String]?; let unit: String; let units: [LabUnit] }
    struct Manifest: Decodable { let name: String; let version: String; let schemaVersion: Int; let description: String? }
    struct Vocab: Decodable {
        let classes: [Term]?, conditions: [Term]?, indications: [Term]?, ingredients: [Term]?
        let sources: [Source]?, labs: [Lab]?
    }

    /// Decodes one file by its path; returns a count so the work is not optimised away.
    static func decode(path: String, data: Data, decoder: JSONDecoder) -> Int {
        do {
            if path.hasPrefix("drugs/") { return try decoder.decode(Drug.self, from: data).rules?.count ?? 0 }
            if path.hasPrefix("rules/") { return try decoder.decode(RulesFile.self, from: data).rules.count }
            if path == "formulary.json" { return try decoder.decode(Manifest.self, from: data).schemaVersion }
            if path == "cascades.json" { return try decoder.decode(CascadesFile.self, from: data).cascades.count }
            let v = try decoder.decode(Vocab.self, from: data)
            return (v.classes?.count ?? 0) + (v.sources?.count ?? 0) + (v.labs?.count ?? 0) + (v.conditions?.count ?? 0)
        } catch {
            FileHandle.standardError.write(Data("JSONDecoder: \(path): \(error)\n".utf8))
            return -1
        }
    }
}
