/// One conditional wording of a text that varies with the path: the first variant
/// whose `when` holds is shown, and the text's default (the last, unconditional
/// entry in the file) otherwise.
///
/// ```yaml
/// text:
///   - when: chose(close-all)
///     text: "{time}. The restaurants you closed stay dark; the queues have moved online."
///   - text: "{time}. Queues form outside the restaurants that are still open."
/// ```
public struct TextVariant: Hashable, Sendable {
  public var when: ScenarioExpression
  public var text: String
  public var position: SourcePosition

  /// Creates a variant.
  public init(when: ScenarioExpression, text: String, position: SourcePosition = .start) {
    self.when = when
    self.text = text
    self.position = position
  }
}
