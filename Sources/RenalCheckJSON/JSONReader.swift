/// Decoding context: tracks the current JSON path and collects every problem found.
///
/// Decoders walk a document with ``at(_:_:)-(String,_)`` to descend, and call ``report(_:code:)``
/// instead of throwing, so one pass reports *all* problems in a file. The path is a stack that
/// is only rendered to text when a problem is reported.
package final class JSONReader {
    /// The file being decoded.
    package let file: String
    /// Every problem reported so far, in the order found.
    package private(set) var diagnostics: [JSONDiagnostic] = []
    private var path: [JSONPathComponent] = []

    /// Creates a reader for `file`.
    /// True for request input: messages never quote a value from it (it may be a patient's).
    /// Formulary files are the project's own text, and quoting them helps their authors.
    package let hidesValues: Bool

    package init(file: String, hidesValues: Bool = false) {
        self.file = file
        self.hidesValues = hidesValues
    }

    /// True when no problem has been reported.
    package var isClean: Bool { diagnostics.isEmpty }

    /// The current path.
    package var currentPath: [JSONPathComponent] { path }

    /// Records a problem at the current path.
    package func report(_ message: String, code: JSONDiagnostic.Code = .invalidValue) {
        diagnostics.append(JSONDiagnostic(file: file, path: path, code: code, message: message))
    }

    /// Records a problem at the current path extended by `key`.
    package func report(_ message: String, key: String, code: JSONDiagnostic.Code = .invalidValue) {
        at(key) { report(message, code: code) }
    }

    /// Runs `body` with the path extended by an object key.
    package func at<T>(_ key: String, _ body: () throws -> T) rethrows -> T {
        path.append(.key(key))
        defer { path.removeLast() }
        return try body()
    }

    /// Runs `body` with the path extended by an array index.
    package func at<T>(_ index: Int, _ body: () throws -> T) rethrows -> T {
        path.append(.index(index))
        defer { path.removeLast() }
        return try body()
    }

    /// Views `node` as an object, reporting a type error (and returning nil) otherwise.
    ///
    /// - Parameters:
    ///   - node: the value.
    ///   - allowed: the keys the format defines; any other key is reported as unknown.
    package func object(_ node: JSONNode, allowed: Set<String>? = nil) -> JSONFields? {
        guard node.kind == .object else {
            report("expected an object, found \(node.kind.described)", code: .wrongType)
            return nil
        }
        if let allowed {
            node.forEachMember { key, _ in
                if !allowed.contains(key) { report("unknown field '\(key.clippedForMessage())'", key: key, code: .unknownField) }
            }
        }
        return JSONFields(node: node, reader: self)
    }

    /// Views `node` as an object whose keys must be in `keys`, reporting a type error (and
    /// returning nil) otherwise; the same as ``object(_:allowed:)`` without a `String` per key.
    ///
    /// - Parameters:
    ///   - node: the value.
    ///   - keys: the keys the format defines; any other key is reported as unknown.
    /// - Returns: the fields, or nil when `node` is not an object.
    package func object(_ node: JSONNode, keys: JSONKeySet) -> JSONFields? {
        guard node.kind == .object else {
            report("expected an object, found \(node.kind.described)", code: .wrongType)
            return nil
        }
        node.forEachMemberKeyBytes { key, _ in
            if !keys.contains(key) {
                let key = String(decoding: key, as: UTF8.self)
                report("unknown field '\(key.clippedForMessage())'", key: key, code: .unknownField)
            }
        }
        return JSONFields(node: node, reader: self)
    }

    /// Decodes each element of an array node, reporting a type error if it is not an array.
    package func array<T>(_ node: JSONNode, _ element: (JSONNode) -> T?) -> [T]? {
        guard node.kind == .array else {
            report("expected an array, found \(node.kind.described)", code: .wrongType)
            return nil
        }
        var out: [T] = []
        out.reserveCapacity(node.count)
        for i in 0..<node.count {
            guard let e = node.element(i) else { continue }
            if let v = at(i, { element(e) }) { out.append(v) }
        }
        return out
    }

    /// Reads a string node, reporting a type error otherwise.
    package func string(_ node: JSONNode) -> String? {
        guard let s = node.string else {
            report("expected a string, found \(node.kind.described)", code: .wrongType)
            return nil
        }
        return s
    }

    /// Reads a finite number node, reporting a type error otherwise.
    package func number(_ node: JSONNode) -> Double? {
        guard let n = node.number else {
            report("expected a number, found \(node.kind.described)", code: .wrongType)
            return nil
        }
        guard n.isFinite else { report("number is not finite", code: .invalidValue); return nil }
        return n
    }
}
