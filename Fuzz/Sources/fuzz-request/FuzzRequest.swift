import RenalCheck

/// The shipped formulary and a checker over it, built once per fuzzing process.
private let formulary: Formulary = {
    do { return try Formulary.builtin() } catch { fatalError("built-in formulary does not load: \(error)") }
}()
private let checker = Checker(formulary: formulary)

/// libFuzzer entry point: the input is a screening request (JSON bytes).
///
/// `ScreeningRequest.decode` must either throw a `RequestError` (whose description is rendered,
/// as the CLI does) or return a request; a decoded request is screened and its report rendered
/// as JSON and as text.
///
/// - Parameters:
///   - data: the fuzz input.
///   - size: its length in bytes.
/// - Returns: 0.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        let request = try ScreeningRequest.decode(json: bytes, source: "fuzz.json", formulary: formulary)
        let report = checker.screen(request)
        _ = report.jsonBytes()
        _ = report.jsonBytes(indent: 2)
        _ = report.text()
    } catch {
        _ = error.description
    }
    return 0
}
