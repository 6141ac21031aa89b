import RenalCheck

/// The shipped formulary and a checker over it, built once per fuzzing process.
private let checker: Checker = {
    do { return Checker(formulary: try Formulary.builtin()) } catch { fatalError("built-in formulary does not load: \(error)") }
}()

/// libFuzzer entry point: the input (as UTF-8, lossily) is a quick-form sig.
///
/// `Sig.parse` must either throw a `SigError` or return an entry; a parsed entry is then screened
/// as a proposed order for a haemodialysis patient (with and without a weight) and rendered, so a
/// sig that parses into values the checker cannot handle (NaN, infinity, huge numbers) is caught.
/// The same text is also read as an EHR timing or dosage text (`Sig.frequency(fromText:)`,
/// `Sig.dose(fromText:)`) and as an RxNorm normalised name (`ClinicalDrugName`), and an order named
/// by it is screened, so those parsers get the same inputs.
///
/// - Parameters:
///   - data: the fuzz input.
///   - size: its length in bytes.
/// - Returns: 0 (the input is always kept for the corpus if it finds new coverage).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { UnsafeBufferPointer(start: $0, count: size) } ?? UnsafeBufferPointer(start: nil, count: 0)
    let text = String(decoding: bytes, as: UTF8.self)
    let frequency = Sig.frequency(fromText: text)
    let named = MedicationEntry(id: "n1", drug: .name(text), dose: Sig.dose(fromText: text), frequency: frequency)
    if ClinicalDrugName(text) != nil || frequency != nil {
        let request = ScreeningRequest(patient: Patient(kidney: KidneyStatus(dialysisUnspecified: true)), orders: [named])
        _ = checker.screen(request).jsonBytes()
    }
    guard let order = try? Sig.parse(text, id: "o1") else { return 0 }
    for weight in [nil, 48.5] as [Double?] {
        let request = ScreeningRequest(
            patient: Patient(weightKg: weight, kidney: KidneyStatus(dialysis: .hemodialysis, sessionsPerWeek: 3, egfr: 8)),
            medications: [order],
            orders: [order])
        let report = checker.screen(request)
        _ = report.jsonBytes()
        _ = report.text()
    }
    return 0
}
