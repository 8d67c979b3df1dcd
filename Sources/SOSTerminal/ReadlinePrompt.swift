/// Prepares a prompt for readline, which must be told which bytes take no room on
/// the screen: every escape sequence is wrapped in `\u{01}`…`\u{02}` (readline's
/// RL_PROMPT_START_IGNORE and RL_PROMPT_END_IGNORE), unless the caller already did.
enum ReadlinePrompt {
  static func protect(_ prompt: String) -> String {
    guard !prompt.unicodeScalars.contains("\u{01}") else { return prompt }
    var output = String.UnicodeScalarView()
    let scalars = prompt.unicodeScalars
    var index = scalars.startIndex
    while index < scalars.endIndex {
      if scalars[index] == "\u{1B}" {
        let end = Sanitizer.endOfEscapeSequence(in: scalars, at: index)
        output.append("\u{01}")
        output.append(contentsOf: scalars[index..<end])
        output.append("\u{02}")
        index = end
      } else {
        output.append(scalars[index])
        index = scalars.index(after: index)
      }
    }
    return String(output)
  }

  /// The prompt as printed outside readline: without the markers readline needs.
  static func visible(_ prompt: String) -> String {
    String(
      String.UnicodeScalarView(prompt.unicodeScalars.filter { $0 != "\u{01}" && $0 != "\u{02}" }))
  }

  /// The prompt with a prefix before its last line: readline redraws only the last
  /// line of a prompt, so a ticking countdown must stand there.
  static func prefixing(_ prompt: String, with prefix: String) -> String {
    guard let newline = prompt.lastIndex(of: "\n") else { return prefix + prompt }
    let lastLine = prompt.index(after: newline)
    return String(prompt[..<lastLine]) + prefix + String(prompt[lastLine...])
  }
}
