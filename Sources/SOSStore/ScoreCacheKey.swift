import SOSCore

/// What a cached score is filed under: everything a replay's result depends on.
///
/// - `scenarioHash`: the SHA-256 of the scenario text actually read (not the hash a
///   session row names), so a changed text is a different key;
/// - `inputsHash`: a SHA-256 over the scenario's id, the session's options (seed,
///   mode, timed, shuffled) and every input with its kind, value, recorded option id
///   and latency, each field length-prefixed so that no two logs share a digest;
/// - `version`: ``ScoringVersion/current`` and ``CohortScore/format``, so a change of
///   the engine, the scorer or the cached shape re-derives every score once.
///
/// Nothing in a key is read from a session file or trusted from a row: it is computed
/// from the stored answers and scenario text each time a report reads the cache.
struct ScoreCacheKey: Hashable, Sendable {
  var scenarioHash: String
  var inputsHash: String
  var version: String

  /// The version of scores derived by this build.
  static let currentVersion =
    "scoring \(ScoringVersion.current), cohort-score \(CohortScore.format)"

  /// The key of `record`'s replay on a scenario text whose SHA-256 is `scenarioHash`.
  init(
    record: SessionRecord, inputs: [RecordedInput], scenarioHash: String,
    version: String = currentVersion
  ) {
    var bytes: [UInt8] = Array("sos-replay-key 1\n".utf8)
    bytes.reserveCapacity(256 + inputs.count * 48)
    func field(_ text: String?) {
      guard let text else {
        bytes.append(0x2D)  // "-": absent, unlike "0:" for an empty text
        return
      }
      let utf8 = Array(text.utf8)
      bytes.append(contentsOf: Array(String(utf8.count).utf8))
      bytes.append(0x3A)
      bytes.append(contentsOf: utf8)
    }
    field(record.scenarioID)
    field(String(record.seed))
    field(record.mode.rawValue)
    field(record.timed ? "timed" : "untimed")
    field(record.shuffles ? "shuffled" : "file-order")
    field(String(inputs.count))
    for recorded in inputs {
      let (kind, value) = InputKind.parts(of: recorded.input)
      field(kind.rawValue)
      field(value)
      field(recorded.choice)
      field(recorded.latencyMilliseconds.map(String.init))
    }
    self.scenarioHash = scenarioHash
    self.inputsHash = SHA256.hex(SHA256.digest(bytes))
    self.version = version
  }
}
