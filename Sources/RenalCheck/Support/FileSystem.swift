#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Minimal file access on the C library, so the core needs no Foundation.
enum FileSystem {
    /// Relative paths of every `*.json` file under `root`, recursively, sorted; nil if `root` is not a folder.
    static func jsonFiles(under root: String) -> [String]? {
        guard isDirectory(root) else { return nil }
        var out: [String] = []
        walk(root, prefix: "", into: &out)
        return out.sorted()
    }

    private static func walk(_ dir: String, prefix: String, into out: inout [String]) {
        guard let handle = opendir(dir) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            let full = dir + "/" + name
            if isDirectory(full) {
                walk(full, prefix: prefix + name + "/", into: &out)
            } else if name.hasSuffix(".json") {
                out.append(prefix + name)
            }
        }
    }

    /// True when `path` names a folder.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The whole file's bytes, or nil when it cannot be read. `limit` caps the size read.
    static func read(_ path: String, limit: Int = 1 << 30) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n > 0 { out.append(contentsOf: buffer[0..<n]) }
            if out.count > limit { return nil }
            if n < buffer.count { return ferror(file) == 0 ? out : nil }
        }
    }
}
