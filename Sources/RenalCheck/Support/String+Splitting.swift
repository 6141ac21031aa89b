extension String {
    /// The parts between occurrences of `separator`.
    func splitting(on separator: String) -> [String] {
        var parts: [String] = [], current = ""
        let sep = Array(separator), chars = Array(self)
        var i = 0
        while i < chars.count {
            if i + sep.count <= chars.count, Array(chars[i..<(i + sep.count)]) == sep {
                parts.append(current); current = ""; i += sep.count
            } else {
                current.append(chars[i]); i += 1
            }
        }
        parts.append(current)
        return parts
    }

    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
