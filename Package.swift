// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "SOS",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "sos", targets: ["sos"]),
    // sos with PostgreSQL: what `sos` runs in its place for a postgres:// database, so
    // that the trainee's sos never links (or waits to build) a PostgreSQL client.
    .executable(name: "sos-pg", targets: ["sos-pg"]),
    // The workshop server: its own executable, so that building `sos` for play never
    // waits for the web stack. `sos serve` starts it.
    .executable(name: "sos-server", targets: ["sos-server"]),
    .library(name: "SOSCore", targets: ["SOSCore"]),
    .library(name: "SOSStore", targets: ["SOSStore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
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
    // The store's PostgreSQL engine (postgres-nio), registered by the programs that
    // link it: sos-pg, sos-server and the tests.
    .target(
      name: "SOSPostgres",
      dependencies: [
        "SOSStore",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .target(
      name: "SOSReports",
      dependencies: ["SOSCore"]
    ),
    .target(
      name: "SOSTerminal",
      dependencies: ["SOSCore", "CReadline"]
    ),
    // Every command of sos, for the two programs below.
    .target(
      name: "SOSCommands",
      dependencies: [
        "SOSCore",
        "SOSStore",
        "SOSReports",
        "SOSTerminal",
        "SOSLive",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "sos", dependencies: ["SOSCommands", "SOSStore"]),
    .executableTarget(name: "sos-pg", dependencies: ["SOSCommands", "SOSPostgres"]),
    // The live workshop's messages and its HTTP client (Foundation only): what `sos
    // join` and `sos room` need, without the server's web stack.
    .target(
      name: "SOSLive",
      dependencies: ["SOSCore", "SOSStore"]
    ),
    .target(
      name: "SOSServer",
      dependencies: [
        "SOSCore",
        "SOSStore",
        "SOSLive",
        "SOSReports",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    .executableTarget(
      name: "sos-server",
      dependencies: [
        "SOSServer",
        "SOSStore",
        "SOSPostgres",
        "SOSTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "SOSCoreTests",
      dependencies: ["SOSCore", .product(name: "Yams", package: "Yams")],
      exclude: ["Fixtures"]
    ),
    .testTarget(name: "SOSStoreTests", dependencies: ["SOSStore", "SOSPostgres"]),
    .testTarget(name: "SOSReportsTests", dependencies: ["SOSReports"]),
    // Sets the terminal tests' environment when the test bundle loads, before any
    // thread starts (setenv during parallel tests corrupts memory).
    .target(name: "TestEnvironment", path: "Tests/TestEnvironment"),
    .testTarget(name: "SOSTerminalTests", dependencies: ["SOSTerminal", "TestEnvironment"]),
    .testTarget(
      name: "SOSServerTests",
      dependencies: ["SOSServer", "SOSCore", "SOSStore", "SOSLive"]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "sos", "sos-pg", "sos-server", "SOSCore", "SOSStore", "SOSPostgres", "SOSLive",
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
