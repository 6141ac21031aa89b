/// The status codes of the C API (`renalcheck_status_t` in `renalcheck.h`).
///
/// The values are part of the ABI: never renumber, only add.
enum CStatus: Int32 {
    /// Success.
    case ok = 0
    /// A required pointer argument was NULL.
    case nullArgument = 1
    /// The request could not be decoded; the output holds an error object.
    case invalidRequest = 2
    /// The formulary folder is missing or invalid; the error output holds an error object.
    case formulary = 3
    /// An argument is out of range (an unknown format, a length over the request limit).
    case invalidArgument = 4
    /// Memory for the result could not be allocated.
    case outOfMemory = 5

    /// The name used in error objects.
    var name: String {
        switch self {
        case .ok: "ok"
        case .nullArgument: "null-argument"
        case .invalidRequest: "invalid-request"
        case .formulary: "invalid-formulary"
        case .invalidArgument: "invalid-argument"
        case .outOfMemory: "out-of-memory"
        }
    }
}
