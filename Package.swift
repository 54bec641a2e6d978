// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RapportCore", targets: ["RapportCore"]),
        .executable(name: "rapport", targets: ["rapport"]),
        .executable(name: "rapport-bench", targets: ["rapport-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", exact: "1.37.0"),
        .package(url: "https://github.com/drmohundro/SWXMLHash.git", exact: "8.1.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // The domain, its storage and the scheduler. No terminal code here.
        .target(
            name: "RapportCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The front end's screens, keys and state, drawn into a buffer of
        // cells: pure, with no terminal, so tests read screens as text.
        .target(
            name: "RapportTerminalUI",
            dependencies: ["RapportCore"]
        ),
        // `rapport sync`: CalDAV and CardDAV over HTTP. Only the sync command
        // uses it, so no other command starts network code.
        .target(
            name: "RapportSync",
            dependencies: [
                "RapportCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // libncursesw, with the wide-character API switched on in its shim.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The `rapport` command: a thin shell over RapportCore, and the
        // terminal edge of the front end.
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportCore",
                "RapportTerminalUI",
                "RapportSync",
                "CNcursesw",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Generates a book and measures Rapport on it (not part of `rapport`).
        .executableTarget(
            name: "rapport-bench",
            dependencies: [
                "RapportCore",
                "RapportTerminalUI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The floor the benchmark compares start-up with: a Swift program that only prints.
        .executableTarget(name: "floor-hello"),
        .testTarget(
            name: "RapportCoreTests",
            dependencies: ["RapportCore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RapportTerminalUITests",
            dependencies: ["RapportTerminalUI", "RapportCore"],
            exclude: ["Snapshots"]
        ),
        // End-to-end tests: run the built `rapport` binary.
        .testTarget(
            name: "RapportCommandTests",
            dependencies: ["RapportCore", "rapport", "rapport-bench", "floor-hello", "RapportSync"]
        ),
    ]
)
