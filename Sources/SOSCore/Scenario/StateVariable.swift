/// A scenario variable and its initial value; its type is the initial value's type.
public struct StateVariable: Hashable, Sendable {
  public var name: String
  public var initial: Value
  public var position: SourcePosition

  /// Creates a variable.
  public init(name: String, initial: Value, position: SourcePosition = .start) {
    self.name = name
    self.initial = initial
    self.position = position
  }
}
