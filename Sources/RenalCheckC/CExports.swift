import RenalCheck

// The C API declared in `Sources/CRenalCheck/include/renalcheck.h`. Each function's contract is
// documented there; `make test-c` checks these declarations against the header. No Swift error
// crosses the boundary: every failure becomes a status code (and, where there is an output
// string, an error object).

/// The library version.
let renalCheckLibraryVersion = "0.1.0"

/// The ABI version: bumped on any incompatible change to `renalcheck.h`.
let renalCheckABIVersion: UInt32 = 1

/// `renalcheck_abi_version`.
@c(renalcheck_abi_version)
public func renalcheckABIVersion() -> UInt32 { renalCheckABIVersion }

/// `renalcheck_library_version`.
@c(renalcheck_library_version)
public func renalcheckLibraryVersion(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    guard let out else { return CStatus.nullArgument.rawValue }
    return CString.deliver(renalCheckLibraryVersion, to: out, status: .ok)
}

/// `renalcheck_string_free`.
@c(renalcheck_string_free)
public func renalcheckStringFree(_ string: UnsafeMutablePointer<CChar>?) { CString.release(string) }

/// `renalcheck_checker_create`.
@c(renalcheck_checker_create)
public func renalcheckCheckerCreate(_ directory: UnsafePointer<CChar>?, _ outChecker: UnsafeMutablePointer<OpaquePointer?>?,
                                    _ outError: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    outError?.pointee = nil
    guard let outChecker else {
        return CString.deliver(CErrorObject.json(.nullArgument, message: "out_checker is NULL"), to: outError, status: .nullArgument)
    }
    outChecker.pointee = nil
    let loaded: Result<Formulary, FormularyError>
    if let directory {
        let path = String(decoding: UnsafeRawBufferPointer(start: directory, count: strlenSafe(directory)), as: UTF8.self)
        loaded = Result { () throws(FormularyError) in try Formulary.load(directory: path) }
    } else {
        loaded = Result { () throws(FormularyError) in try Formulary.builtin() }
    }
    switch loaded {
    case .success(let formulary):
        outChecker.pointee = CheckerHandle(formulary: formulary).retainedPointer()
        return CStatus.ok.rawValue
    case .failure(let error):
        let problems: [InputProblem]
        let message: String
        switch error {
        case .directoryNotFound: problems = []; message = "formulary folder not found"
        case .invalid(let p): problems = p; message = "the formulary has \(p.count) problem(s)"
        }
        return CString.deliver(CErrorObject.json(.formulary, message: message, problems: problems), to: outError, status: .formulary)
    }
}

/// `renalcheck_checker_with_rxnorm`.
@c(renalcheck_checker_with_rxnorm)
public func renalcheckCheckerWithRxNorm(_ checker: OpaquePointer?, _ map: UnsafePointer<CChar>?, _ length: UInt,
                                        _ outChecker: UnsafeMutablePointer<OpaquePointer?>?,
                                        _ outError: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    outError?.pointee = nil
    guard let outChecker else {
        return CString.deliver(CErrorObject.json(.nullArgument, message: "out_checker is NULL"), to: outError, status: .nullArgument)
    }
    outChecker.pointee = nil
    guard let checker else { return CString.deliver(CErrorObject.json(.nullArgument, message: "checker is NULL"), to: outError, status: .nullArgument) }
    guard let map else { return CString.deliver(CErrorObject.json(.nullArgument, message: "map_json is NULL"), to: outError, status: .nullArgument) }
    let bytes = Array(UnsafeRawBufferPointer(start: map, count: Int(length)))
    switch Result(catching: { () throws(RxNormMapError) in try RxNormMap.load(json: bytes, source: "rxnorm-map") }) {
    case .success(let loaded):
        let formulary = CheckerHandle.from(checker).checker.formulary
        outChecker.pointee = CheckerHandle(formulary: formulary, rxnorm: loaded).retainedPointer()
        return CStatus.ok.rawValue
    case .failure(let error):
        let problems: [InputProblem]
        switch error {
        case .invalid(let p): problems = p
        case .badRRF: problems = []
        }
        return CString.deliver(CErrorObject.json(.invalidArgument, message: "the RxNorm map is not valid: \(error.description)", problems: problems),
                               to: outError, status: .invalidArgument)
    }
}

