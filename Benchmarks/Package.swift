// swift-tools-version: 6.1
// The benchmarks of SOS: a package of its own, so that the root package's
// `swift build`, `swift test` and CI never build or run them. Run them with
//   swift package --package-path Benchmarks benchmark
// (see BENCHMARKS.md at the repository root).
import PackageDescription

let package = Package(
  name: "SOSBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "SOS", path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1",
      traits: ["MallocInterposer"]),
    // The playthrough files are YAML; the root package reads scenarios with Yams too.
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // In-process benchmarks of SOSCore: engine, loading, linting, statement
    // analysis and re-scoring.
    .executableTarget(
      name: "SOSBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "SOSCore", package: "SOS"),
        .product(name: "Yams", package: "Yams"),
      ],
      path: "Benchmarks/SOSBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    // Whole-process timings of a release `sos` binary: the first prompt of
    // `sos play` and `sos validate` of the shipped bank.
    .executableTarget(
      name: "CommandLineBenchmarks",
      dependencies: [.product(name: "Benchmark", package: "benchmark")],
      path: "Benchmarks/CommandLineBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
