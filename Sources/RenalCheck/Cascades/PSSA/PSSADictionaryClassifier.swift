/// A ``PSSADrugClassifier`` backed by plain name lists, for tests, benchmarks and scripts.
///
/// Names are matched case-insensitively. A name in neither list is ``PSSADrugRole/other`` if it
/// appears in `otherKnownDrugs`, and ``PSSADrugRole/unknown`` otherwise (unless
/// `treatUnlistedAsOther` is set).
public struct PSSADictionaryClassifier: PSSADrugClassifier {
    private let roles: [String: PSSADrugRole]
    private let treatUnlistedAsOther: Bool

    /// Creates a classifier from lists of names.
    ///
    /// - Parameters:
    ///   - indexDrugs: Names (or RxCUIs) of the index class.
    ///   - markerDrugs: Names (or RxCUIs) of the marker class. A name in both lists is
    ///     ``PSSADrugRole/both``.
    ///   - otherKnownDrugs: Names the formulary knows that are neither index nor marker.
    ///   - treatUnlistedAsOther: When `true`, names in no list are ``PSSADrugRole/other``
    ///     instead of ``PSSADrugRole/unknown``.
    public init(
        indexDrugs: [String], markerDrugs: [String], otherKnownDrugs: [String] = [],
        treatUnlistedAsOther: Bool = false
    ) {
        var roles: [String: PSSADrugRole] = [:]
        for name in otherKnownDrugs { roles[name.lowercased()] = .other }
        for name in indexDrugs { roles[name.lowercased()] = .index }
        for name in markerDrugs {
            let key = name.lowercased()
            roles[key] = roles[key] == .index ? .both : .marker
        }
        self.roles = roles
        self.treatUnlistedAsOther = treatUnlistedAsOther
    }

    /// Looks the name up case-insensitively.
    ///
    /// - Parameters:
    ///   - name: The drug name from the dispensing file.
    /// - Returns: The listed role, or ``PSSADrugRole/other`` / ``PSSADrugRole/unknown`` for
    ///   unlisted names.
    public func role(ofDrugNamed name: String) -> PSSADrugRole {
        roles[name.lowercased()] ?? (treatUnlistedAsOther ? .other : .unknown)
    }
}
