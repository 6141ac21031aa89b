/// Deterministic UUIDs for findings, so FHIR and CDS Hooks output is reproducible.
///
/// A finding's UUID is the SHA-256 of its rule id, order ids, drugs and note (and of a caller's
/// salt, such as a CDS Hooks `hookInstance`), laid out as an RFC 9562 version-8 UUID. The same
/// request screened against the same formulary always yields the same identifiers; a different
/// salt yields different ones.
enum FindingUUID {
    /// One UUID per finding, in order; identical findings get distinct UUIDs.
    static func make(for findings: [Finding], salt: String) -> [String] {
        var used = Set<String>()
        return findings.map { f in
            var attempt = 0
            while true {
                let parts = [salt, f.ruleID, f.orderIDs.joined(separator: ","), f.drugs.joined(separator: ","), f.note ?? "", String(attempt)]
                let id = uuid(parts.joined(separator: "\u{0}"))
                if used.insert(id).inserted { return id }
                attempt += 1
            }
        }
    }

    /// A version-8 UUID from the SHA-256 of `text`.
    static func uuid(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(Array(text.utf8))
        var hex = Array(hasher.finalizeHex().utf8.prefix(32))
        hex[12] = UInt8(ascii: "8")
        let digits = Array("0123456789abcdef".utf8)
        let v = digits.firstIndex(of: hex[16]) ?? 0
        hex[16] = digits[(v & 0x3) | 0x8]
        let s = String(decoding: hex, as: UTF8.self)
        func part(_ a: Int, _ b: Int) -> Substring { s.dropFirst(a).prefix(b - a) }
        return "\(part(0, 8))-\(part(8, 12))-\(part(12, 16))-\(part(16, 20))-\(part(20, 32))"
    }
}
