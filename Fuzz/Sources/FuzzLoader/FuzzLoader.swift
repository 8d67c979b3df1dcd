import SOSCore

/// libFuzzer entry point: the bytes as a scenario file, through the path `sos validate`
/// takes (``ScenarioLoader/load(bytes:file:fileSize:)``: the source guard, YAML, the
/// decoder and the validator). A file that loads is also linted, played once and
/// searched with a small budget, as `sos lint`, `sos playtest` and `sos analyze` would.
///
/// Besides crashes, it traps when a result breaks the loader's contract: no scenario
/// without an error, no error with a scenario, and diagnostics in file order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
  let result = ScenarioLoader.load(bytes: bytes, file: "fuzz.yaml")
  let errors = result.diagnostics.filter { $0.severity == .error }
  guard let scenario = result.scenario else {
    if errors.isEmpty { fatalError("no scenario and no error: \(result.diagnostics)") }
    checkOrder(result.diagnostics)
    return 0
  }
  if !errors.isEmpty { fatalError("a scenario despite errors: \(errors)") }
  _ = ScenarioLinter.warnings(for: scenario, file: "fuzz.yaml")
  let engine = Engine(scenario: scenario)
  let run = Playtester(engine: engine, maximumSteps: 200).run(seed: UInt64(count))
  if let report = run.report, !(0...100).contains(report.overall) {
    fatalError("overall score \(report.overall) is outside 0...100")
  }
  _ = ScoreBounds.analyze(engine, budget: 500)
  return 0
}

/// Traps unless the diagnostics are sorted by line and column, as the renderer expects.
private func checkOrder(_ diagnostics: [Diagnostic]) {
  let positions = diagnostics.map { ($0.location.line ?? 0, $0.location.column ?? 0) }
  for (earlier, later) in zip(positions, positions.dropFirst()) where later < earlier {
    fatalError("diagnostics out of order: \(positions)")
  }
}
