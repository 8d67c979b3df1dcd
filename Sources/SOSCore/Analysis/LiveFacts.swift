/// Which of the facts conditions name can still be read from a state on: the facts of
/// the conditions at the nodes play can still reach (from where it is, from the nodes
/// it will return to, and from where injects can still divert it), of deadlines not
/// yet settled and of injects that can still fire (not ``SpentInjects``). A fact no
/// condition can read again changes nothing ahead, so the score-bounds search leaves
/// it out of a state's key and states that differ only in such facts are one (see
/// ``SituationCoder``).
///
/// Facts are numbered as a ``CompiledScenario`` numbers them, and a mask is one run
/// of 64-bit words: the tags, the nodes, the options, the stakeholders, the variables
/// and the statements (write tasks), each section starting on a word of its own.
struct LiveFacts: Sendable {
  /// Where each section starts, in words.
  let tagStart: Int
  let nodeStart: Int
  let choiceStart: Int
  let stakeholderStart: Int
  let variableStart: Int
  let statementStart: Int
  /// Words in a mask.
  let width: Int

  /// The words of the masks that some mask has a bit in, in order: the only words of
  /// a mask worked out (the others are zero in every mask).
  let liveWords: [Int]

  /// By node index: what the conditions at the nodes reachable from it read. Each
  /// of these lists holds one mask after another, ``width`` words each.
  let byNode: [UInt64]
  /// By deadline index: what its `met` condition reads.
  let byDeadline: [UInt64]
  /// By inject (in the compiled firing order): what its conditions read, and what the
  /// nodes it can divert to can still read.
  let byInject: [UInt64]

  init(_ compiled: CompiledScenario) {
    let scenario = compiled.scenario
    func words(_ count: Int) -> Int { (count + 63) / 64 }
    tagStart = 0
    nodeStart = tagStart + words(compiled.tagNames.count)
    choiceStart = nodeStart + words(compiled.nodeIDs.count)
    stakeholderStart = choiceStart + words(compiled.choiceIDs.count)
    variableStart = stakeholderStart + words(compiled.stakeholderIDs.count)
    statementStart = variableStart + words(compiled.variableNames.count)
    width = statementStart + words(compiled.writes.count)
    func numbered(_ names: [String]) -> [String: Int] {
      var numbers: [String: Int] = [:]
      for (index, name) in names.enumerated() where numbers[name] == nil { numbers[name] = index }
      return numbers
    }
    let tags = numbered(compiled.tagNames)
    let nodes = numbered(compiled.nodeIDs)
    let choices = numbered(compiled.choiceIDs)
    let stakeholders = numbered(compiled.stakeholderIDs)
    let variables = numbered(compiled.variableNames)
    let statements = numbered(compiled.writes.map(\.task.id))
    let empty = [UInt64](repeating: 0, count: width)
    let starts = (tagStart, nodeStart, choiceStart, stakeholderStart, variableStart, statementStart)
    func mask(_ expressions: [Expression]) -> [UInt64] {
      let references = ScenarioReferences(expressions: expressions)
      var mask = empty
      func set(_ names: Set<String>, in universe: [String: Int], from start: Int) {
        for name in names {
          if let bit = universe[name] { mask[start + bit / 64] |= 1 << UInt64(bit % 64) }
        }
      }
      set(references.tags, in: tags, from: starts.0)
      set(references.nodes, in: nodes, from: starts.1)
      set(references.choices, in: choices, from: starts.2)
      set(references.stakeholders, in: stakeholders, from: starts.3)
      set(references.variables, in: variables, from: starts.4)
      set(references.statements, in: statements, from: starts.5)
      return mask
    }
    func union(_ mask: inout [UInt64], _ other: [UInt64]) {
      for index in mask.indices { mask[index] |= other[index] }
    }

    // Each node's own conditions, and the nodes its steps lead to.
    var own: [String: [UInt64]] = [:]
    var next: [String: Set<String>] = [:]
    for node in scenario.nodes {
      var expressions: [Expression] = []
      var targets: Set<String> = []
      for choice in node.choices {
        expressions += [choice.when].compactMap { $0?.expression }
        expressions += ScenarioReferences.conditions(of: choice.goto)
        targets.formUnion(choice.goto.targets.map(\.value))
        targets.formUnion(choice.outcomes.compactMap { $0.goto?.value })
        for outcome in choice.write?.outcomes ?? [] {
          expressions += [outcome.when].compactMap { $0?.expression }
          if let goto = outcome.goto {
            expressions += ScenarioReferences.conditions(of: goto)
            targets.formUnion(goto.targets.map(\.value))
          }
        }
      }
      if let target = node.onTimeout?.goto?.value { targets.insert(target) }
      own[node.id] = mask(expressions)
      next[node.id] = targets
    }
    // What each node can still read: its own and every reachable node's. Most nodes
    // read nothing, so each node that reads something gives its mask to every node
    // that can reach it, found backwards from it (a search forwards from every node
    // would cost the square of the number of nodes).
    var reach: [String: [UInt64]] = [:]
    let reading = own.filter { $0.value.contains { $0 != 0 } }
    var previous: [String: [String]] = [:]
    for (source, targets) in next {
      for target in targets { previous[target, default: []].append(source) }
    }
    for (id, mask) in reading {
      var seen: Set<String> = [id]
      var stack = [id]
      while let current = stack.popLast() {
        union(&reach[current, default: empty], mask)
        for source in previous[current] ?? [] where seen.insert(source).inserted {
          stack.append(source)
        }
      }
    }
    let byNode = compiled.nodeIDs.map { reach[$0] ?? empty }
    let byDeadline = scenario.deadlines.map { mask([$0.met.expression]) }
    let byInject = compiled.injects.map { compiledInject in
      let inject = scenario.injects[compiledInject.declared]
      var total = mask([inject.when, inject.unless].compactMap { $0?.expression })
      for target in [inject.goto] + inject.outcomes.map(\.goto) {
        if let target = target?.value, let reachable = reach[target] { union(&total, reachable) }
      }
      return total
    }
    // Every fact any mask can hold.
    var ever = empty
    for mask in byNode + byDeadline + byInject { union(&ever, mask) }
    liveWords = ever.indices.filter { ever[$0] != 0 }
    self.byNode = byNode.flatMap { $0 }
    self.byDeadline = byDeadline.flatMap { $0 }
    self.byInject = byInject.flatMap { $0 }
  }

