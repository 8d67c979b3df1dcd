import Foundation
import SOSCore

/// libFuzzer entry point: a typed statement through ``StatementAnalyzer``, as
/// `sos statement` and a scenario's write task grade it.
///
/// The first byte picks the channel, the second the audience and a length limit; the
/// rest, as UTF-8 with invalid sequences replaced, is the statement, then (after a
/// 0x1F unit separator) `must` phrasings and (after another) `avoid` phrasings, each
/// list split at `|`, so the scenario-specific criteria are fuzzed too.
///
/// Besides crashes, it traps when the score leaves 0...100 or exceeds a cap, when the
/// analysis does not encode as JSON (`sos statement --json`), or when the same input
/// gives two different analyses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: start, count: count)
  guard bytes.count >= 2 else { return 0 }
  let channel = Channel.allCases[Int(bytes[0]) % Channel.allCases.count]
  let audiences = [
    nil, "customers", "front-line agents", "data protection authority", "staff", "",
  ]
  let audience = audiences[Int(bytes[1]) % audiences.count]
  let limit = bytes[1] >= 0xC0 ? Int(bytes[1] & 0x3F) * 7 : nil
  let text = String(decoding: bytes.dropFirst(2), as: UTF8.self)
  let parts = text.split(separator: "\u{1F}", maxSplits: 2, omittingEmptySubsequences: false)
  func phrases(_ index: Int, _ prefix: String) -> [Phrase] {
    guard index < parts.count else { return [] }
    return parts[index].split(separator: "|").enumerated().map { offset, phrasing in
      Phrase(id: "\(prefix)\(offset)", any: [String(phrasing)])
    }
  }
  let must = phrases(1, "must-")
  let avoid = phrases(2, "avoid-")
  let analyzer = StatementAnalyzer()
  let analysis = analyzer.analyze(
    String(parts[0]), channel: channel, audience: audience, must: must, avoid: avoid,
    limit: limit)
  if !(0...100).contains(analysis.score) || analysis.score > analysis.uncapped {
    fatalError("score \(analysis.score) (uncapped \(analysis.uncapped)) is out of range")
  }
  if let cap = analysis.caps.first(where: { analysis.score > $0.ceiling }) {
    fatalError("score \(analysis.score) is above the cap \(cap)")
  }
  if analysis.nonsense != nil, analysis.score != 0 {
    fatalError("a non-statement scored \(analysis.score)")
  }
  do {
    _ = try JSONEncoder().encode(analysis)
  } catch {
    fatalError("the analysis does not encode as JSON: \(error)")
  }
  let again = analyzer.analyze(
    String(parts[0]), channel: channel, audience: audience, must: must, avoid: avoid,
    limit: limit)
  if again != analysis { fatalError("the same statement gave two analyses") }
  return 0
}
