// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "SOS",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "sos", targets: ["sos"]),
    .library(name: "SOSCore", targets: ["SOSCore"]),
    .library(name: "SOSStore", targets: ["SOSStore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
      name: "SOSStore",
      dependencies: ["SOSCore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .target(
      name: "SOSReports",
      dependencies: ["SOSCore"]
    ),
    .target(
      name: "SOSTerminal",
      dependencies: ["SOSCore", "CReadline"]
    ),
    .executableTarget(
      name: "sos",
      dependencies: [
        "SOSCore",
        "SOSStore",
        "SOSReports",
        "SOSTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "SOSCoreTests",
      dependencies: ["SOSCore", .product(name: "Yams", package: "Yams")],
      exclude: ["Fixtures"]
    ),
    .testTarget(name: "SOSStoreTests", dependencies: ["SOSStore"]),
    .testTarget(name: "SOSReportsTests", dependencies: ["SOSReports"]),
    // Sets the terminal tests' environment when the test bundle loads, before any
    // thread starts (setenv during parallel tests corrupts memory).
    .target(name: "TestEnvironment", path: "Tests/TestEnvironment"),
    .testTarget(name: "SOSTerminalTests", dependencies: ["SOSTerminal", "TestEnvironment"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["sos", "SOSCore", "SOSStore"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
