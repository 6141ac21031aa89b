import Foundation

/// A formulary folder read into memory once, so every loader is timed on the same bytes.
struct FormularyFiles {
    let directory: String
    let files: [(path: String, bytes: [UInt8])]
    var totalBytes: Int { files.reduce(0) { $0 + $1.bytes.count } }

    init(directory: String) throws {
        self.directory = directory
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: directory) else { throw CocoaError(.fileNoSuchFile) }
        var out: [(String, [UInt8])] = []
        while let p = walker.nextObject() as? String {
            guard p.hasSuffix(".json"), !p.hasPrefix("schema/"), !p.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            out.append((p, [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + p)))))
        }
        files = out.sorted { $0.0 < $1.0 }
    }
}