/// `renalcheck_checker_free`.
@c(renalcheck_checker_free)
public func renalcheckCheckerFree(_ checker: OpaquePointer?) {
    guard let checker else { return }
    CheckerHandle.release(checker)
}

/// `renalcheck_checker_formulary_version`.
@c(renalcheck_checker_formulary_version)
public func renalcheckCheckerFormularyVersion(_ checker: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    guard let out else { return CStatus.nullArgument.rawValue }
    out.pointee = nil
    guard let checker else { return CStatus.nullArgument.rawValue }
    return CString.deliver(CheckerHandle.from(checker).checker.formulary.version, to: out, status: .ok)
}

/// `renalcheck_screen`.
@c(renalcheck_screen)
public func renalcheckScreen(_ checker: OpaquePointer?, _ request: UnsafePointer<CChar>?, _ length: UInt,
                             _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    renalcheckScreenFormat(checker, CFormat.json.rawValue, CFormat.json.rawValue, request, length, out)
}

/// `renalcheck_screen_format`.
@c(renalcheck_screen_format)
public func renalcheckScreenFormat(_ checker: OpaquePointer?, _ input: Int32, _ output: Int32, _ request: UnsafePointer<CChar>?,
                                   _ length: UInt, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    guard let out else { return CStatus.nullArgument.rawValue }
    out.pointee = nil
    guard let checker else { return CString.deliver(CErrorObject.json(.nullArgument, message: "checker is NULL"), to: out, status: .nullArgument) }
    guard let request else { return CString.deliver(CErrorObject.json(.nullArgument, message: "request is NULL"), to: out, status: .nullArgument) }
    guard let inFormat = CFormat(rawValue: input), let outFormat = CFormat(rawValue: output) else {
        return CString.deliver(CErrorObject.json(.invalidArgument, message: "unknown format"), to: out, status: .invalidArgument)
    }
    guard length <= UInt(RequestLimits.maxBytes) else {
        return CString.deliver(CErrorObject.json(.invalidArgument, message: "length must be 0 to \(RequestLimits.maxBytes) bytes"),
                               to: out, status: .invalidArgument)
    }
    let bytes = Array(UnsafeRawBufferPointer(start: request, count: Int(length)))
    let handle = CheckerHandle.from(checker)
    let formulary = handle.checker.formulary
    let decoded = Result { () throws(RequestError) -> ScreeningRequest in
        switch inFormat {
        case .json: try ScreeningRequest.decode(json: bytes, source: "request", formulary: formulary)
        case .fhir: try ScreeningRequest.decode(fhirBundle: bytes, source: "request", formulary: formulary)
        case .cdsHooks: try ScreeningRequest.decode(cdsHooks: bytes, source: "request", formulary: formulary)
        }
    }
    switch decoded {
    case .failure(let error):
        let json = CErrorObject.json(.invalidRequest, message: "the request has \(error.problems.count) problem(s)", problems: error.problems)
        return CString.deliver(json, to: out, status: .invalidRequest)
    case .success(let req):
        let report = handle.checker.screen(req)
        let text: String = switch outFormat {
        case .json: String(decoding: report.jsonBytes(indent: 0), as: UTF8.self)
        case .fhir: report.fhirBundle(formulary: formulary, indent: 0)
        case .cdsHooks: report.cdsHooksResponse(formulary: formulary, indent: 0)
        }
        return CString.deliver(text, to: out, status: .ok)
    }
}

/// The length of a NUL-terminated string.
func strlenSafe(_ p: UnsafePointer<CChar>) -> Int {
    var n = 0
    while p[n] != 0 { n += 1 }
    return n
}
