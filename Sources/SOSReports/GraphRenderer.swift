import SOSCore

/// A scenario's structure as a diagram: Graphviz DOT or Mermaid. Decisions are boxes,
/// endings are rounded and show their outcome, each option is an edge (conditional
/// branches carry their condition), and injects that divert play are dashed edges
/// from a marker for the inject.
public struct GraphRenderer: Sendable {
  public var scenario: Scenario

  /// Creates a renderer for one scenario.
  public init(scenario: Scenario) {
    self.scenario = scenario
  }

  /// The formats a graph can be drawn in.
  public enum Format: String, CaseIterable, Sendable {
    case dot
    case mermaid
  }

  /// The diagram in the given format.
  public func render(_ format: Format) -> String {
    switch format {
    case .dot: return dot()
    case .mermaid: return mermaid()
    }
  }

  struct Edge {
    var from: String
    var to: String
    var label: String
    var dashed: Bool
  }

  /// Every edge: options (and their conditional branches), timeouts, diverts.
  var edges: [Edge] {
    var edges: [Edge] = []
    for node in scenario.nodes {
      for (index, choice) in node.choices.enumerated() {
        let number = "\(index + 1). "
        let text = Self.short(choice.text)
        switch choice.goto {
        case .node(let target):
          edges.append(Edge(from: node.id, to: target.value, label: number + text, dashed: false))
        case .returnToDiverted:
          edges.append(
            Edge(from: node.id, to: "return", label: number + text, dashed: true))
        case .branches(let branches):
          for branch in branches {
            let condition = branch.when.map { " [if \($0.source)]" } ?? " [otherwise]"
            edges.append(
              Edge(
                from: node.id, to: branch.to.value, label: number + text + condition,
                dashed: false))
          }
        }
        for outcome in choice.outcomes {
          if let target = outcome.goto {
            edges.append(
              Edge(
                from: node.id, to: target.value,
                label: number + text + " [chance \(outcome.chance)]", dashed: true))
          }
        }
        for outcome in choice.write?.outcomes ?? [] {
          for target in outcome.goto?.targets ?? [] {
            edges.append(
              Edge(
                from: node.id, to: target.value,
                label: number + text + " [statement \(Self.describe(outcome))]", dashed: false))
          }
        }
      }
      if let timeout = node.onTimeout, let target = timeout.goto {
        edges.append(Edge(from: node.id, to: target.value, label: "time runs out", dashed: true))
      }
    }
    for inject in scenario.injects {
      if let target = inject.goto {
        edges.append(
          Edge(
            from: "inject:\(inject.id)", to: target.value, label: "at T+\(inject.at)",
            dashed: true))
      }
      for outcome in inject.outcomes {
        if let target = outcome.goto {
          edges.append(
            Edge(
              from: "inject:\(inject.id)", to: target.value,
              label: "at T+\(inject.at) [chance \(outcome.chance)]", dashed: true))
        }
      }
    }
    return edges
  }

  /// A statement outcome's condition in a few words: `score >= 70, met next-update`.
  static func describe(_ outcome: StatementOutcome) -> String {
    var parts: [String] = []
    if let minimum = outcome.minimum { parts.append("score >= \(minimum)") }
    if let below = outcome.below { parts.append("score < \(below)") }
    if !outcome.met.isEmpty {
      parts.append("met " + outcome.met.map(\.value).joined(separator: ", "))
    }
    if !outcome.unmet.isEmpty {
      parts.append("not " + outcome.unmet.map(\.value).joined(separator: ", "))
    }
    if let when = outcome.when { parts.append("if " + when.source) }
    return parts.isEmpty ? "otherwise" : parts.joined(separator: "; ")
  }

  static func short(_ text: String, limit: Int = 48) -> String {
    let clean = ReportText.clean(text).replacingOccurrences(of: "\n", with: " ")
    return clean.count > limit ? String(clean.prefix(limit - 1)) + "…" : clean
  }

  // MARK: - DOT

  static func dotString(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n") + "\""
  }

  func dot() -> String {
    var lines = [
      "digraph \(Self.dotString(scenario.id)) {",
      "  label=\(Self.dotString(scenario.title)); labelloc=t;",
      "  node [shape=box, style=rounded, fontname=\"Helvetica\"];",
      "  edge [fontname=\"Helvetica\", fontsize=10];",
    ]
    for node in scenario.nodes {
      let title = node.title.map { ReportText.clean($0) } ?? node.id
      if node.isEnding {
        lines.append(
          "  \(Self.dotString(node.id)) [label=\(Self.dotString("\(title)\noutcome \(node.outcome ?? 0)")), shape=doubleoctagon];"
        )
      } else {
        let start = node.id == scenario.start.value ? ", penwidth=2" : ""
        lines.append("  \(Self.dotString(node.id)) [label=\(Self.dotString(title))\(start)];")
      }
    }
    for inject in scenario.injects where inject.goto != nil {
      lines.append(
        "  \(Self.dotString("inject:\(inject.id)")) [label=\(Self.dotString("⚑ \(inject.id)")), shape=note];"
      )
    }
    if edges.contains(where: { $0.to == "return" }) {
      lines.append("  \"return\" [label=\"back to where play was\", shape=plaintext];")
    }
    for edge in edges {
      let style = edge.dashed ? ", style=dashed" : ""
      lines.append(
        "  \(Self.dotString(edge.from)) -> \(Self.dotString(edge.to)) [label=\(Self.dotString(edge.label))\(style)];"
      )
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Mermaid

  /// Mermaid ids: letters, digits and underscores only.
  static func mermaidID(_ id: String) -> String {
    "n_" + String(id.map { $0.isLetter || $0.isNumber ? $0 : "_" })
  }

  static func mermaidText(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "#quot;") + "\""
  }

  func mermaid() -> String {
    var lines = ["flowchart TD"]
    for node in scenario.nodes {
      let title = node.title.map { ReportText.clean($0) } ?? node.id
      let id = Self.mermaidID(node.id)
      if node.isEnding {
        lines.append("  \(id)([\(Self.mermaidText("\(title) · outcome \(node.outcome ?? 0)"))])")
      } else {
        lines.append("  \(id)[\(Self.mermaidText(title))]")
      }
    }
    for inject in scenario.injects where inject.goto != nil {
      lines.append(
        "  \(Self.mermaidID("inject:\(inject.id)"))>\(Self.mermaidText("⚑ \(inject.id)"))]")
    }
    if edges.contains(where: { $0.to == "return" }) {
      lines.append("  \(Self.mermaidID("return"))((back))")
    }
    for edge in edges {
      let arrow = edge.dashed ? "-.->" : "-->"
      lines.append(
        "  \(Self.mermaidID(edge.from)) \(arrow)|\(Self.mermaidText(edge.label))| \(Self.mermaidID(edge.to))"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
