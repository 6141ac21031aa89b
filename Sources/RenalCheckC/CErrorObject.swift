import RenalCheck

/// The error object written instead of a result: `{"error": {"code", "status", "message", "problems"}}`.
///
/// `code` is the `renalcheck_status_t` value; each problem carries the stable
/// ``InputProblem/Code`` number, the JSON path, line and column when known, and a message.
/// Written by hand (a few fields) so this module needs only the public RenalCheck API.
enum CErrorObject {
    /// The error object as JSON text.
    static func json(_ status: CStatus, message: String, problems: [InputProblem] = []) -> String {
        var out = #"{"error":{"code":\#(status.rawValue),"status":\#(quoted(status.name)),"message":\#(quoted(message)),"problems":["#
        for (i, p) in problems.enumerated() {
            if i > 0 { out += "," }
            out += #"{"code":\#(p.code.rawValue),"file":\#(quoted(p.file))"#
            if let line = p.line { out += #","line":\#(line)"# }
            if let column = p.column { out += #","column":\#(column)"# }
            out += #","path":\#(quoted(p.path)),"message":\#(quoted(p.message))}"#
        }
        return out + "]}}"
    }

    /// `s` as a JSON string literal.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
