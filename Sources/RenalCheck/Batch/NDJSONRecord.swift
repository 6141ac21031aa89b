internal import RenalCheckJSON

/// The output line for one input line: a screening report, or an error record.
///
/// An error record is `{"line":N,"requestId":R,"error":{"code":C,"kind":K,"message":M,"path":P}}`
/// (plus `"column"` when known and `"problems"` when the request had more than one problem;
/// `requestId` whenever the line is JSON whose top-level `requestId` is a string within
/// ``RequestLimits/maxRequestIDBytes``). `code`
/// and `kind` are ``InputProblem/Code``'s number and case name for a request that does not
/// decode; an empty line is code 1, kind `empty`; a line over the limit is code 1, kind `tooLarge`.
enum NDJSONRecord {
    /// What became of one line, for the run's summary.
    struct Outcome {
        var isError = false
        var unscreened = false
        var severity: Severity?
    }

    /// Decodes, screens and renders one line; never throws.
    static func answer(_ entry: NDJSONBatch.Entry, line: Int, in batch: NDJSONBatch, checker: Checker,
                       form: NDJSONScreener.ReportForm = .full) -> ([UInt8], Outcome) {
        switch entry {
        case .oversized(let bytes):
            return error(line: line, code: 1, kind: "tooLarge",
                         message: "line is \(bytes) bytes; the limit is \(RequestLimits.maxBytes)", path: "", column: nil, count: 1)
        case .line(let range):
            guard let text = batch.request(at: range) else {
                return error(line: line, code: 1, kind: "empty",
                             message: "empty line: expected one screening request", path: "", column: nil, count: 1)
            }
            let request: ScreeningRequest
            do {
                request = try ScreeningRequest.decode(json: Array(text), source: "line \(line)", formulary: checker.formulary)
            } catch {
                let first = error.problems.first
                return self.error(line: line, code: first?.code.rawValue ?? 1, kind: first.map { "\($0.code)" } ?? "syntax",
                                  message: first?.message ?? "request is not valid", path: first?.path ?? "",
                                  column: first?.column, count: error.problems.count, requestID: requestID(in: text))
            }
            let report = checker.screen(request)
            var bytes = form == .compact ? report.compactJSONBytes() : report.jsonBytes(indent: 0)
            bytes.append(0x0A)
            return (bytes, Outcome(unscreened: report.hasUnscreenedOrders, severity: report.highestSeverity))
        }
    }

    /// The top-level `requestId` of a line that is JSON but not a valid request, when it is a short string.
    static func requestID<Bytes: Collection<UInt8>>(in text: Bytes) -> String? {
        guard let doc = try? JSONDocument.parseRequest(Array(text), file: "") else { return nil }
        return doc.withRoot { root -> String? in
            guard root.kind == .object, let node = root.member("requestId"), let n = node.stringByteCount,
                  n <= RequestLimits.maxRequestIDBytes else { return nil }
            return node.string
        }
    }

    private static func error(line: Int, code: Int, kind: String, message: String, path: String, column: Int?, count: Int,
                              requestID: String? = nil) -> ([UInt8], Outcome) {
        var w = JSONWriter(indent: 0, capacity: 128 + message.utf8.count)
        w.beginObject()
        w.key("line"); w.integer(line)
        w.member("requestId", requestID)
        w.key("error"); w.beginObject()
        w.key("code"); w.integer(code)
        w.member("kind", kind)
        w.member("message", message)
        w.member("path", path.isEmpty ? "$" : path)
        if let column { w.key("column"); w.integer(column) }
        if count > 1 { w.key("problems"); w.integer(count) }
        w.endObject()
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return (bytes, Outcome(isError: true))
    }
}
