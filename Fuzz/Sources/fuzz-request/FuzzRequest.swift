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
        checkUnparsedFieldsNeverScreenCleaner(request, report)
        _ = report.jsonBytes()
        _ = report.jsonBytes(indent: 2)
        _ = report.text()
    } catch {
        _ = error.description
    }
    return 0
}

/// The oracle for "a part not understood never screens cleaner": for each of the first orders,
/// the same request with one field replaced by text the checker cannot parse (route, frequency,
/// timing, dose unit) must report that order unscreened, and must keep every finding of the
/// original that does not name that order. A violation traps, so libFuzzer keeps the input.
func checkUnparsedFieldsNeverScreenCleaner(_ request: ScreeningRequest, _ report: ScreeningReport) {
    let garbage = "zz-unparsed"
    for i in request.orders.indices.prefix(3) {
        let id = report.orders[i].id
        let variants: [(String, (inout MedicationEntry) -> Void)] = [
            ("route", { $0.route = garbage }),
            ("frequency", { $0.frequency = nil; $0.unrecognizedFrequency = garbage }),
            ("timing", { $0.timing = garbage }),
            ("dose unit", { e in if let d = e.dose { e.dose = Dose(value: d.value, unit: garbage) } }),
        ]
        for (field, change) in variants {
            var changed = request
            change(&changed.orders[i])
            if changed.orders[i] == request.orders[i] { continue }
            let other = checker.screen(changed)
            guard other.orders[i].status == .unscreened else {
                fatalError("order \(id) with an unparsed \(field) was reported screened")
            }
            let kept = Set(other.findings.map { "\($0.ruleID) \($0.orderIDs)" })
            for f in report.findings where !f.orderIDs.contains(id) && !kept.contains("\(f.ruleID) \(f.orderIDs)") {
                fatalError("an unparsed \(field) in order \(id) lost \(f.ruleID)")
            }
        }
    }
}
