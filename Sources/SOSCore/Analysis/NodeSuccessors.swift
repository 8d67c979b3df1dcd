/// Where each node of a compiled scenario can lead, conditions ignored: its options'
/// targets (every branch of a conditional goto), their draws' and statement outcomes'
/// gotos, and its timeout's goto. The analyses that ask what play can still do from
/// a node (``FutureWrites``, ``VariableClasses``) close their per-node sets over it.
struct NodeSuccessors: Sendable {
  /// By node, the nodes it leads to (repeats possible).
  let next: [[Int]]

  init(_ compiled: CompiledScenario) {
    next = compiled.nodes.map { node in
      var next: [Int] = []
      for choice in node.choiceStart..<(node.choiceStart + node.choiceCount) {
        next += Self.targets(of: compiled.choices[choice], in: compiled)
      }
      if let goto = node.onTimeout.goto { next.append(goto) }
      return next
    }
  }

  /// The nodes a goto can lead to: every branch of a conditional one, none for a
  /// return (the node returned to is on the return stack).
  static func targets(_ target: CompiledScenario.Target?) -> [Int] {
    switch target {
    case .node(let node)?: return [node]
    case .branches(let branches)?: return branches.map(\.to)
    case .returnToDiverted?, nil: return []
    }
  }

  /// The nodes an option can lead to: its goto (every branch), its draws' gotos and
  /// its statement outcomes' gotos.
  static func targets(
    of option: CompiledScenario.CompiledChoice, in compiled: CompiledScenario
  ) -> [Int] {
    var next = targets(option.target)
    next += option.chances?.gotos.compactMap { $0 } ?? []
    if let write = option.write {
      next += compiled.writes[write].outcomes.flatMap { targets($0.target) }
    }
    return next
  }

  /// Whether an option can return to where play was diverted from (its goto or a
  /// statement outcome's is `return`).
  static func returns(
    _ option: CompiledScenario.CompiledChoice, in compiled: CompiledScenario
  ) -> Bool {
    if case .returnToDiverted = option.target { return true }
    guard let write = option.write else { return false }
    return compiled.writes[write].outcomes.contains {
      if case .returnToDiverted? = $0.target { return true }
      return false
    }
  }

  /// The nodes an inject can divert play to: its goto and its outcomes'.
  static func targets(of inject: CompiledScenario.CompiledInject) -> [Int] {
    [inject.goto].compactMap { $0 } + (inject.chances?.gotos.compactMap { $0 } ?? [])
  }

  /// `masks` (`width` words a node) with each node's joined by those of every node
  /// it leads to, until nothing more is added (a loop needs more than one pass).
  func close(_ masks: inout [UInt64], width: Int) {
    guard width > 0 else { return }
    var changed = true
    while changed {
      changed = false
      for index in next.indices.reversed() {
        for target in next[index] where target != index {
          for word in 0..<width {
            let merged = masks[index * width + word] | masks[target * width + word]
            if merged != masks[index * width + word] {
              masks[index * width + word] = merged
              changed = true
            }
          }
        }
      }
    }
  }
}
