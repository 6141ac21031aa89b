#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Strings handed across the C boundary: copied into `malloc` memory, released with `free`
/// (by `renalcheck_string_free`).
enum CString {
    /// A NUL-terminated copy of `bytes` in `malloc` memory, or nil when allocation fails.
    static func allocate(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
        guard let raw = malloc(bytes.count + 1) else { return nil }
        let p = raw.bindMemory(to: CChar.self, capacity: bytes.count + 1)
        bytes.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { memcpy(p, base, bytes.count) }
        }
        p[bytes.count] = 0
        return p
    }

    /// Stores a copy of `text` in `*out` (when `out` is not NULL) and returns `status`, or
    /// `outOfMemory` when the copy cannot be allocated.
    static func deliver(_ text: String, to out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, status: CStatus) -> Int32 {
        guard let out else { return status.rawValue }
        guard let p = allocate(Array(text.utf8)) else { out.pointee = nil; return CStatus.outOfMemory.rawValue }
        out.pointee = p
        return status.rawValue
    }

    /// Releases a string from ``allocate(_:)``.
    static func release(_ p: UnsafeMutablePointer<CChar>?) { free(p) }
}
