// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "SOS",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "sos", targets: ["sos"]),
    .library(name: "SOSCore", targets: ["SOSCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .target(
      name: "SOSCore",
      dependencies: [.product(name: "Yams", package: "Yams")]
    ),
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    .target(
      name: "SOSTerminal",
      dependencies: ["SOSCore", "CReadline"]
    ),
    .executableTarget(
      name: "sos",
      dependencies: [
        "SOSCore",
        "SOSTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "SOSCoreTests", dependencies: ["SOSCore"], exclude: ["Fixtures"]),
    .testTarget(name: "SOSTerminalTests", dependencies: ["SOSTerminal"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["sos"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
