/// Normalises names for lookup: case-, accent- and punctuation-insensitive.
///
/// `Lioresal`, `LIORESAL` and `lioresal` share a key; so do `L-carnitine` and `l carnitine`, and
/// `Ménière` and `meniere`. Accents are folded with a table for Latin letters (no Foundation).
enum NameKey {
    /// The lookup key for `text`.
    static func make(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x300...0x36F).contains(v) { continue } // combining marks
            if let folded = fold(scalar) {
                for f in folded.unicodeScalars {
                    if pendingSpace && !out.isEmpty { out.append(" ") }
                    pendingSpace = false
                    out.append(f)
                }
            } else if scalar.properties.isAlphabetic || (48...57).contains(v) {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                for l in scalar.properties.lowercaseMapping.unicodeScalars { out.append(l) }
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    private static func fold(_ s: Unicode.Scalar) -> String? {
        let v = s.value
        if v < 0x80 {
            if (65...90).contains(v) { return String(Unicode.Scalar(v + 32)!) }
            return nil
        }
        switch s {
        case "à", "á", "â", "ã", "ä", "å", "À", "Á", "Â", "Ã", "Ä", "Å", "ā", "Ā", "ă", "ą": return "a"
        case "æ", "Æ": return "ae"
        case "ç", "Ç", "ć", "č": return "c"
        case "è", "é", "ê", "ë", "È", "É", "Ê", "Ë", "ē", "ė", "ę", "ě": return "e"
        case "ì", "í", "î", "ï", "Ì", "Í", "Î", "Ï", "ī", "į": return "i"
        case "ñ", "Ñ", "ń", "ň": return "n"
        case "ò", "ó", "ô", "õ", "ö", "ø", "Ò", "Ó", "Ô", "Õ", "Ö", "Ø", "ō", "ő": return "o"
        case "œ", "Œ": return "oe"
        case "ù", "ú", "û", "ü", "Ù", "Ú", "Û", "Ü", "ū", "ů", "ű": return "u"
        case "ý", "ÿ", "Ý": return "y"
        case "ß": return "ss"
        case "š", "ś", "Š": return "s"
        case "ž", "ź", "ż", "Ž": return "z"
        case "ł", "Ł": return "l"
        case "ř": return "r"
        case "µ", "μ": return "u"
        default: return nil
        }
    }

    /// Levenshtein distance, for "did you mean" suggestions.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
