import SOSCore

/// libFuzzer entry point: the bytes (as UTF-8, invalid sequences replaced) as a
/// condition, parsed by ``Expression/parse(_:)``, type-checked against a small set of
/// declared names and evaluated, as the validator and the engine do with `when`,
/// `unless`, `met` and conditional `goto`.
///
/// Besides crashes, it traps when an offset points outside the source (the renderer
/// puts its caret there) or when evaluating a well-typed condition gives no boolean.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let source = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  let length = source.unicodeScalars.count
  switch Expression.parse(source) {
  case .failure(let error):
    if !(0...length).contains(error.offset) {
      fatalError("error offset \(error.offset) outside 0...\(length): \(error.message)")
    }
  case .success(let expression):
    checkSpans(expression, length: length)
    let problems = expression.check(in: FuzzEnvironment.context)
    for problem in problems where !(0...length).contains(problem.offset) {
      fatalError("problem offset \(problem.offset) outside 0...\(length): \(problem.message)")
    }
    let value = expression.evaluate(in: FuzzEnvironment(seed: count))
    // Every name the context declares has a value here, so a condition that checks
    // cleanly must come out true or false.
    if problems.isEmpty, value != .boolean(true), value != .boolean(false) {
      fatalError("a well-typed condition evaluated to \(String(describing: value))")
    }
  }
  return 0
}

/// Traps unless every node's span lies inside the source.
private func checkSpans(_ expression: Expression, length: Int) {
  guard expression.offset >= 0, expression.length >= 0,
    expression.offset + expression.length <= length
  else {
    fatalError("span \(expression.offset)+\(expression.length) outside 0...\(length)")
  }
  switch expression.kind {
  case .literal, .variable, .elapsed, .call, .statementMet: break
  case .not(let operand): checkSpans(operand, length: length)
  case .and(let left, let right), .or(let left, let right), .compare(_, let left, let right):
    checkSpans(left, length: length)
    checkSpans(right, length: length)
  }
}

/// A session with a few declared names, answering deterministically from the seed.
private struct FuzzEnvironment: ExpressionEnvironment {
  static let context = ExpressionContext(
    nodes: ["start", "first-hour", "press"], choices: ["apologise", "deny"],
    tags: ["apology", "blame"], stakeholders: ["regulator", "customers"],
    deadlines: ["notify-regulator"],
    variables: ["trust": .integer, "notified": .boolean, "delay": .duration, "tone": .text],
    statements: ["first-post": ["next-update", "apology"]])

  var seed: Int

  func value(of variable: String) -> Value? {
    switch Self.context.variables[variable] {
    case .integer: return .integer(seed % 101 - 50)
    case .boolean: return .boolean(seed % 2 == 0)
    case .duration: return .duration(.minutes(seed % 600))
    case .text: return .text(seed % 2 == 0 ? "calm" : "defensive")
    case nil: return nil
    }
  }
  func visited(_ node: String) -> Bool { (node.utf8.count + seed) % 2 == 0 }
  func chose(_ choice: String) -> Bool { (choice.utf8.count + seed) % 3 == 0 }
  func tagged(_ tag: String) -> Bool { tag.utf8.count % 2 == 1 }
  func contacted(_ stakeholder: String) -> Bool { seed % 5 == 0 }
  func met(_ deadline: String) -> Bool { seed % 7 < 3 }
  var elapsed: ClockDuration { .minutes(seed % 1_440) }
  func statementScore(_ statement: String) -> Int? { seed % 101 }
  func statementMet(_ statement: String, criterion: String) -> Bool {
    criterion.utf8.count > seed % 12
  }
}
