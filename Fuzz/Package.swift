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

/// `-sanitize=fuzzer` instruments the harness and links libFuzzer (whose driver main.swift calls).
let fuzzerFlags: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
let fuzzerLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "RenalCheckFuzz",
    dependencies: [
        .package(name: "RenalCheck", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
        .target(name: "CFuzzerDriver"),
        // A formulary file through jansson, the reader and the validator.
        .executableTarget(
            name: "fuzz-formulary",
            dependencies: [.product(name: "RenalCheck", package: "RenalCheck"), "CFuzzerDriver"],
            swiftSettings: fuzzerFlags,
            linkerSettings: fuzzerLink
        ),
        // A screening request through decoding, screening and JSON rendering.
        .executableTarget(
            name: "fuzz-request",
            dependencies: [.product(name: "RenalCheck", package: "RenalCheck"), "CFuzzerDriver"],
            swiftSettings: fuzzerFlags,
            linkerSettings: fuzzerLink
        ),
        // FHIR Bundles, CDS Hooks requests, medication timelines and dispensing records.
        .executableTarget(
            name: "fuzz-interop",
            dependencies: [.product(name: "RenalCheck", package: "RenalCheck"), "CFuzzerDriver"],
            swiftSettings: fuzzerFlags,
            linkerSettings: fuzzerLink
        ),
        // The quick-form sig parser, then screening of what it parsed.
        .executableTarget(
            name: "fuzz-sig",
            dependencies: [.product(name: "RenalCheck", package: "RenalCheck"), "CFuzzerDriver"],
            swiftSettings: fuzzerFlags,
            linkerSettings: fuzzerLink
        ),
    ],
    swiftLanguageModes: [.v6]
)
