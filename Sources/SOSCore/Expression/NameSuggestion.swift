/// The closest name to a misspelt one, for "did you mean …?": the candidate with the
/// fewest single-character edits (insertions, deletions, substitutions and swaps of
/// neighbours), if it is close enough to be a likely typo. Ties go to the
/// alphabetically first candidate, so the suggestion is stable.
public func suggestion(for name: String, among candidates: some Collection<String>) -> String? {
  let typed = Array(name.lowercased().unicodeScalars)
  guard !typed.isEmpty, typed.count <= 64 else { return nil }
  let allowance = typed.count <= 3 ? 1 : max(2, typed.count / 3)
  var best: (name: String, distance: Int)? = nil
  for candidate in candidates.sorted() where candidate != name {
    let distance = editDistance(typed, Array(candidate.lowercased().unicodeScalars))
    guard distance <= allowance else { continue }
    if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
  }
  return best?.name
}

/// Optimal string alignment distance: Levenshtein plus transpositions of neighbours.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previousPrevious = [Int](repeating: 0, count: b.count + 1)
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        value = min(value, previousPrevious[j - 2] + 1)
      }
      current[j] = value
    }
    (previousPrevious, previous, current) = (previous, current, previousPrevious)
  }
  return previous[b.count]
}
