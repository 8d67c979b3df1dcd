/// Someone who must or may hear from the trainee during the crisis.
public struct Stakeholder: Hashable, Sendable {
  public var id: String
  public var label: String
  /// Whether the scoring expects every run to contact this stakeholder.
  public var required: Bool
  public var description: String?
  public var position: SourcePosition

  /// Creates a stakeholder.
  public init(
    id: String, label: String, required: Bool = false, description: String? = nil,
    position: SourcePosition = .start
  ) {
    self.id = id
    self.label = label
    self.required = required
    self.description = description
    self.position = position
  }
}
