import Foundation

/// JSON text from Foundation values, without escaped slashes and with stable key order.
enum JSONText {
    /// `value` as UTF-8 JSON.
    static func bytes(_ value: Any) -> [UInt8] {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return Array(#"{"error":"internal error"}"#.utf8)
        }
        return [UInt8](data)
    }

    /// Parses a JSON object.
    static func object(_ bytes: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }

    /// RFC 3339 UTC, seconds.
    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }
}
