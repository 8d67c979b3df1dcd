import Benchmark
import Foundation

/// Whole-process timings of the release `sos` binary: time from `sos play` to the
/// first prompt, and `sos validate` of the shipped bank. Build the binary first:
/// `swift build -c release --scratch-path .build-release` at the repository root.
let benchmarks: @Sendable () -> Void = {
  guard FileManager.default.isExecutableFile(atPath: SOSProcess.binary.path) else {
    Benchmark("sos release binary") { benchmark in
      benchmark.error(
        "no executable at \(SOSProcess.binary.path): run "
          + "`swift build -c release --scratch-path .build-release` at the repository root, "
          + "or set SOS_BINARY")
    }
    return
  }
  registerStartupBenchmarks()
  registerValidateBenchmark()
}

/// The CPU time of the `sos` process itself (user + system, microseconds, for the
/// whole run to its exit), read with `getrusage(RUSAGE_CHILDREN)`.
let childCPU = BenchmarkMetric.custom("sos CPU user+sys (us)", useScalingFactor: false)

/// Whole runs of a process: wall clock, and the child's own CPU time (the built-in
/// CPU and allocation metrics would count the benchmark runner, not the child).
var wholeProcess: Benchmark.Configuration {
  Benchmark.Configuration(
    metrics: [.wallClock, childCPU],
    timeUnits: .microseconds,
    warmupIterations: 2,
    maxDuration: .seconds(20),
    maxIterations: 50
  )
}

/// Runs `body` (one child process, to its exit) and records the child's CPU time.
func measuringCPU<Result>(_ benchmark: Benchmark, _ body: () throws -> Result) rethrows -> Result {
  let before = SOSProcess.childrenCPUMicroseconds()
  let result = try body()
  benchmark.measurement(childCPU, SOSProcess.childrenCPUMicroseconds() - before)
  return result
}

// MARK: - Start-up

/// A scratch folder for one benchmark's databases, made in its setup and removed in
/// its teardown (each benchmark runs in a process of its own).
func scratchFolder(_ name: String) -> URL {
  FileManager.default.temporaryDirectory
    .appendingPathComponent("sos-bench-\(name)-\(UUID().uuidString)")
}

func registerStartupBenchmarks() {
  Benchmark("sos --version: process start and exit (baseline)", configuration: wholeProcess) {
    benchmark in
    do {
      let status = try measuringCPU(benchmark) {
        try SOSProcess(arguments: ["--version"]).runToExit()
      }
      if status != 0 { benchmark.error("sos --version exited \(status)") }
    } catch {
      benchmark.error("\(error)")
    }
  }

  // The usual case in a workshop: the database already exists (made in setup).
  let existing = scratchFolder("existing")
  let play = SOSProcess(arguments: [
    "play", "loyalty-data-exposed", "--as", "bench", "--db",
    existing.appendingPathComponent("b.sqlite").path,
  ])
  Benchmark(
    "sos play loyalty-data-exposed: spawn to first 'choice [1-3]> ' (existing database)",
    configuration: wholeProcess,
    closure: { benchmark in
      do {
        try measuringCPU(benchmark) {
          try play.runToPrompt("choice [1-") { benchmark.stopMeasurement() }
        }
      } catch {
        benchmark.error("\(error)")
      }
    },
    setup: {
      try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
      try play.runToPrompt("choice [1-") {}
    },
    teardown: { try? FileManager.default.removeItem(at: existing) }
  )

  // The same scenario named by its file: only that file is loaded, where an id makes
  // `sos play` load every file in the folder to find it.
  let byPath = scratchFolder("path")
  let playFile = SOSProcess(arguments: [
    "play", "scenarios/data-breach.yaml", "--as", "bench", "--db",
    byPath.appendingPathComponent("b.sqlite").path,
  ])
  Benchmark(
    "sos play scenarios/data-breach.yaml (by file): spawn to first 'choice [1-3]> '",
    configuration: wholeProcess,
    closure: { benchmark in
      do {
        try measuringCPU(benchmark) {
          try playFile.runToPrompt("choice [1-") { benchmark.stopMeasurement() }
        }
      } catch {
        benchmark.error("\(error)")
      }
    },
    setup: {
      try FileManager.default.createDirectory(at: byPath, withIntermediateDirectories: true)
      try playFile.runToPrompt("choice [1-") {}
    },
    teardown: { try? FileManager.default.removeItem(at: byPath) }
  )

  // The first trainee on a machine: the database is created and migrated.
  let fresh = scratchFolder("new")
  Benchmark(
    "sos play loyalty-data-exposed: spawn to first 'choice [1-3]> ' (new database)",
    configuration: wholeProcess,
    closure: { benchmark in
      let database = fresh.appendingPathComponent("\(UUID().uuidString).sqlite").path
      let play = SOSProcess(arguments: [
        "play", "loyalty-data-exposed", "--as", "bench", "--db", database,
      ])
      do {
        benchmark.startMeasurement()
        try measuringCPU(benchmark) {
          try play.runToPrompt("choice [1-") { benchmark.stopMeasurement() }
        }
      } catch {
        benchmark.error("\(error)")
      }
    },
    setup: {
      try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
    },
    teardown: { try? FileManager.default.removeItem(at: fresh) }
  )
}

// MARK: - Validation

func registerValidateBenchmark() {
  let folder = SOSProcess.root.appendingPathComponent("scenarios")
  let files =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".yaml") }.sorted().map { "scenarios/\($0)" }
  Benchmark(
    "sos validate scenarios/*.yaml: \(files.count) files, spawn to exit",
    configuration: wholeProcess
  ) { benchmark in
    do {
      let status = try measuringCPU(benchmark) {
        try SOSProcess(arguments: ["validate"] + files).runToExit()
      }
      if status != 0 { benchmark.error("sos validate exited \(status)") }
    } catch {
      benchmark.error("\(error)")
    }
  }
}
