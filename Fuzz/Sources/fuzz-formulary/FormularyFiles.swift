#if canImport(Glibc)
import Glibc
#endif

/// Reads a formulary folder into memory (every `*.json` except under `schema/`), without Foundation.
enum FormularyFiles {
    /// The files under `root`, as paths relative to it and their bytes.
    static func read(_ root: String) -> [(path: String, bytes: [UInt8])] {
        var out: [(path: String, bytes: [UInt8])] = []
        walk(root, relative: "", into: &out)
        return out
    }

    private static func walk(_ dir: String, relative: String, into out: inout [(path: String, bytes: [UInt8])]) {
        guard let handle = opendir(dir) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let full = dir + "/" + name, rel = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard stat(full, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if rel != "schema" { walk(full, relative: rel, into: &out) }
            } else if name.hasSuffix(".json"), let bytes = contents(full) {
                out.append((rel, bytes))
            }
        }
    }

    private static func contents(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return bytes
    }
}
