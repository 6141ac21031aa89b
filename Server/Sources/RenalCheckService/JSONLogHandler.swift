import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging

/// A swift-log handler writing one JSON object per line to standard error: time, level, label,
/// message and metadata. The service puts only a request id, routes, statuses and durations in
/// metadata — never a request body, token or patient identifier.
public struct JSONLogHandler: LogHandler {
    /// The logger's label.
    public let label: String
    /// Metadata on every line.
    public var metadata: Logger.Metadata = [:]
    /// The lowest level written.
    public var logLevel: Logger.Level = .info

    /// A handler for `label`.
    public init(label: String) { self.label = label }

    /// Metadata by key.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    public func log(event: LogEvent) {
        var object: [String: Any] = ["ts": JSONText.timestamp(), "level": event.level.rawValue, "logger": label, "msg": "\(event.message)"]
        for (k, v) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            // Hummingbird names its request id hb.request.id; call it request_id.
            object[k == "hb.request.id" ? "request_id" : k] = "\(v)"
        }
        var line = JSONText.bytes(object)
        line.append(UInt8(ascii: "\n"))
        line.withUnsafeBufferPointer { p in _ = Glibc.write(2, p.baseAddress, p.count) }
    }
}
