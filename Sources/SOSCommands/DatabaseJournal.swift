import Foundation
import SOSCore
import SOSStore
import SOSTerminal

/// Saves each accepted input of a session to the workshop database, committed before
/// the next prompt appears.
struct DatabaseJournal: SessionJournal {
  let database: WorkshopDatabase
  let sessionID: UUID

  func record(_ input: SessionInput, choice: String?, latencyMilliseconds: Int?) throws {
    try database.appendInput(
      sessionID: sessionID, input: input, at: Date(), latencyMilliseconds: latencyMilliseconds,
      choice: choice)
  }

  func finish() throws {
    try database.finishSession(id: sessionID, at: Date())
  }
}
