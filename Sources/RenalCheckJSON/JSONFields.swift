/// Typed access to an object's members, reporting problems through a ``JSONReader``.
///
/// Required accessors report a missing member; every accessor reports a wrong type with the
/// member's JSON path and returns nil, so decoding continues and all problems are collected.
package struct JSONFields {
    /// The object.
    package let node: JSONNode
    /// The reader problems go to.
    package let reader: JSONReader

    /// Wraps an object node; use ``JSONReader/object(_:allowed:)`` to check the type first.
    package init(node: JSONNode, reader: JSONReader) {
        self.node = node
        self.reader = reader
    }

    /// True when the object has `key`.
    package func has(_ key: String) -> Bool { node.member(key) != nil }

    /// The raw member, or nil (reporting when `required`).
    package func member(_ key: String, required: Bool = false) -> JSONNode? {
        if let m = node.member(key) {
            if m.kind == .null && required {
                reader.report("'\(key)' must not be null", key: key, code: .wrongType)
                return nil
            }
            return m.kind == .null ? nil : m
        }
        if required { reader.report("missing required field '\(key)'", key: key, code: .missingField) }
        return nil
    }

    /// A string member.
    package func string(_ key: String, required: Bool = true) -> String? {
        guard let m = member(key, required: required) else { return nil }
        return reader.at(key) { reader.string(m) }
    }

    /// A number member.
    package func number(_ key: String, required: Bool = true) -> Double? {
        guard let m = member(key, required: required) else { return nil }
        return reader.at(key) { reader.number(m) }
    }

    /// An integer member.
    package func integer(_ key: String, required: Bool = true) -> Int? {
        guard let m = member(key, required: required) else { return nil }
        return reader.at(key) {
            guard let i = m.integer, let v = Int(exactly: i) else {
                reader.report("expected a whole number, found \(m.kind == .real ? "a fraction" : m.kind.described)", code: .wrongType)
                return nil
            }
            return v
        }
    }

    /// A boolean member.
    package func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let m = member(key, required: required) else { return nil }
        guard let b = m.bool else {
            reader.report("expected true or false, found \(m.kind.described)", key: key, code: .wrongType)
            return nil
        }
        return b
    }

    /// A member that must be an array of strings.
    package func strings(_ key: String, required: Bool = false) -> [String]? {
        guard let m = member(key, required: required) else { return nil }
        return reader.at(key) { reader.array(m) { reader.string($0) } }
    }

    /// Decodes an object member with `body`.
    package func object<T>(_ key: String, required: Bool = false, allowed: Set<String>? = nil,
                           _ body: (JSONFields) -> T?) -> T? {
        guard let m = member(key, required: required) else { return nil }
        return reader.at(key) {
            guard let fields = reader.object(m, allowed: allowed) else { return nil }
            return body(fields)
        }
    }

    /// Decodes an object member with `body`, its keys checked against `keys`.
    package func object<T>(_ key: String, required: Bool = false, keys: JSONKeySet,
                           _ body: (JSONFields) -> T?) -> T? {
        guard let m = member(key, required: required) else { return nil }
        return reader.at(key) {
            guard let fields = reader.object(m, keys: keys) else { return nil }
            return body(fields)
        }
    }

    /// Decodes an array member, each element with `element`.
    package func array<T>(_ key: String, required: Bool = false, _ element: (JSONNode) -> T?) -> [T]? {
        guard let m = member(key, required: required) else { return nil }
        return reader.at(key) { reader.array(m, element) }
    }

    /// Decodes a string member that must be one of an enumeration's raw values.
    package func enumeration<E: RawRepresentable>(_ key: String, _ type: E.Type, required: Bool = true) -> E?
    where E.RawValue == String, E: CaseIterable {
        guard let s = string(key, required: required) else { return nil }
        if let e = E(rawValue: s) { return e }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        reader.report("unknown value; expected one of: \(allowed)", key: key, code: .invalidValue)
        return nil
    }

    /// Runs `body` with the path extended by `key`.
    package func at<T>(_ key: String, _ body: () -> T) -> T { reader.at(key, body) }
}
