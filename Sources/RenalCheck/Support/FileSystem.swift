#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Minimal file access on the C library, so the core needs no Foundation.
///
/// A formulary folder is read defensively: only regular files are read, each with a size limit,
/// through a descriptor opened without blocking (a FIFO named `x.json` is an error, not a hang);
/// folders reached twice (a symlink loop) and folders or files that cannot be read are reported,
/// never skipped, because a part of a formulary left out in silence drops its rules.
enum FileSystem {
    /// Largest formulary file read, in bytes.
    static let maxFileBytes = 16 << 20
    /// Most files and folders visited under one root.
    static let maxEntries = 100_000

    /// What a walk found: relative paths of `*.json` files, sorted, and problems by relative path.
    struct Listing {
        var files: [String] = []
        var problems: [(path: String, message: String)] = []
        var visited: Set<[UInt64]> = []
        var entries = 0
    }

    /// Every `*.json` file under `root`, recursively, and every part that could not be listed;
    /// nil if `root` is not a folder.
    static func jsonFiles(under root: String) -> Listing? {
        guard isDirectory(root) else { return nil }
        var listing = Listing()
        walk(root, prefix: "", into: &listing)
        listing.files.sort()
        listing.problems.sort { $0.path < $1.path }
        return listing
    }

    /// The name in a `dirent`, read up to its terminating NUL only (the rest of `d_name` may be
    /// uninitialised: copying all 256 bytes is what valgrind reported).
    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        let base = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
        return String(cString: base)
    }

    private static func walk(_ dir: String, prefix: String, into out: inout Listing) {
        var info = stat()
        let here = prefix.isEmpty ? "." : prefix
        guard stat(dir, &info) == 0 else { out.problems.append((here, "cannot read folder")); return }
        guard out.visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else {
            out.problems.append((here, "folder reached twice (a symbolic link loop)"))
            return
        }
        guard let handle = opendir(dir) else { out.problems.append((here, "cannot read folder")); return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = name(of: entry)
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            out.entries += 1
            if out.entries > maxEntries {
                out.problems.append((here, "more than \(maxEntries) files and folders"))
                return
            }
            let full = dir + "/" + name
            var s = stat()
            guard stat(full, &s) == 0 else {
                // A dangling link, or an entry that vanished: it may hold formulary content.
                out.problems.append((prefix + name, "cannot read (a broken link?)"))
                continue
            }
            switch s.st_mode & S_IFMT {
            case S_IFDIR: walk(full, prefix: prefix + name + "/", into: &out)
            case S_IFREG: if name.hasSuffix(".json") { out.files.append(prefix + name) }
            default: if name.hasSuffix(".json") { out.problems.append((prefix + name, "not a regular file")) }
            }
        }
    }

    /// True when `path` names a folder.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Why a file could not be read.
    enum ReadFailure: Error {
        /// It could not be opened or read.
        case unreadable
        /// It is not a regular file (a FIFO, a device, a socket).
        case notRegular
        /// It is larger than the limit.
        case tooLarge
    }

    /// The whole of a regular file's bytes, at most `limit` of them.
    static func read(_ path: String, limit: Int = maxFileBytes) -> Result<[UInt8], ReadFailure> {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked on the descriptor.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular) }
        guard Int(info.st_size) <= limit else { return .failure(.tooLarge) }
        var out: [UInt8] = []
        out.reserveCapacity(Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable)
            }
            if n == 0 { return .success(out) }
            out.append(contentsOf: buffer[0..<n])
            if out.count > limit { return .failure(.tooLarge) }
        }
    }
}
