import Foundation
import SOSCore
import SOSStore
import Testing

/// Several writers, each with its own connection pool, as separate `sos` processes
/// on one shared workshop machine would have.
@Suite struct ConcurrentAccessTests {
  @Test(arguments: TestStore.engines)
  func fourWritersOnANewDatabaseLoseNothing(store: TestStore) throws {
    let folder = TemporaryFolder()
    defer { folder.remove() }
    let path = try store.location(in: folder)
    let writers = 4
    let sessionsPerWriter = 3
    let inputsPerSession = 20
    let errors = Collector<String>()
    let created = Collector<UUID>()
    let start = DispatchSemaphore(value: 0)
    let done = DispatchGroup()

    for writer in 0..<writers {
      done.enter()
      let thread = Thread {
        defer { done.leave() }
        start.wait()
        do {
          let database = try WorkshopDatabase.open(location: path)
          for number in 0..<sessionsPerWriter {
            let session = try database.createSession(
              Sample.newSession(trainee: "writer-\(writer)", started: Double(number)))
            for step in 0..<inputsPerSession {
              try database.appendInput(
                sessionID: session.id, input: .choose(step % 3 + 1),
                at: Sample.time(Double(step)), latencyMilliseconds: step)
            }
            try database.finishSession(id: session.id, at: Sample.time(100))
            created.append(session.id)
          }
        } catch {
          errors.append("writer \(writer): \(error)")
        }
      }
      thread.start()
    }
    for _ in 0..<writers { start.signal() }
    done.wait()

    #expect(errors.values.isEmpty)
    let database = try WorkshopDatabase.open(location: path)
    let sessions = try database.sessions()
    #expect(sessions.count == writers * sessionsPerWriter)
    #expect(Set(sessions.map(\.id)) == Set(created.values))
    var total = 0
    for session in sessions {
      let inputs = try database.inputs(sessionID: session.id)
      #expect(inputs.map(\.sequence) == Array(0..<inputsPerSession))
      #expect(session.status == .finished)
      total += inputs.count
    }
    #expect(total == writers * sessionsPerWriter * inputsPerSession)
  }
}
