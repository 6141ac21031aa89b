internal import CJansson

/// A borrowed reference to one value inside a ``JSONDocument``.
///
/// Valid only inside the ``JSONDocument/withRoot(_:)`` closure it came from; copy values out
/// (`string`, `number`) before the closure returns.
package struct JSONNode {
    let raw: Jansson.Value

    init(_ raw: Jansson.Value) { self.raw = raw }

    /// The JSON type of a value.
    package enum Kind: String, Sendable {
        case object, array, string, integer, real, bool, null

        /// The name used in messages ("an object", "a number").
        package var described: String {
            switch self {
            case .object: "an object"
            case .array: "an array"
            case .string: "a string"
            case .integer, .real: "a number"
            case .bool: "a boolean"
            case .null: "null"
            }
        }
    }

    /// This value's type.
    package var kind: Kind {
        switch Jansson.type(raw) {
        case Jansson.objectType: .object
        case Jansson.arrayType: .array
        case Jansson.stringType: .string
        case Jansson.integerType: .integer
        case Jansson.realType: .real
        case Jansson.trueType, Jansson.falseType: .bool
        default: .null
        }
    }

    /// The string, if this is a string.
    package var string: String? { kind == .string ? Jansson.string(raw) : nil }

    /// The length in bytes, if this is a string.
    package var stringByteCount: Int? { kind == .string ? Jansson.stringLength(raw) : nil }

    /// The number, if this is an integer or a real.
    package var number: Double? {
        switch Jansson.type(raw) {
        case Jansson.integerType: Double(Jansson.integer(raw))
        case Jansson.realType: Jansson.real(raw)
        default: nil
        }
    }

    /// The integer, if this is an integer (or a real with no fractional part).
    package var integer: Int64? {
        switch Jansson.type(raw) {
        case Jansson.integerType: return Jansson.integer(raw)
        case Jansson.realType:
            let r = Jansson.real(raw)
            return r.rounded() == r && abs(r) < 9.0e15 ? Int64(r) : nil
        default: return nil
        }
    }

    /// The boolean, if this is `true` or `false`.
    package var bool: Bool? {
        switch Jansson.type(raw) {
        case Jansson.trueType: true
        case Jansson.falseType: false
        default: nil
        }
    }

    /// The member named `key`, if this is an object that has it.
    package func member(_ key: String) -> JSONNode? {
        guard kind == .object, let m = Jansson.member(raw, key) else { return nil }
        return JSONNode(m)
    }

    /// Calls `body` for each member of an object, in document order.
    package func forEachMember(_ body: (String, JSONNode) -> Void) {
        guard kind == .object else { return }
        Jansson.forEachMember(raw) { body($0, JSONNode($1)) }
    }

    /// Calls `body` for each member of an object with its key as borrowed UTF-8 bytes.
    package func forEachMemberKeyBytes(_ body: (UnsafeBufferPointer<UInt8>, JSONNode) -> Void) {
        guard kind == .object else { return }
        Jansson.forEachMemberKeyBytes(raw) { body($0, JSONNode($1)) }
    }

    /// The number of members (object) or elements (array); 0 otherwise.
    package var count: Int {
        switch kind {
        case .array: Jansson.count(raw)
        case .object: Jansson.memberCount(raw)
        default: 0
        }
    }

    /// The element at `index` of an array.
    package func element(_ index: Int) -> JSONNode? {
        guard kind == .array, let e = Jansson.element(raw, index) else { return nil }
        return JSONNode(e)
    }
}
