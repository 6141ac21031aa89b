/// One step of a JSON path: an object key or an array index.
package enum JSONPathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)

    /// Renders a path as `$.rules[2].limits.daily`.
    package static func render(_ path: [JSONPathComponent]) -> String {
        var text = "$"
        for component in path {
            switch component {
            case .key(let k):
                if !k.isEmpty, k.count <= 64, k.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 45 }) {
                    text += "." + k
                } else {
                    text += "[\"" + k.clippedForMessage().replacingAll("\"", with: "\\\"") + "\"]"
                }
            case .index(let i): text += "[\(i)]"
            }
        }
        return text
    }
}

extension String {
    /// The text cut to `limit` characters with "…(N bytes)" appended, for echoing input in messages.
    package func clippedForMessage(_ limit: Int = 64) -> String {
        guard count > limit else { return self }
        return String(prefix(limit)) + "…(\(utf8.count) bytes)"
    }

    /// Replaces every occurrence of `target` (a single character) with `replacement`.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
