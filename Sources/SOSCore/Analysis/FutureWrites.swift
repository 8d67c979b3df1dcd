/// Which of the yes-or-no facts conditions read play can still set from a state on:
/// the tags, the nodes visited, the options chosen and the stakeholders contacted
/// that the options of the nodes it can still reach set (from where it is, from the
/// nodes it will return to, and from where an inject not yet fired can divert it),
/// and what those injects set. Conditions are ignored, so this over-approximates
/// what play can do; a fact not set that play cannot set is false for good, which is
/// what lets ``CompiledCondition/settledTruth(in:settable:)`` settle more conditions.
///
/// Masks are laid out as ``LiveFacts`` lays them out, and only its
/// ``LiveFacts/liveWords`` (the facts some condition reads) are worked out.
struct FutureWrites: Sendable {
  /// Where each section starts, in words (as in ``LiveFacts``).
  let tagStart: Int
  let nodeStart: Int
  let choiceStart: Int
  let stakeholderStart: Int
  /// The words worked out, in order, and how many there are in a whole mask.
  let words: [Int]
  let width: Int
  /// By node, what play can set from it on; by inject (in firing order), what it
  /// sets, with what play can set from where it diverts to: `words.count` words each.
  private let byNode: [UInt64]
  private let byInject: [UInt64]
  /// By node, what entering it sets (its visit), `words.count` words each.
  private let entering: [UInt64]

  init(_ compiled: CompiledScenario, live: LiveFacts) {
    tagStart = live.tagStart
    nodeStart = live.nodeStart
    choiceStart = live.choiceStart
    stakeholderStart = live.stakeholderStart
    width = live.width
    // Only the tag, node, option and stakeholder words of the facts read.
    let words = live.liveWords.filter { $0 < live.variableStart }
    self.words = words
    let count = words.count
    // By word of a whole mask, its place among `words`, or -1.
    var place = [Int](repeating: -1, count: live.width)
    for (index, word) in words.enumerated() { place[word] = index }
    func set(_ mask: inout [UInt64], _ offset: Int, _ start: Int, _ bit: Int) {
      let position = place[start + bit >> 6]
      guard position >= 0 else { return }
      mask[offset + position] |= 1 << UInt64(bit & 63)
    }
    let nodeCount = compiled.nodes.count
    var entering = [UInt64](repeating: 0, count: nodeCount * count)
    for node in 0..<nodeCount { set(&entering, node * count, nodeStart, node) }
    // Each node's own: what its options, their statements' outcomes and draws, and
    // its timeout set.
    var byNode = [UInt64](repeating: 0, count: nodeCount * count)
    for (index, node) in compiled.nodes.enumerated() {
      let offset = index * count
      for choice in node.choiceStart..<(node.choiceStart + node.choiceCount) {
        let option = compiled.choices[choice]
        set(&byNode, offset, choiceStart, choice)
        for tag in option.tags { set(&byNode, offset, tagStart, tag) }
        for stakeholder in option.contacts { set(&byNode, offset, stakeholderStart, stakeholder) }
        for tag in (option.chances?.tags ?? []).joined() { set(&byNode, offset, tagStart, tag) }
        if let write = option.write {
          set(&byNode, offset, stakeholderStart, compiled.writes[write].audience)
          for rule in compiled.writes[write].outcomes {
            for tag in rule.tags { set(&byNode, offset, tagStart, tag) }
            for stakeholder in rule.contacts { set(&byNode, offset, stakeholderStart, stakeholder) }
          }
        }
      }
      for tag in node.onTimeout.tags { set(&byNode, offset, tagStart, tag) }
    }
    // What each node can set: its own, what entering each node it leads to sets, and
    // what can be set from there.
    let successors = NodeSuccessors(compiled)
    for index in 0..<nodeCount {
      for target in successors.next[index] {
        for word in 0..<count { byNode[index * count + word] |= entering[target * count + word] }
      }
    }
    successors.close(&byNode, width: count)
    var byInject = [UInt64](repeating: 0, count: compiled.injects.count * count)
    for (position, inject) in compiled.injects.enumerated() {
      let offset = position * count
      for tag in inject.tags { set(&byInject, offset, tagStart, tag) }
      for tag in (inject.chances?.tags ?? []).joined() { set(&byInject, offset, tagStart, tag) }
      for target in NodeSuccessors.targets(of: inject) {
        for word in 0..<count {
          byInject[offset + word] |= entering[target * count + word] | byNode[target * count + word]
        }
      }
    }
    self.byNode = byNode
    self.byInject = byInject
    self.entering = entering
  }

  /// What play can still set from `state` on, into `settable` (``width`` words; only
  /// ``words`` are written), where `spent` are the injects that can no longer fire (a
  /// bit by firing position).
  func mask(for state: CompactState, spent: [UInt64], into settable: inout [UInt64]) {
    if settable.count != width { settable = Array(repeating: 0, count: width) }
    let count = words.count
    guard count > 0 else { return }
    for (index, word) in words.enumerated() {
      var value = byNode[state.node * count + index]
      for node in state.returnStack {
        value |= entering[node * count + index] | byNode[node * count + index]
      }
      settable[word] = value
    }
    for position in 0..<byInject.count / count
    where spent[position >> 6] & 1 << UInt64(position & 63) == 0 {
      for (index, word) in words.enumerated() {
        settable[word] |= byInject[position * count + index]
      }
    }
  }

  /// Whether the fact `index` of the section starting at word `start` is in
  /// `settable` (a mask from ``mask(for:spent:into:)``).
  @inline(__always)
  static func can(_ settable: [UInt64], _ start: Int, _ index: Int) -> Bool {
    settable[start + (index >> 6)] & (1 << UInt64(index & 63)) != 0
  }
}
