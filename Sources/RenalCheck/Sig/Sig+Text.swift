extension Sig {
    /// Number words a written instruction uses for small counts.
    static let numberWords: [String: Double] = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                                                "half": 0.5, "once": 1, "twice": 2, "thrice": 3]

    /// A frequency written as text, the way EHR timing texts and free-text sigs say it:
    /// a quick-form code (`tid`, `q8h`, `qhs`, `weekly`, `each dialysis` …) or a phrase such as
    /// "3 times daily", "three times a day", "twice daily", "every 8 hours", "at bedtime",
    /// "once weekly", "3 times weekly", "after each dialysis", "as needed". Words around the
    /// schedule ("take 1 capsule by mouth …") are ignored.
    ///
    /// - Returns: the frequency, or nil when no schedule can be read (the caller reports the text
    ///   as not understood).
    public static func frequency(fromText text: String) -> Frequency? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "." }.map(String.init)
        guard !words.isEmpty else { return nil }
        func count(_ w: String) -> Double? { Double(w) ?? numberWords[w] }
        let dayWords: Set<String> = ["daily", "day", "days", "d"]
        let weekWords: Set<String> = ["weekly", "week", "wk"]
        var found: Frequency?
        var i = 0
        func set(_ f: Frequency?) { if found == nil { found = f } }
        while i < words.count {
            let w = words[i]
            let next = i + 1 < words.count ? words[i + 1] : ""
            let after = i + 2 < words.count ? words[i + 2] : ""
            if ["prn", "needed"].contains(w) { return Frequency(code: "prn") }
            if let f = Frequency(code: w), !["once", "stat", "x1"].contains(w) || next.isEmpty { set(f); i += 1; continue }
            if (w == "each" || w == "every" || w == "per"), ["dialysis", "session", "hd", "haemodialysis", "hemodialysis"].contains(next) {
                set(Frequency(code: "each-dialysis")); i += 2; continue
            }
            if w == "bedtime" || w == "nightly" { set(Frequency(code: "qhs")); i += 1; continue }
            // "every 8 hours", "q 8 h", "every 2 days"
            if w == "every" || w == "q", let n = count(next), n > 0 {
                if ["hours", "hour", "hrs", "hr", "h"].contains(after), n >= 0.5 {
                    let perDay = 24 / n
                    set(perDay <= RequestLimits.maxDosesPerDay
                        ? Frequency(code: "\(Quantity.format(perDay))/day", schedule: .every(times: perDay, per: .day)) : nil)
                    i += 3; continue
                }
                if dayWords.contains(after) {
                    set(Frequency(code: "\(Quantity.format(7 / n))/week", schedule: .every(times: 7 / n, per: .week))); i += 3; continue
                }
            }
            if w == "every" || w == "each", dayWords.contains(next) { set(Frequency(code: "daily")); i += 2; continue }
            if w == "every", next == "other", after == "day" { set(Frequency(code: "qod")); i += 3; continue }
            // "3 times daily", "three times a day", "twice daily", "once a week", "3x daily", "2 times per week"
            var n: Double?, j = i
            if let c = count(w) {
                n = c; j = i + 1
                if ["times", "time", "x"].contains(next) { j = i + 2 } else if !["once", "twice", "thrice"].contains(w) { n = nil }
            } else if w.hasSuffix("x"), let c = Double(String(w.dropLast())) {
                n = c; j = i + 1
            }
            if let n, n > 0, j < words.count {
                var k = j
                if ["a", "per", "each", "every"].contains(words[k]), k + 1 < words.count { k += 1 }
                if dayWords.contains(words[k]), n <= RequestLimits.maxDosesPerDay {
                    let code = [1: "daily", 2: "bid", 3: "tid", 4: "qid"][Int(n)].flatMap { Double(Int(n)) == n ? $0 : nil }
                    set(code.flatMap { Frequency(code: $0) }
                        ?? Frequency(code: "\(Quantity.format(n))/day", schedule: .every(times: n, per: .day)))
                    i = k + 1; continue
                }
                if weekWords.contains(words[k]) {
                    set(Frequency(code: "\(Quantity.format(n))/week", schedule: .every(times: n, per: .week))); i = k + 1; continue
                }
            }
            i += 1
        }
        return found
    }

    /// A dose written as text: the first number followed by a unit (`300 mg`, `1 capsule`,
    /// `two tablets`, `5 mL`), as in "Take 1 capsule by mouth 3 times daily". Counts of tablets
    /// or capsules are kept as such; the checker turns them into mg with the clinical drug's
    /// strength (``ScreeningRequest/resolvingClinicalDrugs(formulary:rxnorm:)``).
    public static func dose(fromText text: String) -> Dose? {
        var words: [String] = []
        for raw in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }) {
            let w = String(raw)
            if let first = w.first, first.isNumber, let cut = w.firstIndex(where: { !$0.isNumber && $0 != "." }), w[cut].isLetter {
                words.append(String(w[..<cut])); words.append(String(w[cut...]))
            } else {
                words.append(w)
            }
        }
        let counts: [String: String] = ["tablet": "tablet", "tablets": "tablet", "tab": "tablet", "tabs": "tablet",
                                        "capsule": "capsule", "capsules": "capsule", "cap": "capsule", "caps": "capsule"]
        for i in 0..<max(0, words.count - 1) {
            guard let n = Double(words[i]) ?? numberWords[words[i]], n > 0, n.isFinite else { continue }
            let u = words[i + 1].hasSuffix(".") ? String(words[i + 1].dropLast()) : words[i + 1]
            if let c = counts[u] { return Dose(value: n, unit: c) }
            if BaseUnit.parse(u) != nil { return Dose(value: n, unit: u == "ml" ? "mL" : u) }
        }
        return nil
    }
}
