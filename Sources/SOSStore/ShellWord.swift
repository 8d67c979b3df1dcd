/// A word as the shell reads it back: bare when plainly safe, else in single quotes.
/// For the commands a message suggests (the store's errors, the command line's hints).
package enum ShellWord {
  package static func quote(_ word: String) -> String {
    let safe =
      !word.isEmpty
      && word.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || "._-+@:/=".unicodeScalars.contains($0)
      }
    if safe { return word }
    var quoted = "'"
    for character in word {
      if character == "'" { quoted += "'\\''" } else { quoted.append(character) }
    }
    return quoted + "'"
  }
}
