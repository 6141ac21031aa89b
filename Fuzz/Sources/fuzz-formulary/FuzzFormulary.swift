#if canImport(Glibc)
import Glibc
#endif
import RenalCheck

/// The shipped formulary's files (path relative to `formulary/`, bytes), read once per process.
///
/// The folder is `RENALCHECK_FORMULARY` if set, else `formulary/` in the current directory
/// (`make fuzz` runs from the repository root).
private let shipped: [(path: String, bytes: [UInt8])] = {
    let root = (getenv("RENALCHECK_FORMULARY").map { String(cString: $0) }) ?? "formulary"
    let files = FormularyFiles.read(root)
    guard files.contains(where: { $0.path == "formulary.json" }) else {
        fatalError("fuzz-formulary: no formulary at '\(root)'; run from the repository root or set RENALCHECK_FORMULARY")
    }
    return files
}()

/// Which file the fuzz input replaces, chosen by its first byte.
///
/// Slot 0 adds the input as a new drug file `drugs/fuzzed.json`; slot 1 replaces the shipped
/// baclofen file (so its rules and cross-references are validated); the other slots replace each
/// vocabulary or rule file in turn.
private let slots: [String] = [
    "drugs/fuzzed.json", "drugs/baclofen.json", "formulary.json", "sources.json", "classes.json",
    "conditions.json", "indications.json", "ingredients.json", "labs.json", "cascades.json",
    "rules/calcium.json", "rules/licorice.json",
]

/// A small valid formulary (one source, two classes, one lab, two drugs): about a hundred times
/// faster to load than the shipped one, so the validator gets many more executions.
private let small: [(path: String, bytes: [UInt8])] = [
    ("formulary.json", #"{"name": "Fuzz formulary", "version": "2026.01.0", "schemaVersion": 1}"#),
    ("sources.json", #"{"sources": [{"id": "src-a", "kind": "label", "year": 2020, "citation": "A label.", "url": "https://example.org/a"}]}"#),
    ("classes.json", #"{"classes": [{"id": "relaxant", "name": "Relaxants"}, {"id": "opioid", "name": "Opioids"}]}"#),
    ("conditions.json", #"{"conditions": [{"id": "heart-failure", "name": "Heart failure"}]}"#),
    ("indications.json", #"{"indications": [{"id": "muscle-cramps", "name": "Muscle cramps"}]}"#),
    ("ingredients.json", #"{"ingredients": [{"id": "licorice-root", "name": "Licorice root", "unit": "g"}]}"#),
    ("labs.json", #"{"labs": [{"id": "magnesium", "name": "Magnesium", "loinc": ["19123-9"], "unit": "mmol/L", "units": [{"unit": "mmol/L", "perCanonical": 1}, {"unit": "mg/dL", "perCanonical": 2.4305}]}]}"#),
    ("drugs/baclofen.json", #"{"id": "baclofen", "name": "Baclofen", "brands": ["Lioresal"], "classes": ["relaxant"], "doseUnit": "mg", "rules": []}"#),
    ("drugs/beta.json", #"{"id": "beta", "name": "Betadrug", "classes": ["opioid"], "doseUnit": "mg", "rules": []}"#),
].map { ($0.0, Array($0.1.utf8)) }

/// libFuzzer entry point: the first byte picks a base and a formulary file, the rest is its content.
///
/// The first byte's high bit picks the base (clear: the shipped formulary, set: the small one
/// above); its low bits pick the file the input replaces or adds.
///
/// `Formulary.load(files:)` must either throw a `FormularyError` (whose description is rendered)
/// or return a formulary; a formulary that loads is looked up and used to screen one request.
///
/// - Parameters:
///   - data: the fuzz input.
///   - size: its length in bytes.
/// - Returns: 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormulary(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let slot = slots[Int(data[0] & 0x7F) % slots.count]
    let content = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var files = (data[0] & 0x80 == 0 ? shipped : small).filter { $0.path != slot }
    files.append((slot, content))
    do {
        let formulary = try Formulary.load(files: files)
        _ = formulary.drug(named: "baclofen")
        _ = formulary.drug(named: "fuzzed")
        let checker = Checker(formulary: formulary)
        if let order = try? Sig.parse("baclofen 10 mg po tid", id: "o1") {
            let report = checker.screen(ScreeningRequest(
                patient: Patient(weightKg: 60, kidney: KidneyStatus(dialysis: .hemodialysis)), orders: [order]))
            _ = report.jsonBytes()
        }
    } catch {
        _ = error.description
    }
    return 0
}
