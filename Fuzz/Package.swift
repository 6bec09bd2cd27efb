// swift-tools-version: 6.0
// libFuzzer targets for epicheck's readers and rule-pack loading. Build and run from this folder:
//
//     swift build -c debug -Xswiftc -sanitize=fuzzer,address
//     .build/debug/fuzz-oioxml corpus-xml/ ../samples ../../shared/medcom/messages -max_total_time=600
//
// Kept apart from the main package because every module here is built with the fuzzer's
// instrumentation and has libFuzzer's entry point instead of a main function.
import Foundation
import PackageDescription

/// The main package's identity is the name of the folder it is checked out in.
let main = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "epicheck-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzDriver", dependencies: [.product(name: "Epicrisis", package: main)]),
    ] + ["fuzz-oioxml", "fuzz-text", "fuzz-edifact", "fuzz-rulepack"].map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzDriver",
                .product(name: "Epicrisis", package: main),
                .product(name: "EpicrisisRules", package: main),
            ]
        )
    },
    swiftLanguageModes: [.v6]
)
