import Foundation
import SOSCore
import SOSStore

/// libFuzzer entry point: the bytes as a session file, decoded by
/// ``SessionFile/decode(_:file:)`` (the strict JSON syntax check, the decoder and the
/// file's own checks) as `sos score FILE` and `sos cohort import` read one; a file that
/// decodes is replayed and re-scored on the scenario text it carries.
///
/// Besides crashes, it traps when an accepted file does not survive a round trip
/// through ``SessionFile/encode()``, or when a syntax error points outside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  switch SessionFile.decode(data, file: "fuzz.json") {
  case .failure(let error):
    let lines = data.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    if let line = error.location.line, !(1...lines).contains(line) {
      fatalError("error at line \(line) of a file of \(lines) lines: \(error.message)")
    }
  case .success(let file):
    switch SessionFile.decode(file.encode(), file: "fuzz.json") {
    case .failure(let error):
      fatalError("an accepted file does not read back after encoding: \(error.message)")
    case .success(let again):
      if again != file { fatalError("an accepted file changes in a round trip") }
    }
    var replayer = SessionReplayer()
    if case .success(let replayed) = file.replay(using: &replayer, file: "fuzz.json"),
      let report = replayed.scored?.report, !(0...100).contains(report.overall)
    {
      fatalError("overall score \(report.overall) is outside 0...100")
    }
  }
  return 0
}
