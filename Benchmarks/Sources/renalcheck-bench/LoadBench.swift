import CJanssonBench
import Foundation
import RenalCheck

/// Goal 1 and 2: formulary load time against the jansson-only floor and JSONDecoder.
enum LoadBench {
    static func run(directory: String, label: String, runs: Int) throws {
        let f = try FormularyFiles(directory: directory)
        print("== load: \(label) (\(directory)): \(f.files.count) files, \(String(format: "%.1f", Double(f.totalBytes) / 1e6)) MB")
        var sink = 0
        let full = Clock.measure(runs: runs) {
            sink &+= (try? Formulary.load(directory: directory))?.drugs.count ?? -1_000_000
        }
        let inMemory = Clock.measure(runs: runs) {
            sink &+= (try? Formulary.load(files: f.files))?.drugs.count ?? -1_000_000
        }
        let jansson = Clock.measure(runs: runs) {
            for file in f.files {
                var error = json_error_t()
                let v = file.bytes.withUnsafeBufferPointer { b in
                    b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { json_loadb($0, b.count, cjanssonbench_flags(), &error) }
                }
                if let v { sink &+= 1; cjanssonbench_decref(v) }
            }
        }
        let datas = f.files.map { (path: $0.path, data: Data($0.bytes)) }
        let decoder = JSONDecoder()
        let foundation = Clock.measure(runs: runs) {
            for file in datas { sink &+= DecodableFormulary.decode(path: file.path, data: file.data, decoder: decoder) }
        }
        guard (try? Formulary.load(files: f.files)) != nil else { print("   (formulary does not load!)"); return }
        let med = { (s: [Double]) in Clock.quantile(s.sorted(), 0.5) }
        print("   Formulary.load(directory:)         \(Clock.summary(full))")
        print("   Formulary.load(files:) in memory   \(Clock.summary(inMemory))")
        print("   jansson json_loadb+decref (floor)  \(Clock.summary(jansson))")
        print("   Foundation JSONDecoder             \(Clock.summary(foundation))")
        print(String(format: "   load(files:) / jansson floor = %.2fx;  JSONDecoder / load(files:) = %.2fx   (sink %d)",
                     med(inMemory) / med(jansson), med(foundation) / med(inMemory), sink))
    }
}
