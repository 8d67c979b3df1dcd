import Foundation
import SOSCore

/// The shipped scenario bank (`scenarios/*.yaml`) and its scripted playthroughs
/// (`scenarios/playthroughs/*.yaml`), read once before any benchmark runs, so that
/// the benchmarks measure the work on realistic inputs and never the disk.
struct ShippedBank: Sendable {
  /// One scenario file as shipped.
  struct ScenarioFile: Sendable {
    /// The file name, as `sos validate` would be given it: `scenarios/outage.yaml`.
    var path: String
    var text: String
    /// The validated scenario.
    var scenario: Scenario
  }

  /// Why the bank could not be read; the benchmarks report it instead of running.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The repository root: the folder above `Benchmarks/`. `SOS_ROOT` overrides it.
  static var root: URL {
    if let root = ProcessInfo.processInfo.environment["SOS_ROOT"], !root.isEmpty {
      return URL(fileURLWithPath: root)
    }
    // This file is Benchmarks/Benchmarks/SOSBenchmarks/ShippedBank.swift.
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
  }

  /// Every shipped scenario, sorted by file name.
  var scenarios: [ScenarioFile]
  /// Every playthrough file, sorted by file name.
  var playthroughs: [Playthroughs]

  /// Reads and validates the whole bank.
  static func load() throws -> ShippedBank {
    let folder = root.appendingPathComponent("scenarios")
    let scenarios = try yamlFiles(in: folder).map { name in
      let text = try read(folder.appendingPathComponent(name))
      let path = "scenarios/\(name)"
      let result = ScenarioLoader.load(text: text, file: path)
      guard let scenario = result.scenario else {
        let problems = result.diagnostics.map(\.headline).joined(separator: "; ")
        throw Failure(description: "\(path) does not load: \(problems)")
      }
      return ScenarioFile(path: path, text: text, scenario: scenario)
    }
    guard !scenarios.isEmpty else {
      throw Failure(description: "no scenarios in \(folder.path)")
    }
    let playthroughFolder = folder.appendingPathComponent("playthroughs")
    let playthroughs = try yamlFiles(in: playthroughFolder).map { name in
      try Playthroughs.parse(
        try read(playthroughFolder.appendingPathComponent(name)),
        file: "scenarios/playthroughs/\(name)")
    }
    return ShippedBank(scenarios: scenarios, playthroughs: playthroughs)
  }

  /// The largest scenario by size of its file (the most nodes, choices and text).
  var largest: ScenarioFile? {
    scenarios.max { $0.text.utf8.count < $1.text.utf8.count }
  }

  /// The playthroughs of a scenario file.
  func playthroughs(of scenario: ScenarioFile) -> Playthroughs? {
    playthroughs.first { "scenarios/\($0.file)" == scenario.path }
  }

  /// The named path of a scenario's playthroughs, turned into engine inputs.
  func inputs(of scenario: ScenarioFile, path name: String) throws -> [SessionInput] {
    guard let file = playthroughs(of: scenario) else {
      throw Failure(description: "\(scenario.path) has no playthroughs")
    }
    guard let path = file.paths.first(where: { $0.name == name }) else {
      throw Failure(description: "\(file.source) has no path '\(name)'")
    }
    return try path.inputs(on: Engine(scenario: scenario.scenario))
  }

  /// The scenario with a given id.
  func scenario(id: String) throws -> ScenarioFile {
    guard let file = scenarios.first(where: { $0.scenario.id == id }) else {
      throw Failure(description: "no shipped scenario has the id '\(id)'")
    }
    return file
  }

  private static func yamlFiles(in folder: URL) throws -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasSuffix(".yaml") }.sorted()
    } catch {
      throw Failure(description: "cannot list \(folder.path): \(error.localizedDescription)")
    }
  }

  private static func read(_ url: URL) throws -> String {
    do {
      return try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw Failure(description: "cannot read \(url.path): \(error.localizedDescription)")
    }
  }
}
