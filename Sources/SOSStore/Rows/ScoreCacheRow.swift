import Foundation
import SOSCore

/// A row of `score_cache`: what one replay gave, filed under its ``ScoreCacheKey``, with
/// a digest that binds the payload to the key.
///
/// The digest is a SHA-256, not a secret: it catches a damaged row and a payload moved
/// to another key, and a row that fails it is recomputed, never used. Someone who can
/// write the database can also write a matching digest — as they could rewrite the
/// answers themselves; `sos cohort report --rescore` replays everything regardless.
struct ScoreCacheRow {
  var scenarioHash: String
  var inputsHash: String
  var version: String
  /// A ``ScoreCacheEntry`` (``ScoreCachePayload``).
  var payload: Data
  var digest: String

  init(_ row: SQLRow) throws(SQLRowError) {
    scenarioHash = try row.text("scenario_hash")
    inputsHash = try row.text("inputs_hash")
    version = try row.text("version")
    payload = Data(try row.blob("payload"))
    digest = try row.text("digest")
  }

  /// Writes the row, replacing one filed under the same key.
  func upsert(in db: any SQLConnection) throws {
    try db.execute(
      """
      INSERT INTO score_cache (scenario_hash, inputs_hash, version, payload, digest)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (scenario_hash, inputs_hash, version)
      DO UPDATE SET payload = excluded.payload, digest = excluded.digest
      """,
      [
        .text(scenarioHash), .text(inputsHash), .text(version), .blob([UInt8](payload)),
        .text(digest),
      ])
  }

  /// The row that files `entry` under `key`, naming the texts of `texts` (the scenario
  /// version `key` names) where it can.
  init(key: ScoreCacheKey, entry: ScoreCacheEntry, texts: ScenarioTexts?) {
    let payload = entry.payload(texts: texts)
    scenarioHash = key.scenarioHash
    inputsHash = key.inputsHash
    version = key.version
    self.payload = Data(payload)
    digest = Self.digest(key: key, payload: payload)
  }

  /// The row's entry, if the row is filed under `key`, its digest matches and its
  /// payload decodes to a well-formed entry; otherwise `nil`, and the score is derived
  /// afresh.
  func entry(
    for key: ScoreCacheKey, context: inout ScoreCachePayload.Context
  ) -> ScoreCacheEntry? {
    let bytes = [UInt8](payload)
    guard scenarioHash == key.scenarioHash, inputsHash == key.inputsHash,
      version == key.version, digest == Self.digest(key: key, payload: bytes)
    else { return nil }
    return ScoreCacheEntry(payload: bytes, context: &context)
  }

  static func digest(key: ScoreCacheKey, payload: [UInt8]) -> String {
    var bytes = Array("sos-score-cache 1\n".utf8)
    for part in [key.scenarioHash, key.inputsHash, key.version] {
      bytes += Array(part.utf8)
      bytes.append(0x0A)
    }
    bytes += payload
    return SHA256.hex(SHA256.digest(bytes))
  }
}
