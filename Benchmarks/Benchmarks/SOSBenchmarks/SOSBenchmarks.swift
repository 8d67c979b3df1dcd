import Benchmark
import Foundation
import SOSCore
import Yams

/// The in-process benchmarks of SOSCore, on the shipped scenarios and playthroughs.
/// Run them with `swift package --package-path Benchmarks benchmark --target
/// SOSBenchmarks` (see BENCHMARKS.md).
let benchmarks: @Sendable () -> Void = {
  let bank: ShippedBank
  do {
    bank = try ShippedBank.load()
    try registerEngineBenchmarks(bank)
    registerLoadingBenchmarks(bank)
    try registerStatementBenchmarks(bank)
    try registerRescoringBenchmarks(bank)
    try registerGeneratedBenchmarks()
  } catch {
    // Report the broken fixture as a failed benchmark instead of crashing.
    Benchmark("Shipped scenario bank") { benchmark in
      benchmark.error("cannot set up the benchmarks: \(error)")
    }
  }
}

/// Latency of one call: wall clock (p50, p99), throughput and allocations. CPU time
/// (10 ms ticks here) and instruction counts (no perf counters in these virtual
/// machines) say nothing at this scale, so they are left out.
var latency: Benchmark.Configuration {
  Benchmark.Configuration(
    metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
    // Fixed units, so that figures of different runs line up.
    timeUnits: .microseconds,
    warmupIterations: 5,
    maxDuration: .seconds(2),
    maxIterations: 20_000
  )
}

// MARK: - Engine

/// One `Engine.step` in the middle of the largest scenario, and a whole replay of
/// its strong path.
func registerEngineBenchmarks(_ bank: ShippedBank) throws {
  guard let largest = bank.largest else { return }
  let id = largest.scenario.id
  let engine = Engine(scenario: largest.scenario)
  let options = SessionOptions(seed: 1)
  let strong = try bank.inputs(of: largest, path: "strong")
  // Mid-game: half the strong path played, the next decision about to be made.
  let middle = strong.count / 2
  let state: SessionState
  switch engine.replay(Array(strong[..<middle]), options: options) {
  case .success(let transition): state = transition.state
  case .failure(let error):
    throw ShippedBank.Failure(description: "\(id) strong path: \(error.error.message)")
  }
  let next = strong[middle]

  var fine = latency
  fine.timeUnits = .nanoseconds
  Benchmark(
    "Engine.step: one decision mid-game (\(id), input \(middle + 1) of \(strong.count))",
    configuration: fine
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(engine.step(state, next))
    }
  }

  Benchmark(
    "Engine.replay: whole strong path (\(id), \(strong.count) inputs)",
    configuration: latency
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(engine.replay(strong, options: options))
    }
  }

  // A practice log of 20,000 choose/undo pairs: replay must stay linear in the log.
  let practice = SessionOptions(mode: .practice, seed: 1)
  let pairs = Array(repeating: [SessionInput.choose(1), .undo], count: 20_000).flatMap { $0 }
  Benchmark(
    "Engine.replay: 20,000 choose/undo pairs (\(id), practice)",
    configuration: latency
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(engine.replay(pairs, options: practice))
    }
  }
}

// MARK: - Loading and linting

/// Loading (YAML, decoding, validation) and linting each shipped scenario, and the
/// whole bank as `sos validate scenarios/*.yaml` and `sos play ID` load it.
func registerLoadingBenchmarks(_ bank: ShippedBank) {
  for file in bank.scenarios {
    let kilobytes = (file.text.utf8.count + 512) / 1024
    Benchmark(
      "ScenarioLoader.load(text:file:): \(file.path) (\(kilobytes) KB)",
      configuration: latency
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(ScenarioLoader.load(text: file.text, file: file.path))
      }
    }
  }
  if let largest = bank.largest {
    // The YAML parse alone, to tell it from SOS's decoding and validation.
    Benchmark(
      "ScenarioLoader.load, part: Yams.compose only, \(largest.path)", configuration: latency
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        do {
          blackHole(try Yams.compose(yaml: largest.text))
        } catch {
          benchmark.error("\(largest.path) does not parse: \(error)")
        }
      }
    }
  }
  for file in bank.scenarios {
    Benchmark("ScenarioLinter.warnings: \(file.path)", configuration: latency) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(ScenarioLinter.warnings(for: file.scenario, file: file.path))
      }
    }
  }
  Benchmark(
    "Whole bank: load and lint all \(bank.scenarios.count) shipped scenarios",
    configuration: latency
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      for file in bank.scenarios {
        let result = ScenarioLoader.load(text: file.text, file: file.path)
        if let scenario = result.scenario {
          blackHole(ScenarioLinter.warnings(for: scenario, file: file.path))
        }
      }
    }
  }
}

