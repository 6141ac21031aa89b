// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "RenalCheck",
    products: [
        .library(name: "RenalCheck", targets: ["RenalCheck"]),
        .executable(name: "renalcheck", targets: ["renalcheck"]),
        // The C ABI (librenalcheck.so; `make lib`): JSON in, JSON out. See docs/integration.md.
        .library(name: "RenalCheckC", type: .dynamic, targets: ["RenalCheckC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The C library jansson, found through pkg-config.
        .systemLibrary(
            name: "CJansson",
            pkgConfig: "jansson",
            providers: [.apt(["libjansson-dev"])]
        ),
        // The only importer of CJansson: parsing, typed access with JSON paths, writing.
        .target(name: "RenalCheckJSON", dependencies: ["CJansson"]),
        // The domain: formulary, requests, checker, reports. No C types.
        .target(
            name: "RenalCheck",
            dependencies: ["RenalCheckJSON"],
            plugins: ["EmbedFormulary"]
        ),
        // Writes the built-in formulary into a generated Swift source at build time.
        .executableTarget(name: "renalcheck-embed", path: "Sources/renalcheck-embed"),
        .plugin(
            name: "EmbedFormulary",
            capability: .buildTool(),
            dependencies: ["renalcheck-embed"]
        ),
        .executableTarget(
            name: "renalcheck",
            dependencies: [
                "RenalCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The hand-written C header of the C ABI (include/renalcheck.h).
        .target(name: "CRenalCheck"),
        // The Swift implementation of renalcheck.h (@c functions). No Foundation.
        .target(name: "RenalCheckC", dependencies: ["RenalCheck", "CRenalCheck"]),
        .target(name: "TestSupport", dependencies: ["RenalCheck"], path: "Tests/TestSupport"),
        .testTarget(name: "RenalCheckJSONTests", dependencies: ["RenalCheckJSON"]),
        .testTarget(name: "RenalCheckTests", dependencies: ["RenalCheck", "RenalCheckJSON", "TestSupport"]),
        .testTarget(name: "RenalCheckCLITests", dependencies: ["renalcheck", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
