internal import RenalCheckJSON

extension Formulary {
    /// Loads and validates the formulary in a folder.
    ///
    /// Reads every `*.json` file (except `schema/`), validates every cross-reference, and builds
    /// the indexed model. The formulary's ``sha256`` is SHA-256 over every file in sorted path
    /// order, each as its relative path, a NUL byte, its raw bytes, and a NUL byte.
    ///
    /// - Parameter directory: the formulary folder.
    /// - Returns: the formulary.
    /// - Throws: ``FormularyError/directoryNotFound(path:)``, or ``FormularyError/invalid(problems:)``
    ///   listing **every** problem found, each with file, line and column or JSON path.
    public static func load(directory: String) throws(FormularyError) -> Formulary {
        guard let listing = FileSystem.jsonFiles(under: directory) else { throw .directoryNotFound(path: directory) }
        var files: [(path: String, bytes: [UInt8])] = []
        // Any part that cannot be read is an error: a folder skipped in silence drops its rules.
        var problems = listing.problems.map {
            InputProblem(file: $0.path, line: nil, column: nil, path: "", code: .unreadable, message: $0.message)
        }
        for relative in listing.files where !relative.hasPrefix("schema/") {
            switch FileSystem.read(directory + "/" + relative) {
            case .success(let bytes): files.append((relative, bytes))
            case .failure(let why):
                let message = switch why {
                case .unreadable: "cannot read file"
                case .notRegular: "not a regular file"
                case .tooLarge: "file is larger than \(FileSystem.maxFileBytes >> 20) MiB"
                }
                problems.append(InputProblem(file: relative, line: nil, column: nil, path: "", code: .unreadable, message: message))
            }
        }
        return try load(files: files, extraProblems: problems)
    }

    /// Loads a formulary from in-memory files (path relative to the formulary folder, UTF-8 bytes).
    ///
    /// - Throws: ``FormularyError/invalid(problems:)`` with every problem found.
    public static func load(files: [(path: String, bytes: [UInt8])]) throws(FormularyError) -> Formulary {
        try load(files: files, extraProblems: [])
    }

