internal import RenalCheckJSON

/// A site's alert policy for the CDS Hooks service: which rules make cards, at what severity,
/// from which severity a hook shows a card, and whether cards carry suggestions.
///
/// The policy file is JSON (`docs/cds-hooks-service.md`, "Site policy"):
///
/// ```json
/// {
///   "schemaVersion": 1,
///   "name": "Example dialysis unit, P&T committee 2026-11",
///   "rules": {
///     "some-rule-id": { "enabled": false, "reason": "overridden 97% of the time" },
///     "other-rule-id": { "severity": "moderate" }
///   },
///   "minimumCardSeverity": { "order-select": "major", "order-sign": "minor" },
///   "suggestions": true
/// }
/// ```
///
/// It is decoded with the same reader as requests and formularies, so every problem is reported
/// with file, line, column and JSON path. A rule id the formulary does not define is an error.
/// Fail safe: rules of the `unscreened` category (an order or datum the checker could not
/// screen) cannot be turned off or changed, and their findings are shown whatever the minimum.
public struct SitePolicy: Sendable {
    /// What the policy says about one rule.
    public struct RuleSetting: Sendable, Hashable {
        /// False turns the rule off: its findings make no card.
        public let enabled: Bool
        /// The severity its findings get instead of the rule's own, if any.
        public let severity: Severity?
    }

    /// The policy's name, for people.
    public let name: String?
    /// Settings by rule id.
    public let rules: [String: RuleSetting]
    /// The lowest severity that makes a card, by hook (`order-select`, `order-sign`); a hook not
    /// listed shows every severity.
    public let minimumCardSeverity: [String: Severity]
    /// Whether cards carry suggestions (alternatives).
    public let suggestions: Bool
    /// SHA-256 (hex) of the policy file's bytes; of the empty string for ``standard``.
    public let sha256: String

    /// No policy: every rule at its own severity, every severity makes a card, suggestions on.
    public static let standard = SitePolicy(name: nil, rules: [:], minimumCardSeverity: [:], suggestions: true,
                                            sha256: SitePolicy.hash([]))

    /// The hooks a policy may name.
    public static let hooks: Set<String> = ["order-select", "order-sign"]

    /// The lowest severity that makes a card for `hook`.
    public func minimumSeverity(forHook hook: String) -> Severity { minimumCardSeverity[hook] ?? .info }

    /// Decodes and validates a policy file.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - source: its name in messages (the path).
    ///   - formulary: the formulary whose rule ids the policy may name.
    /// - Returns: the policy, with the SHA-256 of `bytes`.
    /// - Throws: ``RequestError/invalid(problems:)``: every problem, as `file:line:column: $.path: message`.
    public static func decode(_ bytes: [UInt8], source: String, formulary: Formulary) throws(RequestError) -> SitePolicy {
        let known = Dictionary(formulary.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let engine = Set(EngineRules.all.map(\.id))
        return try InputDocument.decode(bytes, source: source, what: "site policy") { root, reader -> SitePolicy? in
            guard let f = reader.object(root, allowed: ["schemaVersion", "name", "rules", "minimumCardSeverity", "suggestions"]) else { return nil }
            if let v = f.integer("schemaVersion", required: true), v != 1 {
                reader.report("schema version \(v) is not supported; expected 1", key: "schemaVersion")
            }
            let name = f.string("name", required: false)
            var rules: [String: RuleSetting] = [:]
            _ = f.object("rules") { r -> Bool? in
                r.node.forEachMember { id, value in
                    reader.at(id) {
                        guard let s = reader.object(value, allowed: ["enabled", "severity", "reason"]) else { return }
                        let enabled = s.bool("enabled", required: false)
                        let severity = s.enumeration("severity", Severity.self, required: false)
                        _ = s.string("reason", required: false)
                        if enabled == nil, severity == nil {
                            reader.report("a rule setting needs 'enabled' or 'severity'", code: .missingField)
                        }
                        if engine.contains(id) || known[id]?.category == .unscreened {
                            reader.report("rule '\(id.clippedForMessage())' reports what could not be screened; a site policy cannot turn it off or change it", code: .invalidValue)
                            return
                        }
                        guard known[id] != nil else {
                            reader.report("unknown rule id '\(id.clippedForMessage())' (not in formulary \(formulary.name) \(formulary.version))", code: .unknownReference)
                            return
                        }
                        rules[id] = RuleSetting(enabled: enabled ?? true, severity: severity)
                    }
                }
                return true
            }
            var minimum: [String: Severity] = [:]
            _ = f.object("minimumCardSeverity", allowed: hooks) { m -> Bool? in
                for hook in hooks.sorted() {
                    if let s = m.enumeration(hook, Severity.self, required: false) { minimum[hook] = s }
                }
                return true
            }
            let suggestions = f.bool("suggestions", required: false) ?? true
            return SitePolicy(name: name, rules: rules, minimumCardSeverity: minimum, suggestions: suggestions, sha256: hash(bytes))
        }
    }

    /// SHA-256 of `bytes` as lower-case hex.
    static func hash(_ bytes: [UInt8]) -> String {
        var h = SHA256()
        h.update(bytes)
        return h.finalizeHex()
    }
}