  /// What can still be read from `state` on, into `live` (``width`` words), where
  /// `spent` are the injects that can no longer fire (a bit by firing position) and,
  /// after their words, the deadlines never to be met (``SpentInjects``). Only
  /// the ``liveWords`` are written: the others are zero in every mask, and stay
  /// zero in `live` once it is made.
  func mask(for state: CompactState, spent: [UInt64], into live: inout [UInt64]) {
    let width = self.width
    if live.count != width { live = Array(repeating: 0, count: width) }
    guard !liveWords.isEmpty else { return }
    let liveWords = self.liveWords
    live.withUnsafeMutableBufferPointer { live in
      func add(_ masks: UnsafeBufferPointer<UInt64>, _ index: Int) {
        let first = index * width
        for word in liveWords { live[word] |= masks[first + word] }
      }
      byNode.withUnsafeBufferPointer { masks in
        let first = state.node * width
        for word in liveWords { live[word] = masks[first + word] }
        for node in state.returnStack { add(masks, node) }
      }
      // A deadline never to be met (its bit after the injects', ``SpentInjects``)
      // reads nothing more.
      let injects = byInject.count / width
      byDeadline.withUnsafeBufferPointer { masks in
        for index in 0..<masks.count / width
        where state.metDeadlines[index] == nil
          && !SpentInjects.isDoomed(index, in: spent, injects: injects, state: state)
        {
          add(masks, index)
        }
      }
      byInject.withUnsafeBufferPointer { masks in
        for index in 0..<masks.count / width
        where spent[index >> 6] & (1 << UInt64(index & 63)) == 0 {
          add(masks, index)
        }
      }
    }
  }

  /// Whether bit `index` of the section starting at word `start` is set in `mask`.
  @inline(__always)
  static func has(_ mask: [UInt64], _ start: Int, _ index: Int) -> Bool {
    mask[start + (index >> 6)] & (1 << UInt64(index & 63)) != 0
  }
}
