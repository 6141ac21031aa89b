import Foundation

// renalcheck-bench — see Benchmarks/README.md.
let usage = """
usage: renalcheck-bench [--cpu] [all] [--synthetic DIR] [--runs N] [--seconds S]
       renalcheck-bench load DIR [--runs N]
       renalcheck-bench screen [DIR] [--order DRUG] [--seconds S]
       renalcheck-bench gen-requests N [DIR] [--order DRUG]   > requests.ndjson
       renalcheck-bench ndjson [DIR] [--jobs J] [--compact]   < requests.ndjson > /dev/null
       renalcheck-bench profile screen|decode|json|compact|batch N [DIR]   (for callgrind)
DIR is a formulary folder; without one the built-in (shipped) formulary is used.
"""
var args = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, _ args: inout [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    let v = args[i + 1]
    args.removeSubrange(i...(i + 1))
    return v
}
let runs = option("--runs", &args).flatMap(Int.init) ?? 5
let seconds = option("--seconds", &args).flatMap(Double.init) ?? 3
let jobs = option("--jobs", &args).flatMap(Int.init) ?? 1
let order = option("--order", &args)
let synthetic = option("--synthetic", &args)
let compact = args.contains("--compact")
args.removeAll { $0 == "--compact" }
if let i = args.firstIndex(of: "--cpu") { Clock.cpu = true; args.remove(at: i) }
let command = args.first ?? "all"
let rest = Array(args.dropFirst())
let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../formulary").standardized.path

do {
    switch command {
    case "all":
        try LoadBench.run(directory: shipped, label: "shipped", runs: runs * 4)
        if let synthetic { try LoadBench.run(directory: synthetic, label: "synthetic", runs: runs) }
        try ScreenBench.run(directory: nil, label: "shipped (built-in)", order: order ?? "baclofen", seconds: seconds)
        if let synthetic { try ScreenBench.run(directory: synthetic, label: "synthetic", order: order, seconds: seconds) }
    case "load":
        try LoadBench.run(directory: rest.first ?? shipped, label: rest.first == nil ? "shipped" : "given", runs: runs)
    case "screen":
        try ScreenBench.run(directory: rest.first, label: rest.first ?? "shipped (built-in)", order: order ?? (rest.first == nil ? "baclofen" : nil), seconds: seconds)
    case "gen-requests":
        guard let n = rest.first.flatMap(Int.init) else { print(usage); exit(64) }
        try NDJSONBench.generate(count: n, directory: rest.dropFirst().first, order: order ?? (rest.count < 2 ? "baclofen" : nil))
    case "profile":
        // For valgrind --tool=callgrind: `profile screen|decode|json|compact|batch N [DIR]`.
        try ScreenBench.profile(what: rest.first ?? "screen", count: rest.dropFirst().first.flatMap(Int.init) ?? 1000,
                                directory: rest.dropFirst(2).first, order: order)
    case "ndjson":
        try NDJSONBench.screen(jobs: jobs, directory: rest.first, compact: compact)
    default:
        print(usage)
        exit(command == "--help" || command == "-h" ? 0 : 64)
    }
} catch {
    FileHandle.standardError.write(Data("renalcheck-bench: \(error)\n".utf8))
    exit(1)
}
