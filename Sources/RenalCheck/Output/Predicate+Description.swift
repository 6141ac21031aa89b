extension Predicate {
    /// A short human reading: `on hemodialysis, peritoneal or crrt; or CrCl/eGFR <30`.
    public func described(labs: [LabTest]) -> String {
        func names<E: CaseIterable & RawRepresentable>(_ mask: UInt8, _ type: E.Type, _ bit: (E) -> UInt8) -> String where E.RawValue == String {
            E.allCases.filter { mask & bit($0) != 0 }.map(\.rawValue).joined(separator: "/")
        }
        switch self {
        case .all(let l): return l.isEmpty ? "always" : l.map { $0.described(labs: labs) }.joined(separator: " and ")
        case .any(let l): return "(" + l.map { $0.described(labs: labs) }.joined(separator: " or ") + ")"
        case .not(let p): return "not " + p.described(labs: labs)
        case .dialysis(let m): return "dialysis " + names(m, DialysisModality.self) { $0.bit }
        case .egfr(let r): return "eGFR \(r.described)"
        case .crcl(let r): return "CrCl \(r.described)"
        case .kidneyFunction(let r): return "CrCl/eGFR \(r.described)"
        case .age(let r): return "age \(r.described)"
        case .hepatic(let m): return "hepatic " + names(m, HepaticImpairment.self) { $0.bit }
        case .conditions(let c): return "condition " + c.joined(separator: "/")
        case .indications(let i): return "for " + i.joined(separator: "/")
        case .routes(let m): return "route " + names(m, Route.self) { $0.bit }
        case .timings(let m): return "given " + names(m, DialysisTiming.self) { $0.bit }
        case .frequencies(let f): return "frequency " + f.joined(separator: "/")
        case .regular(let b): return b ? "regular use" : "not regular use"
        case .newStart(let b): return b ? "new start" : "continuing"
        case .current(let s): return "with current \(s.described)"
        case .notCurrent(let s): return "no current \(s.described)"
        case .alongside(let s): return "alongside \(s.described)"
        case .lab(let t, let th, let w):
            return "\(labs[t].id) \(th.described(unit: labs[t].unit))" + (w.map { " within \(Quantity.format($0)) days" } ?? "")
        case .labMissing(let t, let w): return "no \(labs[t].id) within \(Quantity.format(w)) days"
        }
    }
}
