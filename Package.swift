// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "epicheck",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Epicrisis", targets: ["Epicrisis"]),
        .library(name: "EpicrisisRules", targets: ["EpicrisisRules"]),
        .executable(name: "epicheck", targets: ["epicheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "Epicrisis",
            dependencies: ["CLibXML2", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "EpicrisisRules",
            dependencies: [
                "Epicrisis",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Rainbow", package: "Rainbow"),
            ]
        ),
        .executableTarget(
            name: "epicheck",
            dependencies: [
                "Epicrisis", "EpicrisisRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Rainbow", package: "Rainbow"),
            ]
        ),
        .executableTarget(
            name: "epicheck-bench",
            dependencies: ["Epicrisis", "EpicrisisRules", "CLibXML2"]
        ),
        .testTarget(
            name: "EpicrisisTests",
            // The executable is a dependency so that `swift test` builds it for the CLI tests.
            dependencies: ["Epicrisis", "EpicrisisRules", "epicheck", "CLibXML2"],
            // Read by path (`ReporterTests`), not as bundled resources.
            exclude: ["Expected"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
