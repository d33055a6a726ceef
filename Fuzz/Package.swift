// swift-tools-version:6.0
// libFuzzer targets, kept out of the main package so its build and CI stay as they are.
// See the README section "Fuzzing" for the commands.
import PackageDescription

let package = Package(
    name: "ShilaoFuzz",
    dependencies: [.package(name: "Shilao", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzAudit",
            dependencies: [
                "FuzzSupport",
                .product(name: "ShilaoChecks", package: "Shilao"),
                .product(name: "ShilaoCore", package: "Shilao"),
            ]
        ),
        .executableTarget(
            name: "FuzzStyle",
            dependencies: [
                "FuzzSupport",
                .product(name: "ShilaoStyle", package: "Shilao"),
                .product(name: "ShilaoDOM", package: "Shilao"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
