import Foundation
import GRDB

/// The SQLite schema's history (GRDB migrations, recorded in `grdb_migrations`).
/// Migrations are appended, never edited once shipped; PostgresSchema keeps the same
/// identifiers for the same tables.
enum SQLiteSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.create(table: "scenario_text") { table in
        table.primaryKey("hash", .text)
        table.column("scenario_id", .text).notNull()
        table.column("text", .text).notNull()
        table.column("stored_at", .datetime).notNull()
      }
      try db.create(table: "cohort") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("name", .text).notNull().unique()
        table.column("description", .text)
        table.column("secret", .text).notNull()
        table.column("created_at", .datetime).notNull()
      }
      try db.create(table: "session") { table in
        table.primaryKey("id", .text)
        table.column("trainee", .text).notNull()
        table.column("cohort_id", .integer).indexed()
          .references("cohort", onDelete: .restrict)
        table.column("scenario_id", .text).notNull()
        table.column("scenario_hash", .text).notNull().indexed()
          .references("scenario_text", onDelete: .restrict)
        table.column("seed", .integer).notNull()
        table.column("mode", .text).notNull()
        table.column("timed", .boolean).notNull()
        table.column("started", .datetime).notNull().indexed()
        table.column("finished", .datetime)
        table.column("status", .text).notNull()
      }
      try db.create(table: "session_input") { table in
        table.column("session_id", .text).notNull()
          .references("session", onDelete: .cascade)
        table.column("sequence", .integer).notNull().check { $0 >= 0 }
        table.column("kind", .text).notNull()
        table.column("value", .text)
        table.column("at", .datetime).notNull()
        table.column("latency_ms", .integer)
        table.primaryKey(["session_id", "sequence"])
      }
    }
    // Options shuffled from the seed, and each chosen option's id beside its number;
    // sessions stored before keep file order (shuffled = 0) and no ids.
    migrator.registerMigration("v2") { db in
      try db.alter(table: "session") { table in
        table.add(column: "shuffled", .boolean).notNull().defaults(to: false)
      }
      try db.alter(table: "session_input") { table in
        table.add(column: "choice", .text)
      }
    }
    // What an import found odd about a hand-in (one finding per line), so every
    // report can show it; sessions played here have none.
    migrator.registerMigration("v3") { db in
      try db.alter(table: "session") { table in
        table.add(column: "flags", .text)
      }
    }
    // The hand-in key a trainee played with, so an export of the session is sealed.
    migrator.registerMigration("v4") { db in
      try db.alter(table: "session") { table in
        table.add(column: "hand_in_key", .text)
      }
    }
    // What replays gave, so that a cohort report need not replay every session again:
    // derived, never read from a file, keyed by what a replay depends on (see
    // ScoreCacheKey), each payload bound to its key by a digest (ScoreCacheRow).
    migrator.registerMigration("v5") { db in
      try db.create(table: "score_cache") { table in
        table.column("scenario_hash", .text).notNull()
        table.column("inputs_hash", .text).notNull()
        table.column("version", .text).notNull()
        table.column("payload", .blob).notNull()
        table.column("digest", .text).notNull()
        table.primaryKey(["scenario_hash", "inputs_hash", "version"])
      }
    }
    // Live rooms of a workshop server: the room, who joined it (with a hash of each
    // trainee's token), and what the facilitator sent it (injects, messages).
    migrator.registerMigration("v6") { db in
      try db.create(table: "room") { table in
        table.primaryKey("code", .text)
        table.column("cohort_id", .integer).notNull().references("cohort", onDelete: .restrict)
        table.column("scenario_id", .text).notNull()
        table.column("scenario_hash", .text).notNull()
          .references("scenario_text", onDelete: .restrict)
        table.column("mode", .text).notNull()
        table.column("timed", .boolean).notNull()
        table.column("token_hash", .text).notNull()
        table.column("opened_at", .datetime).notNull()
        table.column("closed_at", .datetime)
        table.column("paused", .boolean).notNull().defaults(to: false)
      }
      try db.create(table: "room_member") { table in
        table.primaryKey("session_id", .text).references("session", onDelete: .cascade)
        table.column("room_code", .text).notNull().indexed()
          .references("room", onDelete: .cascade)
        table.column("token_hash", .text).notNull()
        table.column("joined_after", .integer).notNull()
      }
      try db.create(table: "room_notice") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("room_code", .text).notNull().indexed()
          .references("room", onDelete: .cascade)
        table.column("kind", .text).notNull()
        table.column("value", .text).notNull()
        table.column("session_id", .text)
        table.column("at", .datetime).notNull()
      }
    }
    // Trainees are people, not names: each session carries its trainee's id and the
    // site it was played at. Sessions stored before get one id per name and room.
    migrator.registerMigration("v7") { db in
      try db.alter(table: "session") { table in
        table.add(column: "trainee_id", .text)
        table.add(column: "site", .text)
      }
      try db.create(index: "session_on_trainee_id", on: "session", columns: ["trainee_id"])
      try db.create(index: "session_on_trainee", on: "session", columns: ["trainee", "site"])
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT session.id, session.trainee, room_member.room_code FROM session
          LEFT JOIN room_member ON room_member.session_id = session.id
          """)
      var ids: [String: String] = [:]
      for row in rows {
        let id: String = row[0]
        let trainee: String = row[1]
        let room: String? = row[2]
        let key = trainee + "\u{0}" + (room ?? "")
        let traineeID = ids[key] ?? UUID().uuidString.lowercased()
        ids[key] = traineeID
        try db.execute(
          sql: "UPDATE session SET trainee_id = ?, site = ? WHERE id = ?",
          arguments: [traineeID, room, id])
      }
    }
    return migrator
  }

}
