import RenalCheck

/// The shipped formulary, loaded once per fuzzing process.
private let formulary: Formulary = {
    do { return try Formulary.builtin() } catch { fatalError("built-in formulary does not load: \(error)") }
}()
private let checker = Checker(formulary: formulary)
private let review = CascadeReview(formulary: formulary)
/// Statins → quinine: a cascade pair of the shipped formulary, for the dispensing-record analysis.
private let classifier: FormularyPSSAClassifier = {
    guard let c = FormularyPSSAClassifier(formulary: formulary, index: "statin", marker: "quinine") else {
        fatalError("the shipped formulary has no statin → quinine pair")
    }
    return c
}()

/// libFuzzer entry point: the input goes through every other reader of untrusted bytes.
///
/// Each of these must throw its typed error or return a value that screens and renders:
/// a FHIR R4 Bundle (screened, rendered as a FHIR Bundle of DetectedIssues), a CDS Hooks request
/// (screened, rendered as a CDS Hooks response), a medication timeline (cascade review, rendered
/// as JSON and text) and dispensing records for sequence symmetry analysis (with a 64-byte block
/// so that rows straddle block boundaries).
///
/// - Parameters:
///   - data: the fuzz input.
///   - size: its length in bytes.
/// - Returns: 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterop(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        let report = checker.screen(try ScreeningRequest.decode(fhirBundle: bytes, source: "fuzz.json", formulary: formulary))
        _ = report.fhirBundle(formulary: formulary)
    } catch {
        _ = error.description
    }
    do {
        let report = checker.screen(try ScreeningRequest.decode(cdsHooks: bytes, source: "fuzz.json", formulary: formulary))
        _ = report.cdsHooksResponse(formulary: formulary, hookInstance: "fuzz")
    } catch {
        _ = error.description
    }
    do {
        let timeline = try MedicationTimeline.decode(json: bytes, source: "fuzz.json", formulary: formulary)
        do {
            let result = try review.review(timeline)
            _ = result.json()
            _ = result.text
        } catch {
            _ = error.description
        }
    } catch {
        _ = error.description
    }
    do {
        _ = try PSSAAnalysis().run(csvBytes: bytes, classifier: classifier, blockSize: 64)
    } catch {
        _ = error.description
    }
    return 0
}
