/// The pharmacist's quick form: one order written as a short sig.
///
/// Grammar (words are case-insensitive; `[]` optional, in this order after the dose):
/// ```
/// sig      = drug dose [route] [frequency] [timing] [duration] [indication]
/// drug     = one or more words before the first number ("calcium carbonate")
/// dose     = number unit          (10 mg, 2.5 g, 20 mg/kg, 16 mL; also "10mg")
/// route    = po | oral | iv | im | sc | subcut | topical | ip | intraperitoneal | dialysate
/// frequency= once | daily | qd | bid | tid | qid | q4h | q6h | q8h | q12h | q24h | q48h | qhs | nightly
///          | weekly | twice weekly | thrice weekly | three times weekly | each dialysis
///          | prn [max N/day]
/// timing   = before dialysis | during dialysis | after dialysis | on non-dialysis days
///            (before, during or after dialysis with no frequency means once each session)
/// duration = for N days | x N days
/// indication = for INDICATION-ID   ("for muscle-cramps")
/// ```
public enum Sig {
    /// Parses a sig into an order or medication.
    ///
    /// - Parameters:
    ///   - sig: the text, e.g. `baclofen 10 mg po tid for 14 days`.
    ///   - id: the order id to give it.
    /// - Returns: the entry.
    /// - Throws: ``SigError`` naming the first word not understood.
    public static func parse(_ sig: String, id: String? = nil) throws(SigError) -> MedicationEntry {
        var words: [String] = []
        for raw in sig.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) {
            // Split "10mg" into "10" and "mg".
            let w = String(raw)
            if let first = w.first, first.isNumber, let cut = w.firstIndex(where: { !$0.isNumber && $0 != "." }), w[cut].isLetter || w[cut] == "µ" {
                words.append(String(w[..<cut])); words.append(String(w[cut...]))
            } else {
                words.append(w)
            }
        }
        guard !words.isEmpty else { throw .empty }
        var i = 0
        var nameWords: [String] = []
        while i < words.count, Double(words[i]) == nil { nameWords.append(words[i]); i += 1 }
        guard !nameWords.isEmpty else { throw .unexpectedWord(sig: sig, word: words[0], position: 1) }
        guard i + 1 < words.count, let value = Double(words[i]) else { throw .missingDose(sig: sig) }
        let unit = words[i + 1]
        guard BaseUnit.parse(unit) != nil else { throw .unexpectedWord(sig: sig, word: unit, position: i + 2) }
        guard value > 0, value.isFinite else { throw .outOfRange(sig: sig, word: words[i], position: i + 1, allowed: "a positive dose") }
        var entry = MedicationEntry(id: id, drug: .name(nameWords.joined(separator: " ")), dose: Dose(value: value, unit: unit))
        i += 2
        func lower(_ k: Int) -> String? { k < words.count ? words[k].lowercased() : nil }
        func fail() -> SigError { .unexpectedWord(sig: sig, word: words[i], position: i + 1) }
        while i < words.count {
            let w = words[i].lowercased()
            if entry.route == nil, entry.frequency == nil, let r = Route(lenient: w) {
                entry.route = r.rawValue; i += 1; continue
            }
            if entry.frequency == nil {
                let two = lower(i + 1).map { "\(w) \($0)" }
                if let two, let code = ["twice weekly": "twice-weekly", "thrice weekly": "thrice-weekly", "each dialysis": "each-dialysis",
                                        "every dialysis": "each-dialysis"][two] {
                    entry.frequency = Frequency(code: code); i += 2; continue
                }
                if w == "three", lower(i + 1) == "times", lower(i + 2) == "weekly" {
                    entry.frequency = Frequency(code: "thrice-weekly"); i += 3; continue
                }
                if w == "prn" {
                    var max: Double?
                    if lower(i + 1) == "max", let spec = lower(i + 2) {
                        let n = spec.hasSuffix("/day") ? String(spec.dropLast(4)) : spec
                        guard let m = Double(n) else { i += 2; throw fail() }
                        guard m > 0, m <= RequestLimits.maxDosesPerDay else {
                            throw .outOfRange(sig: sig, word: words[i + 2], position: i + 3,
                                              allowed: "more than 0 and at most \(Quantity.format(RequestLimits.maxDosesPerDay)) doses a day")
                        }
                        max = m
                        i += 2
                    }
                    entry.frequency = Frequency(code: "prn", maxPerDay: max); i += 1; continue
                }
                let alias = ["nightly": "qhs", "bedtime": "qhs", "at-bedtime": "qhs"][w] ?? w
                if let f = Frequency(code: alias) { entry.frequency = f; i += 1; continue }
            }
            if entry.timing == nil, let next = lower(i + 1), next == "dialysis" || next == "hd" || next == "haemodialysis" || next == "hemodialysis" {
                if let t = ["before": "before-dialysis", "pre": "before-dialysis", "during": "during-dialysis",
                            "intradialytic": "during-dialysis", "after": "after-dialysis", "post": "after-dialysis"][w] {
                    entry.timing = t; i += 2; continue
                }
            }
            if entry.timing == nil, w == "on", lower(i + 1) == "non-dialysis", lower(i + 2) == "days" {
                entry.timing = "non-dialysis-days"; i += 3; continue
            }
            if (w == "for" || w == "x"), let n = lower(i + 1).flatMap(Double.init), let unit = lower(i + 2),
               ["day", "days", "d"].contains(unit), entry.durationDays == nil {
                guard n > 0, n <= RequestLimits.maxDurationDays else {
                    throw .outOfRange(sig: sig, word: words[i + 1], position: i + 2,
                                      allowed: "a course of more than 0 and at most \(Quantity.format(RequestLimits.maxDurationDays)) days")
                }
                entry.durationDays = n; i += 3; continue
            }
            if w == "for", let ind = lower(i + 1), entry.indication == nil, Double(ind) == nil {
                entry.indication = ind; i += 2; continue
            }
            throw fail()
        }
        if entry.frequency == nil, let t = entry.timing, t != "non-dialysis-days" {
            entry.frequency = Frequency(code: "each-dialysis")
        }
        return entry
    }
}
