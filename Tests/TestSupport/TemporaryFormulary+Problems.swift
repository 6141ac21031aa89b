extension TemporaryFormulary {
    /// Writes `files` over the minimal base, loads the folder, removes it, and returns the
    /// problems the loader reported (empty when it loaded).
    ///
    /// - Throws: file-system errors from writing the folder, or ``FormularyError/directoryNotFound(path:)``.
    public static func problems(_ files: [String: String], base: Bool = true) throws -> [InputProblem] {
        try problems(files, base: base) { _ in }
    }

    /// Writes `files` over the minimal base, lets `change` alter the folder (given its path), loads
    /// it, removes it, and returns the problems the loader reported (empty when it loaded).
    ///
    /// - Throws: what `change` throws, file-system errors, or ``FormularyError/directoryNotFound(path:)``.
    public static func problems(_ files: [String: String] = [:], base: Bool = true,
                                after change: (String) throws -> Void) throws -> [InputProblem] {
        let folder = try TemporaryFormulary(files: files, base: base)
        defer { folder.remove() }
        try change(folder.path)
        do {
            _ = try folder.load()
            return []
        } catch .invalid(let problems) {
            return problems
        } catch {
            throw error
        }
    }

    /// Loads `files` over the minimal base, returning the formulary (the folder is removed).
    public static func formulary(_ files: [String: String]) throws -> Formulary {
        let folder = try TemporaryFormulary(files: files)
        defer { folder.remove() }
        return try folder.load()
    }
}
