import Foundation
import Testing

@testable import SOSCore

/// schema/scenario.schema.json must describe exactly the format the decoder reads: the
/// same fields per object, the same required fields, enums, ranges and ids. The guide's
/// complete examples must load without a diagnostic.
@Suite struct SchemaTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static let schemaURL = root.appendingPathComponent("schema/scenario.schema.json")

  /// The decoder's required fields per object, read from ScenarioDecoder*.swift (the
  /// `required(...)` calls). Conditional rules (an ending needs `outcome`, a decision
  /// needs `choices`, an inject needs `at` unless it is manual) are in the definitions'
  /// if/then/else, not here.
  static let required: [ScenarioSchema.Object: Set<String>] = [
    .scenario: [
      "format", "id", "title", "kind", "cluster", "difficulty", "minutes", "role", "briefing",
      "stakeholders", "start", "nodes",
    ],
    .stakeholder: ["label"],
    .deadline: ["id", "label", "by", "met"],
    .cadence: ["stakeholder", "every"],
    .inject: ["id", "text"],
    .node: ["text"],
    .timeout: [],
    .choice: ["text"],
    .effects: [],
    .promise: ["to", "within", "label"],
    .write: ["channel", "audience", "prompt"],
    .phrase: ["id", "any"],
    .gotoBranch: ["to"],
    .scoring: [],
    .weights: [],
    .band: ["from", "name"],
    .chanceOutcome: ["chance"],
    .statementOutcome: [],
    .textVariant: ["text"],
  ]

  /// The decoder's integer ranges: (object, field, lowest, highest).
  static let ranges: [(ScenarioSchema.Object, String, Int, Int)] = [
    (.scenario, "minutes", 1, 480),
    (.deadline, "weight", 1, 10),
    (.cadence, "weight", 1, 10),
    (.node, "outcome", 0, 100),
    (.write, "limit", 1, 100_000),
    (.band, "from", 0, 100),
    (.scoring, "pass", 0, 100),
    (.weights, "timeliness", 0, 100),
    (.weights, "communication", 0, 100),
    (.weights, "outcome", 0, 100),
  ]

  /// The vocabularies, by the name of their definition in the schema.
  static let enums: [(String, [String])] = [
    ("CrisisKind", CrisisKind.allCases.map(\.rawValue)),
    ("CrisisCluster", CrisisCluster.allCases.map(\.rawValue)),
    ("Difficulty", Difficulty.allCases.map(\.rawValue)),
    ("Posture", Posture.allCases.map(\.rawValue)),
    ("QualityDimension", QualityDimension.allCases.map(\.rawValue)),
    ("PlanPart", PlanPart.allCases.map(\.rawValue)),
    ("Channel", Channel.allCases.map(\.rawValue)),
  ]

  /// The complete examples in facilitator-guide/authoring.md, kept as files.
  static let guideExamples = ["minimal.yaml", "card-payments-down.yaml"]

  func schema() throws -> [String: Any] {
    let data = try Data(contentsOf: Self.schemaURL)
    let object = try JSONSerialization.jsonObject(with: data)
    return try #require(object as? [String: Any], "the schema is not a JSON object")
  }

  func definitions() throws -> [String: Any] {
    try #require(try schema()["definitions"] as? [String: Any], "the schema has no definitions")
  }

  func definition(_ name: String) throws -> [String: Any] {
    try #require(try definitions()[name] as? [String: Any], "no definition '\(name)'")
  }

  func properties(_ name: String) throws -> [String: Any] {
    try #require(try definition(name)["properties"] as? [String: Any], "\(name) has no properties")
  }

  @Test func isDraft07WithIdentity() throws {
    let schema = try schema()
    #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
    #expect((schema["$id"] as? String)?.isEmpty == false)
    #expect((schema["title"] as? String)?.isEmpty == false)
    let allOf = try #require(schema["allOf"] as? [[String: Any]])
    #expect(allOf.first?["$ref"] as? String == "#/definitions/Scenario")
  }

  @Test(arguments: ScenarioSchema.Object.allCases)
  func objectHasTheDecodersFields(object: ScenarioSchema.Object) throws {
    let fields = try #require(ScenarioSchema.fields[object])
    #expect(Set(fields).count == fields.count, "\(object.rawValue) lists a field twice")
    let names = Set(try properties(object.rawValue).keys)
    #expect(names == Set(fields), "\(object.rawValue): schema \(names.sorted())")
    let closed = try definition(object.rawValue)["additionalProperties"] as? Bool
    #expect(closed == false, "\(object.rawValue) must set additionalProperties: false")
    #expect(try definition(object.rawValue)["type"] as? String == "object")
    #expect(try definition(object.rawValue)["description"] is String)
  }

  @Test(arguments: ScenarioSchema.Object.allCases)
  func objectRequiresWhatTheDecoderRequires(object: ScenarioSchema.Object) throws {
    let listed = try definition(object.rawValue)["required"] as? [String] ?? []
    #expect(Set(listed) == Self.required[object], "\(object.rawValue): schema \(listed)")
  }

  @Test func everyFieldHasHoverHelp() throws {
    for object in ScenarioSchema.Object.allCases {
      for (name, value) in try properties(object.rawValue) {
        let property = try #require(value as? [String: Any])
        #expect(property["description"] is String, "\(object.rawValue).\(name) has no description")
      }
    }
  }

  @Test func enumsMatchTheVocabulary() throws {
    for (name, values) in Self.enums {
      let listed = try definition(name)["enum"] as? [String]
      #expect(listed == values, "\(name)")
    }
    let dimensions = Set(try properties("Quality").keys)
    #expect(dimensions == Set(QualityDimension.allCases.map(\.rawValue)))
  }

  @Test func rangesMatchTheDecoder() throws {
    for (object, field, lowest, highest) in Self.ranges {
      let property = try #require(try properties(object.rawValue)[field] as? [String: Any])
      #expect(property["type"] as? String == "integer", "\(object.rawValue).\(field)")
      #expect(property["minimum"] as? Int == lowest, "\(object.rawValue).\(field)")
      #expect(property["maximum"] as? Int == highest, "\(object.rawValue).\(field)")
    }
    let points = try definition("QualityPoints")
    #expect(points["minimum"] as? Int == -5)
    #expect(points["maximum"] as? Int == 5)
  }

  @Test func idPatternsMatchTheDecoder() throws {
    let id = try #require(try definition("IdPattern")["pattern"] as? String)
    let choiceID = try #require(
      (try definition("ChoiceId")["anyOf"] as? [[String: Any]])?.first?["pattern"] as? String)
    let samples = [
      "discovery", "first-hour", "a_b", "7", "x.1", "Press", "-x", "_x", "é", "a b", "",
      String(repeating: "a", count: 64), String(repeating: "a", count: 65),
    ]
    for sample in samples {
      #expect(
        matches(sample, id) == ScenarioDecoder.isIdentifier(sample), "id '\(sample)'")
      #expect(
        matches(sample, choiceID) == ScenarioDecoder.isIdentifier(sample, allowDots: true),
        "choice id '\(sample)'")
    }
  }

  @Test func durationPatternsMatchTheParser() throws {
    let duration = try #require(
      (try definition("Duration")["anyOf"] as? [[String: Any]])?.first?["pattern"] as? String)
    let positive = try #require(try definition("PositiveDuration")["pattern"] as? String)
    let samples = [
      "0", "0m", "45m", "2h30m", "3d", "90s", "1d2h3m4s", "0h0m", "", "45", "00", "30m2h",
      "-1h", "1.5h", "2h 30m", "2H", "h",
    ]
    for sample in samples {
      let parsed = try? ClockDuration.parse(sample).get()
      #expect(matches(sample, duration) == (parsed != nil), "duration '\(sample)'")
      #expect(
        matches(sample, positive) == (parsed.map { $0 > .zero } ?? false),
        "positive duration '\(sample)'")
    }
  }

  @Test func everyReferenceResolves() throws {
    let schema = try schema()
    var references: [String] = []
    collectReferences(in: schema, into: &references)
    #expect(!references.isEmpty)
    for reference in references {
      #expect(resolve(reference, in: schema) != nil, "unresolved $ref \(reference)")
    }
    let used = Set(references.compactMap { $0.split(separator: "/").last.map(String.init) })
    for name in try definitions().keys {
      #expect(used.contains(name), "definition \(name) is never used")
    }
  }

  @Test(arguments: SchemaTests.guideExamples)
  func guideExampleIsCleanAndQuotedVerbatim(name: String) throws {
    let url = Self.root.appendingPathComponent("Tests/SOSCoreTests/Fixtures/valid")
      .appendingPathComponent(name)
    let text = try String(contentsOf: url, encoding: .utf8)
    let result = ScenarioLoader.load(text: text, file: name)
    #expect(result.diagnostics.map(\.headline) == [])
    let scenario = try #require(result.scenario)
    #expect(ScenarioLinter.warnings(for: scenario, file: name).map(\.headline) == [])
    let guide = try String(
      contentsOf: Self.root.appendingPathComponent("facilitator-guide/authoring.md"),
      encoding: .utf8)
    #expect(guide.contains("```yaml\n" + text + "```\n"), "\(name) is not quoted in the guide")
  }

  // MARK: - Helpers

  func matches(_ text: String, _ pattern: String) -> Bool {
    text.range(of: pattern, options: .regularExpression) != nil
  }

  func collectReferences(in value: Any, into references: inout [String]) {
    if let object = value as? [String: Any] {
      for (key, child) in object {
        if key == "$ref", let reference = child as? String {
          references.append(reference)
        } else {
          collectReferences(in: child, into: &references)
        }
      }
    } else if let array = value as? [Any] {
      for child in array { collectReferences(in: child, into: &references) }
    }
  }

  /// Resolves a local JSON pointer reference such as `#/definitions/Id`.
  func resolve(_ reference: String, in root: [String: Any]) -> Any? {
    guard reference.hasPrefix("#") else { return nil }
    var current: Any = root
    for token in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
      let key = token.replacingOccurrences(of: "~1", with: "/")
        .replacingOccurrences(of: "~0", with: "~")
      if let object = current as? [String: Any], let next = object[key] {
        current = next
      } else if let array = current as? [Any], let index = Int(key), array.indices.contains(index) {
        current = array[index]
      } else {
        return nil
      }
    }
    return current
  }
}
