/// The matches of every list of `LexiconIndex` in one statement, by the list's position:
/// all in one array, list after list, each list's in order of position. (One array
/// rather than one for each list: each array is made and freed through its type.)
struct LexiconMatches {
  /// Every match, list after list.
  private let matches: [PatternSet.Match]
  /// Where each list's matches start in `matches`, and the end of the last.
  private let starts: [Int]

  /// Matches found in any order of lists, each list's in order: `found` holds each
  /// match with its list's position, and `lists` is how many lists there are.
  init(_ found: [(list: Int32, match: PatternSet.Match)], lists: Int) {
    var starts = [Int](repeating: 0, count: lists + 1)
    for item in found { starts[Int(item.list) + 1] += 1 }
    for list in 0..<lists { starts[list + 1] += starts[list] }
    // Each list's matches go where its run starts, in the order they were found.
    var next = starts
    let placeholder = PatternSet.Match(pattern: 0, words: 0..<0)
    var matches = [PatternSet.Match](repeating: placeholder, count: found.count)
    for item in found {
      matches[next[Int(item.list)]] = item.match
      next[Int(item.list)] += 1
    }
    self.matches = matches
    self.starts = starts
  }

  /// How many lists.
  var count: Int { starts.count - 1 }

  /// The matches of the list at `position`, in order of position.
  subscript(position: Int) -> ArraySlice<PatternSet.Match> {
    matches[starts[position]..<starts[position + 1]]
  }
}
