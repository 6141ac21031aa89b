/// A code that, found on a patient's condition, procedure or encounter, establishes that the
/// patient is on dialysis, and which modality it names (from `dialysis.json` in the formulary).
public struct DialysisCode: Sendable, Hashable {
    /// The code system.
    public let system: DialysisCodeSystem
    /// The code as the formulary writes it (ICD-10-CM with its dot: `Z99.2`).
    public let code: String
    /// What the code says, in the formulary's own words.
    public let name: String
    /// The modality it establishes.
    public let establishes: DialysisEvidence
    /// Where the code and its meaning were checked (a URL or a named listing).
    public let listing: String

    /// Creates an entry.
    public init(system: DialysisCodeSystem, code: String, name: String, establishes: DialysisEvidence, listing: String) {
        self.system = system
        self.code = code
        self.name = name
        self.establishes = establishes
        self.listing = listing
    }

    /// The lookup key of a code in a system: ICD-10-CM codes without their dot, upper case.
    static func key(_ system: DialysisCodeSystem, _ code: String) -> String {
        switch system {
        case .icd10cm: system.rawValue + ":" + code.uppercased().filter { $0 != "." }
        case .hcpcs: system.rawValue + ":" + code.uppercased()
        case .snomed, .cpt: system.rawValue + ":" + code
        }
    }
}
