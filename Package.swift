// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "MiniDump",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "MiniDump", targets: ["MiniDump"]),
        .executable(name: "dumpinspect", targets: ["dumpinspect"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // zlib from the system (Debian: zlib1g-dev): inflate for gzip and MSZIP cabinets.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(
            name: "MiniDump",
            dependencies: ["CZlib"]
        ),
        // The test-side minidump writer: builds dumps for unit tests, TestDumps/ and benchmarks.
        .target(
            name: "MiniDumpWriter",
            dependencies: ["MiniDump"]
        ),
        .executableTarget(
            name: "dumpinspect",
            dependencies: [
                "MiniDump",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Regenerates TestDumps/ from MiniDumpWriter's TestDumpCatalog: `swift run make-testdumps TestDumps`.
        .executableTarget(name: "make-testdumps", dependencies: ["MiniDumpWriter"]),
        .testTarget(
            name: "dumpinspectTests",
            dependencies: ["dumpinspect", "MiniDumpWriter"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "MiniDumpTests",
            dependencies: ["MiniDump", "MiniDumpWriter", "CZlib"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
