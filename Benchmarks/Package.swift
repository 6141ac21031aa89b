// swift-tools-version: 6.2
// Benchmarks for RenalCheck: a separate package, never built by CI.
//   cd Benchmarks && swift run -c release renalcheck-bench --help
import PackageDescription

let package = Package(
    name: "RenalCheckBenchmarks",
    dependencies: [
        .package(name: "RenalCheck", path: ".."),
    ],
    targets: [
        // jansson itself, for the parse-only floor.
        .systemLibrary(name: "CJanssonBench", pkgConfig: "jansson", providers: [.apt(["libjansson-dev"])]),
        // Counts malloc calls by defining malloc & co. in the executable (no LD_PRELOAD).
        .target(name: "CMallocCounter"),
        .executableTarget(
            name: "renalcheck-bench",
            dependencies: [
                .product(name: "RenalCheck", package: "RenalCheck"),
                "CJanssonBench",
                "CMallocCounter",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
