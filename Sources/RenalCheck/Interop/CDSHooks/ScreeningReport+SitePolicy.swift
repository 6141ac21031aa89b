extension ScreeningReport {
    /// The report as a site's policy lets a hook show it.
    ///
    /// A rule the policy turns off loses its findings; a rule given another severity has its
    /// findings at that severity; findings below the hook's minimum are dropped. Findings of the
    /// `unscreened` category are kept unchanged whatever the policy: what could not be screened
    /// is never hidden. Findings stay most serious first.
    ///
    /// - Parameters:
    ///   - policy: the site policy.
    ///   - hook: the CDS Hooks hook (`order-select`, `order-sign`).
    /// - Returns: the report with the policy applied.
    public func applying(_ policy: SitePolicy, hook: String) -> ScreeningReport {
        let minimum = policy.minimumSeverity(forHook: hook)
        var kept: [Finding] = []
        for f in findings {
            if f.category == .unscreened { kept.append(f); continue }
            let setting = policy.rules[f.ruleID]
            if setting?.enabled == false { continue }
            let severity = setting?.severity ?? f.severity
            guard severity >= minimum else { continue }
            kept.append(severity == f.severity ? f
                : Finding(rule: f.rule, severity: severity, orderIDs: f.orderIDs, drugs: f.drugs, noteParts: f.noteParts))
        }
        let ranked = kept.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
        return ScreeningReport(formulary: formulary, requestID: requestID, patientID: patientID, asOf: asOf, orders: orders,
                               findings: ranked, unknownMedications: unknownMedications)
    }

    /// The `uuid` of each card ``cdsHooksResponse(formulary:hookInstance:indent:)`` writes, one
    /// per finding, in order: for a service that records which cards it issued.
    ///
    /// - Parameter hookInstance: the request's `hookInstance` (nil: none), as given to the response.
    /// - Returns: one uuid per finding.
    public func cdsHooksCardUUIDs(hookInstance: String? = nil) -> [String] {
        FindingUUID.make(for: findings, salt: hookInstance ?? "")
    }
}
