import Foundation

/// A small formulary built by a test, with a checker over it, so rule tests do not depend on
/// the shipped clinical content.
///
/// The base adds to ``TemporaryFormulary/baseFiles``: more classes (`statin`, `diuretic`), a
/// second indication (`malaria`), a `potassium` lab and drugs `gamma` (relaxant), `delta`
/// (statin), `nutrient-q` and a product `kanzo` that contains licorice root. Tests replace or add
/// drug and rule files with the `files` argument.
public struct RuleHarness: Sendable {
    /// The formulary the test built.
    public let formulary: Formulary
    /// A checker over it.
    public let checker: Checker

    /// Fixed screening time used by ``screen(_:)`` requests that give no `asOf`.
    public static let asOf = "2026-01-15T12:00:00Z"

    /// Builds the formulary from the harness base plus `files` (relative path → JSON text).
    ///
    /// - Throws: the ``FormularyError`` if the test's files are invalid.
    public init(files: [String: String]) throws {
        var all = RuleHarness.baseFiles
        for (k, v) in files { all[k] = v }
        let folder = try TemporaryFormulary(files: all)
        defer { folder.remove() }
        formulary = try folder.load()
        checker = Checker(formulary: formulary)
    }

    /// Builds the formulary with `rules` added to the drug `drug` (one of the base drugs).
    public init(drug: String, rules: [String], extraFiles: [String: String] = [:]) throws {
        var files = extraFiles
        files["drugs/\(drug).json"] = RuleHarness.drugFile(drug, rules: rules)
        try self.init(files: files)
    }

    /// Decodes `json` as a request and screens it.
    public func screen(_ json: String) throws -> ScreeningReport {
        checker.screen(try request(json, formulary: formulary))
    }

