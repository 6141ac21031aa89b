/// Tells the PSSA engine whether a drug name belongs to the index class, the marker class, both,
/// neither, or is unknown.
///
/// The library's formulary-backed classifier implements this; tests use
/// ``PSSADictionaryClassifier``. The engine calls ``role(ofDrugNamed:)`` once per distinct
/// drug string in the data (byte-exact, after trimming spaces), so an implementation may be
/// slow-ish (normalising case, resolving RxCUIs) without slowing the scan.
public protocol PSSADrugClassifier: Sendable {
    /// Classifies one drug name as written in the dispensing file.
    ///
    /// - Parameters:
    ///   - name: The drug field of a dispensing row, trimmed of surrounding spaces: a formulary
    ///     name or an RxCUI.
    /// - Returns: The drug's role in this analysis; ``PSSADrugRole/unknown`` for names the
    ///   formulary does not know.
    func role(ofDrugNamed name: String) -> PSSADrugRole
}
