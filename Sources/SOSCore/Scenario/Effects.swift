/// Changes to state variables: integers added to, values set.
public struct Effects: Hashable, Sendable {
  /// Integer variables and the amounts added to them, in file order.
  public var add: [(variable: Located<String>, amount: Int)]
  /// Variables and their new values, in file order.
  public var set: [(variable: Located<String>, value: Value)]

  /// Creates effects.
  public init(
    add: [(variable: Located<String>, amount: Int)] = [],
    set: [(variable: Located<String>, value: Value)] = []
  ) {
    self.add = add
    self.set = set
  }

  /// Whether there is nothing to change.
  public var isEmpty: Bool { add.isEmpty && set.isEmpty }

  public static func == (lhs: Effects, rhs: Effects) -> Bool {
    lhs.add.elementsEqual(rhs.add) { $0.variable == $1.variable && $0.amount == $1.amount }
      && lhs.set.elementsEqual(rhs.set) { $0.variable == $1.variable && $0.value == $1.value }
  }

  public func hash(into hasher: inout Hasher) {
    for entry in add {
      hasher.combine(entry.variable)
      hasher.combine(entry.amount)
    }
    for entry in set {
      hasher.combine(entry.variable)
      hasher.combine(entry.value)
    }
  }
}
