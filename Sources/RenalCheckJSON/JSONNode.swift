internal import CJansson

/// A borrowed reference to one value inside a ``JSONDocument``.
///
/// Valid only inside the ``JSONDocument/withRoot(_:)`` closure it came from; copy values out
/// (`string`, `number`) before the closure returns.
package struct JSONNode {
    /// Where the value lives: a jansson tree (formulary files) or a tape (requests).
    enum Backing {
        case jansson(Jansson.Value)
        case tape(Unmanaged<JSONTape>, Int32)
    }

    let backing: Backing

    init(_ raw: Jansson.Value) { backing = .jansson(raw) }

    init(tape: Unmanaged<JSONTape>, index: Int32) { backing = .tape(tape, index) }

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
        switch backing {
        case .jansson(let raw):
            switch Jansson.type(raw) {
            case Jansson.objectType: .object
            case Jansson.arrayType: .array
            case Jansson.stringType: .string
            case Jansson.integerType: .integer
            case Jansson.realType: .real
            case Jansson.trueType, Jansson.falseType: .bool
            default: .null
            }
        case .tape(let t, let i):
            switch t._withUnsafeGuaranteedRef({ $0.kind(i) }) {
            case .object: .object
            case .array: .array
            case .string, .escapedString: .string
            case .integer: .integer
            case .real: .real
            case .trueValue, .falseValue: .bool
            case .null: .null
            }
        }
    }

    /// The string, if this is a string.
    package var string: String? {
        guard kind == .string else { return nil }
        switch backing {
        case .jansson(let raw): return Jansson.string(raw)
        case .tape(let t, let i): return t._withUnsafeGuaranteedRef { $0.string(i) }
        }
    }

    /// The length in bytes, if this is a string.
    package var stringByteCount: Int? {
        guard kind == .string else { return nil }
        switch backing {
        case .jansson(let raw): return Jansson.stringLength(raw)
        case .tape(let t, let i): return t._withUnsafeGuaranteedRef { $0.stringByteCount(i) }
        }
    }

    /// The number, if this is an integer or a real.
    package var number: Double? {
        switch backing {
        case .jansson(let raw):
            switch Jansson.type(raw) {
            case Jansson.integerType: return Double(Jansson.integer(raw))
            case Jansson.realType: return Jansson.real(raw)
            default: return nil
            }
        case .tape(let t, let i):
            return t._withUnsafeGuaranteedRef { tape in
                switch tape.kind(i) {
                case .integer: Double(tape.integer(i))
                case .real: tape.real(i)
                default: nil
                }
            }
        }
    }

    /// The integer, if this is an integer (or a real with no fractional part).
    package var integer: Int64? {
        switch kind {
        case .integer:
            switch backing {
            case .jansson(let raw): return Jansson.integer(raw)
            case .tape(let t, let i): return t._withUnsafeGuaranteedRef { $0.integer(i) }
            }
        case .real:
            guard let r = number else { return nil }
            return r.rounded() == r && abs(r) < 9.0e15 ? Int64(r) : nil
        default:
            return nil
        }
    }

    /// The boolean, if this is `true` or `false`.
    package var bool: Bool? {
        switch backing {
        case .jansson(let raw):
            switch Jansson.type(raw) {
            case Jansson.trueType: return true
            case Jansson.falseType: return false
            default: return nil
            }
        case .tape(let t, let i):
            switch t._withUnsafeGuaranteedRef({ $0.kind(i) }) {
            case .trueValue: return true
            case .falseValue: return false
            default: return nil
            }
        }
    }

    /// The member named `key`, if this is an object that has it.
    package func member(_ key: String) -> JSONNode? {
        guard kind == .object else { return nil }
        switch backing {
        case .jansson(let raw): return Jansson.member(raw, key).map { JSONNode($0) }
        case .tape(let t, let i): return t._withUnsafeGuaranteedRef { $0.member(i, key) }.map { JSONNode(tape: t, index: $0) }
        }
    }

    /// Calls `body` for each member of an object, in document order.
    package func forEachMember(_ body: (String, JSONNode) -> Void) {
        guard kind == .object else { return }
        switch backing {
        case .jansson(let raw): Jansson.forEachMember(raw) { body($0, JSONNode($1)) }
        case .tape(let t, let i):
            t._withUnsafeGuaranteedRef { tape in
                tape.forEachMember(i) { k, v in body(tape.string(k), JSONNode(tape: t, index: v)) }
            }
        }
    }

    /// Calls `body` for each member of an object with its key as borrowed UTF-8 bytes.
    package func forEachMemberKeyBytes(_ body: (UnsafeBufferPointer<UInt8>, JSONNode) -> Void) {
        guard kind == .object else { return }
        switch backing {
        case .jansson(let raw): Jansson.forEachMemberKeyBytes(raw) { body($0, JSONNode($1)) }
        case .tape(let t, let i):
            t._withUnsafeGuaranteedRef { tape in
                tape.forEachMember(i) { k, v in
                    tape.withStringBytes(k) { body($0, JSONNode(tape: t, index: v)) }
                }
            }
        }
    }

    /// The number of members (object) or elements (array); 0 otherwise.
    package var count: Int {
        switch kind {
        case .array, .object:
            switch backing {
            case .jansson(let raw): return kind == .array ? Jansson.count(raw) : Jansson.memberCount(raw)
            case .tape(let t, let i): return t._withUnsafeGuaranteedRef { $0.count(i) }
            }
        default: return 0
        }
    }

    /// The element at `index` of an array.
    package func element(_ index: Int) -> JSONNode? {
        guard kind == .array else { return nil }
        switch backing {
        case .jansson(let raw): return Jansson.element(raw, index).map { JSONNode($0) }
        case .tape(let t, let i): return t._withUnsafeGuaranteedRef { $0.element(i, index) }.map { JSONNode(tape: t, index: $0) }
        }
    }
}
