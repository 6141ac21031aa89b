extension ScreeningReport {
    /// The report for a terminal: one line per finding (severity, drugs, summary), then the
    /// specifics, recommendation and source ids indented; a closing count by severity.
    ///
    /// - Parameter colour: use ANSI colours (only when writing to a terminal and `NO_COLOR` is unset).
    public func text(colour: Bool = false) -> String {
        func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        func tag(_ s: Severity) -> String {
            let label = s.rawValue.uppercased()
            let padded = label + String(repeating: " ", count: max(0, 15 - label.count))
            switch s {
            case .contraindicated: return paint(padded, "1;31")
            case .major: return paint(padded, "31")
            case .moderate: return paint(padded, "33")
            case .minor: return paint(padded, "36")
            case .info: return paint(padded, "2")
            }
        }
        var out = ""
        let who = patientID.map { " for patient \($0)," } ?? ""
        out += "Screened \(orders.count) order\(orders.count == 1 ? "" : "s")\(who) as of \(asOf)\n"
        for o in orders where o.status == .unscreened {
            out += paint("  order \(o.id) (\(o.drug)) was NOT fully screened\n", "1;33")
        }
        for f in findings {
            out += "\(tag(f.severity)) \(f.drugs.joined(separator: " + ")): \(f.summary)"
            if !f.orderIDs.isEmpty { out += paint(" [order \(f.orderIDs.joined(separator: ", "))]", "2") }
            out += "\n"
            if let note = f.note { out += "    \(note)\n" }
            out += "    → \(f.recommendation)\n"
            if !f.sources.isEmpty { out += paint("    sources: \(f.sources.map(\.id).joined(separator: ", ")) · rule \(f.ruleID)", "2") + "\n" }
            else { out += paint("    rule \(f.ruleID)", "2") + "\n" }
        }
        if findings.isEmpty { out += "No findings.\n" }
        let counts = countsBySeverity
        let summary = Severity.allCases.compactMap { s in counts[s].map { "\($0) \(s.rawValue)" } }
        out += "\(findings.count) finding\(findings.count == 1 ? "" : "s")"
        if !summary.isEmpty { out += " (\(summary.joined(separator: ", ")))" }
        let unscreened = orders.filter { $0.status == .unscreened }.count
        if unscreened > 0 { out += " · \(unscreened) of \(orders.count) order\(orders.count == 1 ? "" : "s") NOT fully screened" }
        out += " · \(formulary.name) \(formulary.version) (sha256 \(formulary.sha256.prefix(12)))\n"
        return out
    }
}
