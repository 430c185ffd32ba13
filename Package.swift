// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gsel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gsel", targets: ["gsel"]),
        .library(name: "GSelCore", targets: ["GSelCore"]),
        .library(name: "GSelIO", targets: ["GSelIO"]),
        .library(name: "GSelPipeline", targets: ["GSelPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System-library shims: headers and link flags only.
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5",
                       providers: [.apt(["libhdf5-dev"]), .brew(["hdf5"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),

        // Readers: files -> compact matrices + ids; labels.
        .target(name: "GSelIO", dependencies: ["CHDF5", "CZlib"], exclude: ["README.md"]),
        // Training store, models, selectors, stability selection, evaluation.
        .target(name: "GSelCore", dependencies: ["GSelIO", "CBLAS"], exclude: ["README.md"]),
        // TSV / JSON writers, HTML + SVG report. The allowed imports of every module are in
        // docs/architecture.md and checked by Tests/gselCLITests/ArchitectureTests.swift.
        .target(name: "GSelReport", dependencies: ["GSelIO"], exclude: ["README.md"]),
        // The run: parameters, split, fits, resume, scatter/gather, outputs.
        .target(name: "GSelPipeline", dependencies: ["GSelIO", "GSelCore", "GSelReport", "CHDF5"], exclude: ["README.md"]),
        // The command-line tool: options mapped to run parameters, thin commands over GSelPipeline.
        .executableTarget(name: "gsel", dependencies: [
            "GSelIO", "GSelCore", "GSelPipeline", "GSelReport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["README.md"]),

        // Shared test helpers (temporary dirs, fixtures, running the binary).
        .target(name: "_TestSupport", dependencies: ["GSelIO", "GSelCore"], path: "Tests/_TestSupport"),
        .testTarget(name: "GSelIOTests", dependencies: ["GSelIO", "_TestSupport"]),
        .testTarget(name: "GSelCoreTests", dependencies: ["GSelCore", "GSelIO", "_TestSupport"]),
        .testTarget(name: "GSelReportTests", dependencies: ["GSelReport", "_TestSupport"]),
        .testTarget(name: "GSelPipelineTests", dependencies: ["GSelPipeline", "GSelCore", "GSelIO", "_TestSupport"]),
        .testTarget(name: "gselCLITests", dependencies: ["_TestSupport"]),
    ]
)
