/// What a CDS Hooks endpoint answers: an HTTP status and a JSON body.
public struct CDSResult: Sendable {
    /// The HTTP status code.
    public let status: Int
    /// The JSON body.
    public let body: [UInt8]
    /// Extra headers.
    public var headers: [(String, String)] = []

    /// A JSON error body `{"error": message}` (messages never carry patient data).
    static func error(_ status: Int, _ message: String, problems: [String] = []) -> CDSResult {
        var object: [String: Any] = ["error": message]
        if !problems.isEmpty { object["problems"] = problems }
        return CDSResult(status: status, body: JSONText.bytes(object))
    }
}
