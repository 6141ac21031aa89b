// swift-tools-version: 6.2
// renalcheck-server: RenalCheck as a CDS Hooks 2.0 service. A separate package so that a host
// linking the library does not pay for the HTTP stack. See docs/cds-hooks-service.md.
//   cd Server && swift build && .build/debug/renalcheck-server --help
import PackageDescription

let package = Package(
    name: "RenalCheckServer",
    products: [
        .executable(name: "renalcheck-server", targets: ["renalcheck-server"]),
    ],
    dependencies: [
        .package(name: "RenalCheck", path: ".."),
        // Default traits off: no swift-configuration, no full Foundation in the framework.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Already in the graph through Hummingbird and the root package: no extra build.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // SQLite from Debian's libsqlite3-dev (no Swift wrapper package to build).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "RenalCheckService",
            dependencies: [
                .product(name: "RenalCheck", package: "RenalCheck"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                "CSQLite",
            ]
        ),
        .executableTarget(
            name: "renalcheck-server",
            dependencies: ["RenalCheckService", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // End-to-end tests: they start the built renalcheck-server and talk to it over loopback.
        .testTarget(
            name: "RenalCheckServiceTests",
            dependencies: [
                "RenalCheckService", "renalcheck-server",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
