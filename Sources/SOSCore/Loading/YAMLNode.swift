import Yams

/// One node of a composed YAML document, as the scenario decoder reads it: a scalar
/// with its text, style, tag and position, or a list or a mapping with its position.
///
/// Aliases are already replaced by the nodes they name. Lighter than `Yams.Node`
/// (no tag objects, resolvers or weak anchors to copy), which the decoder copies
/// many times per field.
enum YAMLNode: Sendable {
  case scalar(Scalar)
  case sequence([YAMLNode], at: SourcePosition)
  case mapping([(key: YAMLNode, value: YAMLNode)], at: SourcePosition)

  /// A scalar: its text after YAML's escapes and folding, and how it was written.
  struct Scalar: Sendable {
    var string: String
    /// The tag written before it (`!!str`, `!told`), in full; empty when none was.
    var tag: String
    // The position in 32-bit halves (a scenario file is at most 1 MiB), and the style
    // last, so that a node takes 48 bytes: scalars are most of a large file's tree,
    // which is most of its load's peak memory.
    private var line: UInt32
    private var column: UInt32
    var style: Style

    init(string: String, style: Style, tag: String, position: SourcePosition) {
      self.string = string
      self.style = style
      self.tag = tag
      self.line = UInt32(clamping: position.line)
      self.column = UInt32(clamping: position.column)
    }

    /// Where the scalar starts (1-based line and column).
    var position: SourcePosition { SourcePosition(line: Int(line), column: Int(column)) }
  }

  /// How a scalar was written.
  enum Style: Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded, any
  }

  /// Where the node starts (1-based line and column).
  var position: SourcePosition {
    switch self {
    case .scalar(let scalar): return scalar.position
    case .sequence(_, let position), .mapping(_, let position): return position
    }
  }
}

// MARK: - From Yams

extension YAMLNode {
  /// The same tree as Yams composed it (where ``YAMLComposer`` leaves a file to Yams).
  init(_ node: Node) {
    switch node {
    case .scalar(let scalar):
      self = .scalar(
        Scalar(
          string: scalar.string, style: Style(scalar.style), tag: scalar.tag.rawValue,
          position: Self.position(scalar.mark)))
    case .sequence(let sequence):
      self = .sequence(sequence.map(YAMLNode.init), at: Self.position(sequence.mark))
    case .mapping(let mapping):
      self = .mapping(
        mapping.map { (key: YAMLNode($0.key), value: YAMLNode($0.value)) },
        at: Self.position(mapping.mark))
    case .alias(let alias):
      // Yams' composer replaces every alias by its node; an alias never reaches here.
      self = .scalar(
        Scalar(string: "", style: .plain, tag: "", position: Self.position(alias.mark)))
    }
  }

  static func position(_ mark: Mark?) -> SourcePosition {
    guard let mark else { return .start }
    return SourcePosition(line: max(mark.line, 1), column: max(mark.column, 1))
  }
}

extension YAMLNode.Style {
  init(_ style: Node.Scalar.Style) {
    switch style {
    case .any: self = .any
    case .plain: self = .plain
    case .singleQuoted: self = .singleQuoted
    case .doubleQuoted: self = .doubleQuoted
    case .literal: self = .literal
    case .folded: self = .folded
    }
  }
}
