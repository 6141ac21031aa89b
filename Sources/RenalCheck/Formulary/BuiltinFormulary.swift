/// The formulary compiled into the library from the repository's `formulary/` folder.
///
/// The file list is generated at build time by the EmbedFormulary plugin.
enum BuiltinFormulary {
    /// Loaded once, on first use, and shared.
    static let loaded: Result<Formulary, FormularyError> = {
        let files = BuiltinFormulary.files.map { (path: $0.path, bytes: Array($0.text.utf8)) }
        do throws(FormularyError) { return .success(try Formulary.load(files: files)) } catch { return .failure(error) }
    }()
}

extension Formulary {
    /// The built-in formulary (the repository's `formulary/` folder, compiled in).
    ///
    /// - Throws: ``FormularyError/invalid(problems:)`` only if the build shipped an invalid formulary.
    public static func builtin() throws(FormularyError) -> Formulary { try BuiltinFormulary.loaded.get() }
}
