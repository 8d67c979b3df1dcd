import CYaml
import Yams

/// Composes a YAML document into ``YAMLNode``s straight from libyaml's events, and
/// counts its nodes (every use of an alias counted again) on the way.
///
/// Yams' composer is the reference: it allocates an object per event and a tag
/// object per node, and checks duplicate keys by hashing whole nodes, which was most
/// of the time spent loading a large scenario. This reads the same events into the
/// same tree. Whenever the file is not plain sailing (a syntax error, a duplicate or
/// non-text key, an undefined alias, a second document, a text starting with a byte
/// order mark), it hands the whole file to Yams instead, so every error, and every
/// tree, is exactly what Yams makes of it.
enum YAMLComposer {
  /// A composed document and the number of nodes it expands to (saturating far above
  /// any budget).
  struct Document {
    var root: YAMLNode
    var nodeCount: Int
  }

  /// The document in `text`, or `nil` when it holds none (only comments); throws
  /// Yams' error when the text is not a single well-formed YAML document.
  static func compose(_ text: String) throws -> Document? {
    var text = text
    text.makeContiguousUTF8()
    let fast = text.utf8.withContiguousStorageIfAvailable { bytes in
      var reader = EventReader(bytes: bytes)
      return reader.document()
    }
    switch fast {
    case .some(.composed(let document)): return document
    case .some(.empty): return nil
    case .some(.deferred), nil:
      // No resolver rules: SOS types every scalar itself (ScenarioDecoder.PlainKind),
      // and Yams' default rules are regular expressions its duplicate-key check runs
      // on every key. Without them every untagged key is a text, so `1:` and `'1':`
      // in one mapping are a duplicate, as they are to SOS, which reads both as "1".
      guard let root = try Yams.compose(yaml: text, Resolver.basic) else { return nil }
      let node = YAMLNode(root)
      return Document(root: node, nodeCount: count(node))
    }
  }

  /// Counts are capped here, so that aliases nested in aliases cannot overflow.
  static let countCap = 1 << 40

  /// The number of nodes in a tree (for trees that came from Yams).
  static func count(_ node: YAMLNode) -> Int {
    switch node {
    case .scalar: return 1
    case .sequence(let items, _):
      return items.reduce(1) { min($0 + count($1), countCap) }
    case .mapping(let pairs, _):
      return pairs.reduce(1) { min($0 + count($1.key) + count($1.value), countCap) }
    }
  }

  /// What the fast reading made of the text.
  enum Outcome {
    case composed(Document)
    case empty
    /// Yams is to compose the text (an error to report, or a case not handled here).
    case deferred
  }

  /// A node read from the events, with the number of nodes it expands to.
  struct Counted {
    var node: YAMLNode
    var count: Int
  }

