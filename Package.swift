// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Shilao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shilao", targets: ["shilao"]),
        // For the libFuzzer package in Fuzz/, which builds these with coverage instrumentation.
        .library(name: "ShilaoDOM", targets: ["ShilaoDOM"]),
        .library(name: "ShilaoStyle", targets: ["ShilaoStyle"]),
        .library(name: "ShilaoCore", targets: ["ShilaoCore"]),
        .library(name: "ShilaoChecks", targets: ["ShilaoChecks"]),
        .library(name: "ShilaoFetch", targets: ["ShilaoFetch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "ShilaoDOM", dependencies: ["CLibXML2"]),
        .target(name: "ShilaoStyle", dependencies: ["ShilaoDOM"]),
        .target(name: "ShilaoCore", dependencies: ["ShilaoDOM", "ShilaoStyle", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "CheckPack",
            path: "checks",
            resources: [.copy("accessibility"), .copy("elderly"), .copy("data"), .copy("profiles")]
        ),
        .target(name: "ShilaoChecks", dependencies: ["ShilaoCore", "ShilaoDOM", "CheckPack"]),
        .target(
            name: "ShilaoFetch",
            dependencies: [
                "ShilaoCore", "ShilaoDOM", "ShilaoStyle", "CLibXML2", "CZlib",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .target(name: "ShilaoReport", dependencies: ["ShilaoCore"]),
        .executableTarget(
            name: "shilao",
            dependencies: [
                "ShilaoCore", "ShilaoChecks", "ShilaoFetch", "ShilaoReport", "ShilaoStyle",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc in place of glibc's malloc: audits spend about a tenth of their time
            // allocating and freeing small strings and arrays (README, "Benchmark").
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "ShilaoDOMTests", dependencies: ["ShilaoDOM"]),
        .testTarget(name: "ShilaoStyleTests", dependencies: ["ShilaoStyle", "ShilaoDOM"]),
        .testTarget(name: "ShilaoCoreTests", dependencies: ["ShilaoCore", "ShilaoDOM"]),
        .testTarget(name: "CheckTests", dependencies: ["ShilaoChecks", "ShilaoCore", "ShilaoDOM", "CheckPack"]),
        .testTarget(name: "ConformanceTests", dependencies: ["ShilaoChecks", "ShilaoCore", "ShilaoDOM"]),
        .target(
            name: "TestSupport",
            dependencies: [
                "CZlib",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "FetchTests", dependencies: ["ShilaoFetch", "ShilaoCore", "ShilaoDOM", "ShilaoStyle", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["ShilaoReport", "ShilaoCore"], exclude: ["Snapshots"]),
        .testTarget(name: "CLITests", dependencies: ["shilao", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
