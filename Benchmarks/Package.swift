// swift-tools-version: 6.0
import PackageDescription

// The benchmarks live in their own package so the main manifest stays lean. Run them all with
// `scripts/bench.sh` from the repository root; docs/performance.md explains the method.
let package = Package(
    name: "MiniDumpBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The main package by path. `name:` pins its identity, which would otherwise be the
        // checkout folder's name.
        .package(name: "MiniDump", path: ".."),
    ],
    targets: [
        // The main package's test-side writer, compiled from the same sources through the symlink
        // Sources/MiniDumpWriter (the main package exports the writer as no product).
        .target(
            name: "MiniDumpWriter",
            dependencies: [.product(name: "MiniDump", package: "MiniDump")]
        ),
        // `bench-inputs OUT_DIR`: the 16 GiB sparse full dump, the 10,000-frame stack overflow and
        // the folder of 10,000 small dumps.
        .executableTarget(
            name: "bench-inputs",
            dependencies: ["MiniDumpWriter", .product(name: "MiniDump", package: "MiniDump")]
        ),
        // `bench-interleave ROUNDS WARMUP -- NAME PROGRAM ARGS... -- ...`: whole processes timed
        // round-robin, for ratios that a drifting machine does not skew.
        .executableTarget(name: "bench-interleave", dependencies: ["MiniDumpWriter"]),
        // `bench-inproc ...`: the library's own cost per operation, without process start-up.
        .executableTarget(
            name: "bench-inproc",
            dependencies: [.product(name: "MiniDump", package: "MiniDump")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
