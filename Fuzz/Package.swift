// swift-tools-version: 6.2
// libFuzzer targets for RenalCheck: a separate package, so the main package and CI builds are untouched.
//
//   make fuzz                     # each target for FUZZ_SECONDS (default 60) seconds
//   make fuzz-smoke               # each target, fixed seed and run count (CI)
//
// Build by hand (the whole graph is instrumented, so libFuzzer sees coverage inside RenalCheck):
//   swift build --package-path Fuzz -c release --scratch-path .build-fuzz -Xswiftc -sanitize=address \
//       -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table
// Each executable defines `LLVMFuzzerTestOneInput` with `@_cdecl`, and its main.swift runs
// libFuzzer's driver on it: SwiftPM renames an executable's entry point, so `-parse-as-library`
// plus libFuzzer's own `main` does not link. Unsafe flags are allowed because this package is the
// root package when built as above; the main package never sees them.
import PackageDescription

/// A libFuzzer executable over the RenalCheck library: `-sanitize=fuzzer` instruments the harness
/// and links libFuzzer (whose driver its main.swift calls).
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "RenalCheck", package: "RenalCheck"), "CFuzzerDriver"],
        swiftSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
    )
}

let package = Package(
    name: "RenalCheckFuzz",
    dependencies: [
        .package(name: "RenalCheck", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
        .target(name: "CFuzzerDriver"),
        // A formulary file through jansson, the reader and the validator.
        fuzzTarget("fuzz-formulary"),
        // A screening request through decoding, screening and JSON rendering.
        fuzzTarget("fuzz-request"),
        // FHIR Bundles, CDS Hooks requests, medication timelines and dispensing records.
        fuzzTarget("fuzz-interop"),
        // The quick-form sig parser, then screening of what it parsed.
        fuzzTarget("fuzz-sig"),
    ],
    swiftLanguageModes: [.v6]
)
