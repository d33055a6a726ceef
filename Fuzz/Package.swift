// swift-tools-version:6.0
// libFuzzer targets, kept out of the main package so its build and CI stay as they are.
// See the README section "Fuzzing" for the commands.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, so the main package is known by whatever
// name its clone has (`main`, `shilao`, …).
let shilao = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "ShilaoFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzAudit",
            dependencies: [
                "FuzzSupport",
                .product(name: "ShilaoChecks", package: shilao),
                .product(name: "ShilaoCore", package: shilao),
            ]
        ),
        .executableTarget(
            name: "FuzzInputs",
            dependencies: [
                "FuzzSupport",
                .product(name: "ShilaoFetch", package: shilao),
            ]
        ),
        .executableTarget(
            name: "FuzzStyle",
            dependencies: [
                "FuzzSupport",
                .product(name: "ShilaoStyle", package: shilao),
                .product(name: "ShilaoDOM", package: shilao),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
