// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// The root package, as SwiftPM names a package found by path: after its folder, which
/// differs from clone to clone (`main`, a worktree, CI's checkout).
let sos = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
  .lastPathComponent.lowercased()

/// libFuzzer targets for SOS's parsers and analysers: one executable per entry point,
/// each exporting `LLVMFuzzerTestOneInput`. Built only with the fuzzer sanitizer,
/// which links libFuzzer's `main`; see README.md.
let package = Package(
  name: "SOSFuzz",
  dependencies: [
    .package(path: "..")
  ],
  targets: [
    .executableTarget(
      name: "FuzzLoader",
      dependencies: [.product(name: "SOSCore", package: sos)]
    ),
    .executableTarget(
      name: "FuzzExpression",
      dependencies: [.product(name: "SOSCore", package: sos)]
    ),
    .executableTarget(
      name: "FuzzStatement",
      dependencies: [.product(name: "SOSCore", package: sos)]
    ),
    .executableTarget(
      name: "FuzzSessionFile",
      dependencies: [
        .product(name: "SOSCore", package: sos),
        .product(name: "SOSStore", package: sos),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