// MARK: - Statement analysis

/// Statements analysed per second: a holding statement on social media, an email of
/// about 200 words, and a pasted draft of 5,000 characters.
func registerStatementBenchmarks(_ bank: ShippedBank) throws {
  let samples = bank.statementSamples()
  let largestID = bank.largest?.scenario.id
  guard
    let holding = samples.first(where: { $0.channel == .social && $0.origin == largestID })
      ?? samples.first(where: { $0.channel == .social })
  else { throw ShippedBank.Failure(description: "no social statement in the playthroughs") }
  guard
    let email = samples.filter({ $0.channel == .email })
      .min(by: { abs($0.wordCount - 200) < abs($1.wordCount - 200) })
  else { throw ShippedBank.Failure(description: "no email statement in the playthroughs") }
  guard let draft = bank.longDraft(characters: 5_000) else {
    throw ShippedBank.Failure(description: "no statements in the playthroughs")
  }
  let analyzer = StatementAnalyzer()
  // The same holding statement without the scenario's required and forbidden
  // phrasings, as `sos statement --channel social` analyses a draft: the difference
  // is the cost of matching those phrasings.
  var bare = holding
  bare.must = []
  bare.avoid = []
  let cases: [(String, StatementSample)] = [
    ("holding statement, social, \(holding.text.count) chars (\(holding.origin))", holding),
    (
      "holding statement, social, \(holding.text.count) chars, no scenario phrasings "
        + "(\(holding.must.count) must, \(holding.avoid.count) avoid left out)", bare
    ),
    ("email, \(email.wordCount) words (\(email.origin))", email),
    ("pasted draft, email, \(draft.text.count) chars, \(draft.wordCount) words", draft),
  ]
  for (label, sample) in cases {
    Benchmark("StatementAnalyzer.analyze: \(label)", configuration: latency) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(sample.analyze(with: analyzer))
      }
    }
  }
}

// MARK: - Re-scoring a session

/// A finished session re-scored from its portable file: decode, load the scenario
/// text it carries, replay and score; and the parts of that on their own.
func registerRescoringBenchmarks(_ bank: ShippedBank) throws {
  guard let largest = bank.largest else { return }
  let id = largest.scenario.id
  let strong = try bank.inputs(of: largest, path: "strong")
  let session = PortableSession(playing: strong, on: largest, seed: 1)
  let data: Data
  do {
    data = try session.encoded()
    _ = try PortableSession.rescore(data)
  } catch {
    throw ShippedBank.Failure(description: "the \(id) session file: \(error)")
  }
  let kilobytes = (data.count + 512) / 1024
  let scorer = Scorer(engine: Engine(scenario: largest.scenario))
  let options = SessionOptions(seed: 1)

  Benchmark(
    "Session re-score from its file: decode, load, replay, score (\(id) strong, \(kilobytes) KB)",
    configuration: latency
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(try PortableSession.rescore(data))
      } catch {
        benchmark.error("re-scoring failed: \(error)")
      }
    }
  }

  Benchmark(
    "Session re-score, part: decode the file only (\(id) strong, \(kilobytes) KB)",
    configuration: latency
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      do {
        blackHole(try PortableSession.decode(data))
      } catch {
        benchmark.error("decoding failed: \(error)")
      }
    }
  }

  Benchmark(
    "Session re-score, part: Scorer.score only, scenario loaded (\(id) strong)",
    configuration: latency
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(scorer.score(inputs: strong, options: options))
    }
  }
}