  /// Reads libyaml's events one at a time and builds the tree, as Yams' `Parser` does.
  struct EventReader: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var anchors: [String: Counted] = [:]
    /// The pairs of the mappings being read, innermost last: each mapping's pairs are
    /// gathered here and copied out at its end into an array of exactly their number,
    /// so that the tree holds no room that growing arrays leave spare.
    private var openPairs: [(key: YAMLNode, value: YAMLNode)] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
      parser = .allocate(capacity: 1)
      parser.initialize(to: yaml_parser_t())
      yaml_parser_initialize(parser)
      yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
      yaml_parser_delete(parser)
      parser.deallocate()
    }

    /// The next event, or `nil` on a syntax error. The caller deletes it.
    private func next() -> yaml_event_t? {
      var event = yaml_event_t()
      guard yaml_parser_parse(parser, &event) == 1 else { return nil }
      return event
    }

    /// The next event's type alone (the event is deleted).
    private func nextType() -> yaml_event_type_t? {
      guard var event = next() else { return nil }
      defer { yaml_event_delete(&event) }
      return event.type
    }

    mutating func document() -> Outcome {
      guard nextType() == YAML_STREAM_START_EVENT, let start = nextType() else { return .deferred }
      if start == YAML_STREAM_END_EVENT { return .empty }
      guard start == YAML_DOCUMENT_START_EVENT, var first = next() else { return .deferred }
      let root = node(&first)
      guard let root, nextType() == YAML_DOCUMENT_END_EVENT, nextType() == YAML_STREAM_END_EVENT
      else { return .deferred }
      return .composed(Document(root: root.node, nodeCount: root.count))
    }

    /// The node that starts with `event` (which this deletes), or `nil` to defer.
    private mutating func node(_ event: inout yaml_event_t) -> Counted? {
      defer { yaml_event_delete(&event) }
      let position = SourcePosition(
        line: max(Int(event.start_mark.line) + 1, 1),
        column: max(Int(event.start_mark.column) + 1, 1))
      switch event.type {
      case YAML_ALIAS_EVENT:
        guard let name = Self.string(event.data.alias.anchor) else { return nil }
        return anchors[name]
      case YAML_SCALAR_EVENT:
        let data = event.data.scalar
        let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
        // Yams decodes a scalar through Foundation, which drops a leading byte order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
        guard let style = YAMLNode.Style(data.style) else { return nil }
        let tag =
          data.quoted_implicit == 1 ? Tag.Name.str.rawValue : Self.string(data.tag) ?? ""
        let scalar = YAMLNode.Scalar(
          string: String(decoding: bytes, as: UTF8.self), style: style, tag: tag,
          position: position)
        return register(Counted(node: .scalar(scalar), count: 1), as: data.anchor)
      case YAML_SEQUENCE_START_EVENT:
        var items: [YAMLNode] = []
        var count = 1
        while var item = next() {
          if item.type == YAML_SEQUENCE_END_EVENT {
            yaml_event_delete(&item)
            return register(
              Counted(node: .sequence(items, at: position), count: count),
              as: event.data.sequence_start.anchor)
          }
          guard let child = node(&item) else { return nil }
          items.append(child.node)
          count = min(count + child.count, YAMLComposer.countCap)
        }
        return nil
      case YAML_MAPPING_START_EVENT:
        let start = openPairs.count
        defer { openPairs.removeSubrange(start...) }
        var count = 1
        while var keyEvent = next() {
          if keyEvent.type == YAML_MAPPING_END_EVENT {
            yaml_event_delete(&keyEvent)
            let pairs = Array(openPairs[start...])
            guard !Self.hasDuplicateKeys(pairs) else { return nil }
            return register(
              Counted(node: .mapping(pairs, at: position), count: count),
              as: event.data.mapping_start.anchor)
          }
          guard let key = node(&keyEvent), var valueEvent = next(),
            let value = node(&valueEvent)
          else { return nil }
          openPairs.append((key.node, value.node))
          count = min(count + key.count + value.count, YAMLComposer.countCap)
        }
        return nil
      default:
        return nil
      }
    }

    private mutating func register(_ node: Counted, as anchor: UnsafeMutablePointer<UInt8>?)
      -> Counted
    {
      // A later anchor of the same name shadows an earlier one, as in Yams.
      if let name = Self.string(anchor) { anchors[name] = node }
      return node
    }

    private static func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
      guard let pointer else { return nil }
      return String(cString: pointer)
    }

    /// Whether two keys are equal as Yams compares them with no resolver rules (the
    /// same text and the same tag, no tag counting as `!!str`), or a key is not a
    /// scalar (left to Yams, which compares whole nodes).
    static func hasDuplicateKeys(_ pairs: [(key: YAMLNode, value: YAMLNode)]) -> Bool {
      var seen: Set<KeyIdentity> = []
      seen.reserveCapacity(pairs.count)
      for pair in pairs {
        guard case .scalar(let key) = pair.key else { return true }
        let tag = key.tag.isEmpty || key.tag == "!" ? Tag.Name.str.rawValue : key.tag
        if !seen.insert(KeyIdentity(text: key.string, tag: tag)).inserted { return true }
      }
      return false
    }
  }

  /// A mapping key as Yams' duplicate check tells keys apart.
  struct KeyIdentity: Hashable {
    var text: String
    var tag: String
  }
}

extension YAMLNode.Style {
  /// The style of a libyaml scalar event.
  init?(_ style: yaml_scalar_style_t) {
    switch style {
    case YAML_ANY_SCALAR_STYLE: self = .any
    case YAML_PLAIN_SCALAR_STYLE: self = .plain
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: self = .literal
    case YAML_FOLDED_SCALAR_STYLE: self = .folded
    default: return nil
    }
  }
}
