import Benchmark
import Foundation
@_spi(Benchmarks) import SOSCore

/// The generated 2,000-node scenario of issue 14 (3 options a decision, jumps of 1–10
/// ahead, three endings), written by `Benchmarks/scripts/generate-scenario.py` and
/// loaded as `sos` loads a file.
enum GeneratedScenario {
  /// Runs the generator and loads what it writes.
  static func load(nodes: Int = 2_000, variables: Bool = false) throws -> Scenario {
    let script = ShippedBank.root.appendingPathComponent("Benchmarks/scripts/generate-scenario.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", script.path, "--nodes", "\(nodes)"] + (variables ? ["--variables"] : [])
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8) else {
      throw ShippedBank.Failure(description: "\(script.path) failed")
    }
    let result = ScenarioLoader.load(text: text, file: "generated-\(nodes).yaml")
    guard let scenario = result.scenario else {
      throw ShippedBank.Failure(
        description: "the generated scenario does not load: \(result.diagnostics)")
    }
    return scenario
  }
}

/// Random playthroughs of the generated scenario as `sos playtest` plays them (each
/// scored), and the cost of a step early and late in a long path: a step must cost
/// the same at decision 10 and at decision 300.
func registerGeneratedBenchmarks() throws {
  let scenario = try GeneratedScenario.load()
  let engine = Engine(scenario: scenario)
  let playtester = Playtester(engine: engine)
  let choicesPerRun = (0..<20).map { playtester.run(seed: UInt64($0)).inputs.count }
  let averageChoices = choicesPerRun.reduce(0, +) / choicesPerRun.count

  var runs = latency
  runs.timeUnits = .milliseconds
  Benchmark(
    "Playtester.run: one random playthrough of the generated 2,000-node scenario"
      + " (about \(averageChoices) choices, scored)",
    configuration: runs
  ) { benchmark in
    for iteration in benchmark.scaledIterations {
      blackHole(playtester.run(seed: UInt64(iteration)))
    }
  }

  Benchmark(
    "Playtester.playtest: 10 random runs of the generated 2,000-node scenario"
      + " (about \(averageChoices * 10) choices, scored, as `sos playtest` plays them)",
    configuration: runs
  ) { benchmark in
    for iteration in benchmark.scaledIterations {
      blackHole(playtester.playtest(runs: 10, seed: UInt64(iteration) &* 10))
    }
  }

  var steps = latency
  steps.timeUnits = .nanoseconds
  steps.scalingFactor = .one
  for depth in [10, 300] {
    Benchmark(
      "Engine.apply: 20 random steps from decision \(depth) of the generated scenario"
        + " (no events)",
      configuration: steps
    ) { benchmark in
      // Each sample plays a fresh random path to `depth` unmeasured, then times 20
      // steps from there (a path that ends too early is tried again, a bounded number
      // of times).
      var generator = SystemRandomNumberGenerator()
      for _ in 0..<100 {
        var state = engine.start(
          SessionOptions(mode: .assessment, seed: UInt64.random(in: 0...UInt64.max))
        ).state
        func randomStep() -> Bool {
          let offered = engine.offeredChoices(in: state).count
          guard !state.finished, offered > 0 else { return false }
          let input = SessionInput.choose(Int.random(in: 1...offered, using: &generator))
          return (try? engine.apply(input, to: &state, recordsEvents: false).get()) != nil
        }
        var reached = 0
        while reached < depth, randomStep() { reached += 1 }
        guard reached == depth else { continue }
        benchmark.startMeasurement()
        for _ in 0..<20 { blackHole(randomStep()) }
        benchmark.stopMeasurement()
        return
      }
      benchmark.error("no random path reached decision \(depth) in 100 tries")
    }
    Benchmark(
      "Compiled step: 20 random steps from decision \(depth) of the generated scenario"
        + " (scored, as the playtester steps)",
      configuration: steps
    ) { benchmark in
      guard var play = CompiledRandomPlay(engine: engine) else {
        benchmark.error("the generated scenario does not compile")
        return
      }
      for _ in 0..<100 {
        play.start(seed: UInt64.random(in: 0...UInt64.max))
        while play.depth < depth, play.step() {}
        guard play.depth == depth else { continue }
        benchmark.startMeasurement()
        for _ in 0..<20 { blackHole(play.step()) }
        benchmark.stopMeasurement()
        return
      }
      benchmark.error("no random path reached decision \(depth) in 100 tries")
    }
  }
}
