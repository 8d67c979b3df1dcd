/// A value kept on the heap, so that a struct holding a large, rarely present value
/// (an option's write task) stays small: a scenario of thousands of options keeps
/// one reference for each instead of the whole value inline. Immutable, so copies
/// share it safely; equal and hashed by the value.
final class Boxed<Value: Hashable & Sendable>: Hashable, Sendable {
  let value: Value

  init(_ value: Value) {
    self.value = value
  }

  static func == (lhs: Boxed, rhs: Boxed) -> Bool {
    lhs === rhs || lhs.value == rhs.value
  }

  func hash(into hasher: inout Hasher) {
    value.hash(into: &hasher)
  }
}