    private static func load(files: [(path: String, bytes: [UInt8])], extraProblems: [InputProblem]) throws(FormularyError) -> Formulary {
        var problems = extraProblems
        var documents: [String: JSONDocument] = [:]
        var hasher = SHA256()
        for file in files.sorted(by: { $0.path < $1.path }) {
            do {
                let doc = try JSONDocument.parse(file.bytes, file: file.path)
                documents[file.path] = doc
                var path = file.path
                path.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
                hasher.update(byte: 0)
                file.bytes.withUnsafeBytes { hasher.update($0) }
                hasher.update(byte: 0)
            } catch {
                problems.append(InputProblem(error))
            }
        }
        let builder = FormularyBuilder()
        var readers: [(JSONReader, JSONDocument)] = []
        func pass(_ path: String, required: Bool = true, _ body: (JSONNode, JSONReader) -> Void) {
            guard let doc = documents[path] else {
                if required && !files.contains(where: { $0.path == path }) {
                    problems.append(InputProblem(file: path, line: nil, column: nil, path: "", code: .missingFile, message: "required file is missing"))
                }
                return
            }
            let reader = JSONReader(file: path)
            doc.withRoot { body($0, reader) }
            readers.append((reader, doc))
        }
        // Pass 1: manifest, sources, vocabularies. Each vocabulary is `NAME.json`, optionally
        // continued by topic files `NAME/*.json` of the same shape (read in path order).
        func passAll(_ name: String, _ body: (JSONNode, JSONReader) -> Void) {
            pass(name + ".json", body)
            for path in documents.keys.sorted() where Formulary.isVocabularyPart(path, of: name) { pass(path, body) }
        }
        pass("formulary.json") { builder.decodeManifest($0, $1) }
        passAll("sources") { builder.decodeSources($0, $1) }
        passAll("classes") { builder.decodeTerms($0, $1, key: "classes", into: &builder.classes, index: &builder.classIndex) }
        builder.classMembers = Array(repeating: [], count: builder.classes.count)
        passAll("conditions") { builder.decodeTerms($0, $1, key: "conditions", into: &builder.conditions, index: &builder.conditionIndex) }
        passAll("indications") {
            builder.decodeTerms($0, $1, key: "indications", into: &builder.indications, index: &builder.indicationIndex)
            builder.checkIndicationLinks($0, $1)
        }
        passAll("ingredients") { builder.decodeTerms($0, $1, key: "ingredients", into: &builder.ingredients, index: &builder.ingredientIndex) }
        passAll("labs") { builder.decodeLabs($0, $1) }
        pass("dialysis.json", required: false) { builder.decodeDialysisCodes($0, $1) }
        for path in documents.keys.sorted() where Formulary.isVocabularyPart(path, of: "dialysis") {
            pass(path) { builder.decodeDialysisCodes($0, $1) }
        }
        let known: Set<String> = ["formulary.json", "sources.json", "classes.json", "conditions.json", "indications.json",
                                  "ingredients.json", "labs.json", "cascades.json", "dialysis.json"]
        // Pass 2: drugs.
        var drugFiles: [(String, Int32)] = []
        for path in documents.keys.sorted() where path.hasPrefix("drugs/") {
            let expected = String(path.dropFirst("drugs/".count).dropLast(".json".count))
            pass(path) { root, r in
                if let i = builder.decodeDrug(root, r, file: path, expectedID: expected) { drugFiles.append((path, i)) }
            }
        }
        // Pass 3: rules (drug files, topic files, cascades).
        for (path, index) in drugFiles {
            pass(path) { root, r in
                if let f = r.object(root) { builder.decodeRules(f, key: "rules", ownerDrug: index, file: path) }
            }
        }
        for path in documents.keys.sorted() where path.hasPrefix("rules/") {
            pass(path) { root, r in
                if let f = r.object(root, allowed: ["rules", "description"]) {
                    _ = f.string("description", required: false)
                    builder.decodeRules(f, key: "rules", ownerDrug: nil, file: path)
                }
            }
        }
        pass("cascades.json", required: false) { root, r in
            if let f = r.object(root, allowed: ["cascades"]) { builder.decodeRules(f, key: "cascades", ownerDrug: nil, file: "cascades.json") }
        }
        for path in documents.keys.sorted() where !known.contains(path) && !path.hasPrefix("drugs/") && !path.hasPrefix("rules/")
            && !Formulary.vocabularyNames.contains(where: { Formulary.isVocabularyPart(path, of: $0) }) {
            problems.append(InputProblem(file: path, line: nil, column: nil, path: "", code: .missingFile,
                                             message: "not part of the formulary format (expected drugs/, rules/, a vocabulary folder such as sources/, or a known file)"))
        }
        for (reader, doc) in readers {
            for d in reader.diagnostics { problems.append(InputProblem(d, bytes: doc.bytes)) }
        }
        guard problems.isEmpty else {
            var seen = Set<InputProblem>()
            throw .invalid(problems: problems.filter { seen.insert($0).inserted }
                .sorted { ($0.file, $0.line ?? 0, $0.column ?? 0) < ($1.file, $1.line ?? 0, $1.column ?? 0) })
        }
        return Formulary(storage: Storage(builder: builder, sha256: hasher.finalizeHex()))
    }
}

extension Formulary {
    /// The vocabularies that may be continued by topic files in a folder of the same name.
    static let vocabularyNames = ["sources", "classes", "conditions", "indications", "ingredients", "labs", "dialysis"]

    /// Whether `path` is a topic file `NAME/*.json` (one level deep) continuing vocabulary `name`.
    static func isVocabularyPart(_ path: String, of name: String) -> Bool {
        path.hasPrefix(name + "/") && path.hasSuffix(".json") && !path.dropFirst(name.count + 1).contains("/")
    }
}

extension InputProblem {
    /// A problem from a JSON diagnostic, located in the file's text when it has a path.
    init(_ d: JSONDiagnostic, bytes: [UInt8]? = nil) {
        var line = d.line, column = d.column
        if line == nil, let bytes, !d.path.isEmpty, let pos = JSONSourceLocator.locate(d.path, in: bytes) {
            line = pos.line
            column = pos.column
        }
        let code: Code = switch d.code {
        case .syntax, .invalidUTF8, .numericOverflow, .tooLarge: .syntax
        case .duplicateKey: .duplicateKey
        case .missingField: .missingField
        case .wrongType: .wrongType
        case .invalidValue: .invalidValue
        case .unknownField: .unknownField
        case .unknownReference: .unknownReference
        case .duplicateName: .duplicateName
        case .inconsistent: .inconsistent
        }
        self.init(file: d.file, line: line, column: column, path: d.path.isEmpty ? "" : d.pathText, code: code, message: d.message)
    }
}