    /// Screens one order (a JSON object) for a patient (a JSON object), with optional current medications.
    public func screen(patient: String = "{}", orders: [String], medications: [String] = []) throws -> ScreeningReport {
        let meds = medications.isEmpty ? "" : #", "medications": [\#(medications.joined(separator: ", "))]"#
        return try screen(#"{"asOf": "\#(RuleHarness.asOf)", "patient": \#(patient)\#(meds), "orders": [\#(orders.joined(separator: ", "))]}"#)
    }

    /// Screens a single order.
    public func screen(patient: String = "{}", order: String, medications: [String] = []) throws -> ScreeningReport {
        try screen(patient: patient, orders: [order], medications: medications)
    }

    /// A rule object with the common fields filled in (source `src-a`).
    ///
    /// - Parameters:
    ///   - id: the rule id.
    ///   - kind: the rule kind.
    ///   - severity: the severity.
    ///   - category: the category.
    ///   - when: the `when` predicate as JSON text, or nil.
    ///   - extra: further members as JSON text without braces (e.g. `"maxDays": 14`).
    public static func rule(_ id: String, kind: String, severity: String = "major", category: String,
                            when: String? = nil, extra: String? = nil) -> String {
        var members = [
            #""id": "\#(id)""#, #""kind": "\#(kind)""#, #""severity": "\#(severity)""#, #""category": "\#(category)""#,
            #""summary": "Summary of \#(id)""#, #""detail": "Detail.""#, #""recommendation": "Do something else.""#,
            #""sources": ["src-a"]"#,
        ]
        if let when { members.append(#""when": \#(when)"#) }
        if let extra { members.append(extra) }
        return "{" + members.joined(separator: ", ") + "}"
    }

    /// A drug file for one of the base drugs, with `rules`.
    public static func drugFile(_ id: String, rules: [String]) -> String {
        let base = drugBases[id] ?? #""id": "\#(id)", "name": "\#(id.capitalized)", "doseUnit": "mg"\#(reviewedRenal)"#
        return "{" + base + #", "rules": [\#(rules.joined(separator: ", "))]}"#
    }

    /// A rules/ topic file holding `rules`.
    public static func topicFile(_ rules: [String]) -> String {
        #"{"description": "test rules", "rules": [\#(rules.joined(separator: ", "))]}"#
    }

    /// A reviewed renal statement for test drugs (a drug without one is unscreened).
    public static let reviewedRenal = #", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}"#

    /// The descriptive part of each base drug (everything but `rules`).
    public static let drugBases: [String: String] = [
        "alpha": #""id": "alpha", "name": "Alphadrug", "brands": ["Alphabrand"], "synonyms": ["Ålpha-X"], "codes": {"rxnorm": ["111"], "atc": ["A01AA01"]}, "classes": ["relaxant"], "doseUnit": "mg", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}"#,
        "beta": #""id": "beta", "name": "Betadrug", "classes": ["opioid"], "doseUnit": "mg", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}"#,
        "gamma": #""id": "gamma", "name": "Gammadrug", "classes": ["relaxant"], "doseUnit": "mg", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}"#,
        "delta": #""id": "delta", "name": "Deltadrug", "classes": ["statin"], "doseUnit": "mg", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}"#,
        "epsilon": #""id": "epsilon", "name": "Epsilondrug", "classes": ["diuretic"], "doseUnit": "mg", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}"#,
        "nutrient-q": #""id": "nutrient-q", "name": "Nutrient Q", "doseUnit": "mg", "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}"#,
        "saline": #""id": "saline", "name": "Concentrated saline", "doseUnit": "mEq", "unitConversions": [{"unit": "mL", "equals": {"value": 4, "unit": "mEq"}}], "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}"#,
        "kanzo": #""id": "kanzo", "name": "Kanzo granules", "doseUnit": "mg", "ingredients": [{"ingredient": "licorice-root", "amount": {"value": 6, "unit": "g"}, "per": {"value": 7.5, "unit": "g"}}], "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}"#,
        "kanzo-two": #""id": "kanzo-two", "name": "Second licorice product", "doseUnit": "mg", "ingredients": [{"ingredient": "licorice-root", "amount": {"value": 2, "unit": "g"}, "per": {"value": 5, "unit": "g"}}], "renal": {"summary": "Test drug: reviewed renal statement.", "sources": ["src-a"]}"#,
    ]

    /// The harness's base files (over ``TemporaryFormulary/baseFiles``).
    public static let baseFiles: [String: String] = {
        var files: [String: String] = [
            "classes.json": #"{"classes": [{"id": "relaxant", "name": "Relaxants"}, {"id": "opioid", "name": "Opioids"}, {"id": "statin", "name": "Statins"}, {"id": "diuretic", "name": "Diuretics"}]}"#,
            "indications.json": #"{"indications": [{"id": "muscle-cramps", "name": "Muscle cramps"}, {"id": "malaria", "name": "Malaria"}]}"#,
            "labs.json": #"{"labs": [{"id": "magnesium", "name": "Magnesium", "loinc": ["19123-9"], "unit": "mmol/L", "units": [{"unit": "mmol/L", "perCanonical": 1}, {"unit": "mg/dL", "perCanonical": 2.4305}]}, {"id": "potassium", "name": "Potassium", "loinc": ["2823-3"], "unit": "mmol/L", "units": [{"unit": "mmol/L", "perCanonical": 1}, {"unit": "mEq/L", "perCanonical": 1}]}]}"#,
        ]
        for id in drugBases.keys { files["drugs/\(id).json"] = drugFile(id, rules: []) }
        return files
    }()
}

extension ScreeningReport {
    /// Findings from the rule with this id.
    public func findings(rule id: String) -> [Finding] { findings.filter { $0.ruleID == id } }

    /// The status of the order with this id, or nil when there is no such order.
    public func status(of order: String) -> OrderResult.Status? { orders.first { $0.id == order }?.status }

    /// Rule ids of every finding, in report order.
    public var ruleIDs: [String] { findings.map(\.ruleID) }
}
