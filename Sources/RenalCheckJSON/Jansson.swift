internal import CJansson

/// The one funnel through which RenalCheck calls jansson's C API.
///
/// Every function here wraps exactly one jansson call (named in its doc comment) so that
/// ownership rules are visible in one place: functions that return a *new* reference say so;
/// all others return *borrowed* references valid only while their parent is alive.
enum Jansson {
    typealias Value = UnsafeMutablePointer<json_t>

    /// The outcome of a failed parse, copied out of `json_error_t`.
    struct ParseFailure {
        var line: Int
        var column: Int
        var position: Int
        var code: Int
        var text: String
    }

    /// `json_loadb` with duplicate keys rejected. Returns a **new** reference.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<Value, ParseFailureBox> {
        var error = json_error_t()
        var empty: CChar = 0
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        if let value = withUnsafePointer(to: &empty, { json_loadb(base ?? $0, bytes.count, cjansson_parse_flags(), &error) }) {
            return .success(value)
        }
        let text = withUnsafeBytes(of: &error.text) { raw -> String in
            let chars = raw.prefix(while: { $0 != 0 })
            return String(decoding: chars, as: UTF8.self)
        }
        return .failure(ParseFailureBox(ParseFailure(
            line: Int(error.line), column: Int(error.column), position: Int(error.position),
            code: Int(cjansson_error_code(&error)), text: redacted(text))))
    }

    /// jansson's message without the input it quotes.
    ///
    /// jansson appends the text at the error (`premature end of input near '"MRN-7731…'`) and
    /// quotes escape values (`invalid Unicode '\uDC00'`): that text is the request's, possibly a
    /// patient's identifier or birth date, so it is cut. The line and column still locate it.
    ///
    /// - Parameter text: jansson's `json_error_t.text`.
    /// - Returns: the message with no input text in it.
    static func redacted(_ text: String) -> String {
        var t = Substring(text)
        // "near end of file" quotes nothing from the input: kept.
        if let near = t.firstRange(of: " near "), !t[near.lowerBound...].hasPrefix(" near end of file") { t = t[..<near.lowerBound] }
        if t.hasPrefix("invalid Unicode") { return "invalid Unicode escape" }
        if t.hasPrefix("control character") { return "control character in a string" }
        if t.hasPrefix("unable to decode byte") { return "unable to decode a byte as UTF-8" }
        return String(t)
    }

    /// Boxes a parse failure so it can travel in a `Result`.
    struct ParseFailureBox: Error { let failure: ParseFailure; init(_ f: ParseFailure) { failure = f } }

    /// Maps jansson's `enum json_error_code` to RenalCheck's diagnostic codes.
    static func diagnosticCode(_ code: Int) -> JSONDiagnostic.Code {
        switch UInt32(truncatingIfNeeded: code) {
        case json_error_invalid_utf8.rawValue: .invalidUTF8
        case json_error_numeric_overflow.rawValue: .numericOverflow
        case json_error_duplicate_key.rawValue: .duplicateKey
        case json_error_stack_overflow.rawValue: .tooLarge
        default: .syntax
        }
    }

    /// `json_decref`: releases a reference this code owns.
    static func release(_ value: Value) { cjansson_decref(value) }

    /// `json_typeof`.
    static func type(_ value: Value) -> Int { Int(cjansson_typeof(value)) }

    static let objectType = Int(JSON_OBJECT.rawValue)
    static let arrayType = Int(JSON_ARRAY.rawValue)
    static let stringType = Int(JSON_STRING.rawValue)
    static let integerType = Int(JSON_INTEGER.rawValue)
    static let realType = Int(JSON_REAL.rawValue)
    static let trueType = Int(JSON_TRUE.rawValue)
    static let falseType = Int(JSON_FALSE.rawValue)
    static let nullType = Int(JSON_NULL.rawValue)

    /// `json_string_value` + `json_string_length`, copied into a Swift `String` at once.
    static func string(_ value: Value) -> String {
        guard let chars = json_string_value(value) else { return "" }
        let length = json_string_length(value)
        return chars.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// `json_string_length`.
    static func stringLength(_ value: Value) -> Int { json_string_length(value) }

    /// `json_integer_value`.
    static func integer(_ value: Value) -> Int64 { Int64(json_integer_value(value)) }

    /// `json_real_value`.
    static func real(_ value: Value) -> Double { json_real_value(value) }

    /// `json_object_getn` (borrowed), with the key's UTF-8 passed in place (no C-string copy).
    static func member(_ object: Value, _ key: String) -> Value? {
        var key = key
        return key.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                var empty: CChar = 0
                return withUnsafePointer(to: &empty) { json_object_getn(object, chars.baseAddress ?? $0, chars.count) }
            }
        }
    }

    /// `json_object_size`.
    static func memberCount(_ object: Value) -> Int { json_object_size(object) }

    /// Iterates an object's members in document order with `json_object_iter*` (borrowed).
    static func forEachMember(_ object: Value, _ body: (String, Value) -> Void) {
        var iterator = json_object_iter(object)
        while let it = iterator {
            let length = json_object_iter_key_len(it)
            let key = json_object_iter_key(it).map { chars in
                chars.withMemoryRebound(to: UInt8.self, capacity: length) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                }
            } ?? ""
            if let member = json_object_iter_value(it) { body(key, member) }
            iterator = json_object_iter_next(object, it)
        }
    }

    /// Iterates an object's members in document order with their keys as borrowed bytes.
    static func forEachMemberKeyBytes(_ object: Value, _ body: (UnsafeBufferPointer<UInt8>, Value) -> Void) {
        var iterator = json_object_iter(object)
        while let it = iterator {
            let length = json_object_iter_key_len(it)
            if let member = json_object_iter_value(it) {
                if let chars = json_object_iter_key(it) {
                    chars.withMemoryRebound(to: UInt8.self, capacity: length) { body(UnsafeBufferPointer(start: $0, count: length), member) }
                } else {
                    body(UnsafeBufferPointer(start: nil, count: 0), member)
                }
            }
            iterator = json_object_iter_next(object, it)
        }
    }

    /// `json_array_size`.
    static func count(_ array: Value) -> Int { json_array_size(array) }

    /// `json_array_get` (borrowed).
    static func element(_ array: Value, _ index: Int) -> Value? { json_array_get(array, index) }
}
