import Foundation
import SOSCore
import SOSLive
import SOSStore
import SOSTerminal

/// The journal of a session played in a live room (`sos join`): every answer is saved
/// on this laptop first (the local database, committed before the next prompt), then
/// sent to the workshop server with its place in the log. When the server cannot be
/// reached, play goes on and the answers wait; they are sent, in order, at the next
/// answer or prompt once it is back. A repeat is harmless: the server keeps each
/// place once.
final class LiveJournal: SessionJournal, LiveRoom {
  let local: DatabaseJournal
  let client: LiveClient
  let ticket: JoinTicket
  /// Says a one-line notice to the trainee.
  let notify: (String) -> Void
  /// Answers saved here and not yet acknowledged by the server, in order.
  private var pending: [LiveAPI.Input] = []
  /// How many answers the server holds (as far as is known).
  private var sent = 0
  /// How many answers this laptop holds.
  private var saved: Int
  /// Whether the last attempt to reach the server failed (said once until it is back).
  private var offline = false
  /// When the server was last tried while offline: it is tried again only after
  /// ``retryAfter``, so that a network that drops silently does not make every
  /// prompt wait for a time-out.
  private var lastTry = Date.distantPast
  /// How long to wait before trying an unreachable server again.
  static let retryAfter: TimeInterval = 15
  /// Set when the server refused an answer: nothing more is sent.
  private var refused: String?
  /// Notices already taken, and the last message shown.
  private var handled: Set<Int64> = []
  private var lastMessage: Int64 = 0
  private var closed = false
  /// Set when the server says the room is closed: answers from then on stay on this
  /// laptop, as the trainee was told, and nothing more is sent.
  private var roomClosed = false

  init(
    local: DatabaseJournal, client: LiveClient, ticket: JoinTicket, stored: [RecordedInput],
    notify: @escaping (String) -> Void
  ) {
    self.local = local
    self.client = client
    self.ticket = ticket
    self.notify = notify
    pending = stored.map(Self.message)
    saved = stored.count
    lastMessage = ticket.lastMessage
    // What the server already has is not sent again.
    if let inbox = inbox() {
      sent = inbox.inputs
      pending.removeAll { $0.sequence < inbox.inputs }
    }
  }

  static func message(_ recorded: RecordedInput) -> LiveAPI.Input {
    LiveAPI.Input(
      sequence: recorded.sequence, input: recorded.input, choice: recorded.choice,
      latencyMs: recorded.latencyMilliseconds)
  }

  // MARK: - SessionJournal

  func record(_ input: SessionInput, choice: String?, latencyMilliseconds: Int?) throws {
    try local.record(input, choice: choice, latencyMilliseconds: latencyMilliseconds)
    pending.append(
      LiveAPI.Input(
        sequence: saved, input: input, choice: choice, latencyMs: latencyMilliseconds))
    saved += 1
    flush()
  }

  func finish() throws {
    try local.finish()
    flush()
    if !pending.isEmpty, refused == nil, !roomClosed {
      notify(
        "\(pending.count) answer\(pending.count == 1 ? " is" : "s are") not on the workshop server"
          + " yet; they are saved here. Run the same sos join again when the network is back.")
    }
  }

  // MARK: - Sending

  /// Sends what waits, in order, until it is all sent or the server cannot be reached.
  /// An answer always gets a try (at most one short time-out each while the network
  /// is gone); the polls at prompts wait for ``retryAfter``.
  func flush() {
    guard refused == nil, !roomClosed else { return }
    while let next = pending.first {
      do {
        let accepted: LiveAPI.Accepted = try client.send(
          "POST", "/api/sessions/\(ticket.session)/inputs", body: next, token: ticket.token)
        sent = accepted.inputs
        pending.removeFirst()
        back()
      } catch {
        switch error {
        case .unreachable:
          goOffline()
          return
        case .refused(let status, let message) where status == 409:
          // The server holds fewer than this laptop thought: ask it, and go on from
          // there. One that holds this place already refused it as different (the same
          // answer again is acknowledged), so the logs differ: that is a refusal, not
          // an answer to drop. A closed room is no refusal: the next prompt says so.
          let inbox = inbox()
          if inbox?.closed == true {
            roomClosed = true
            return
          }
          guard let inbox, inbox.inputs < next.sequence else {
            refuse(message)
            return
          }
          sent = inbox.inputs
          pending.removeAll { $0.sequence < inbox.inputs }
          if pending.first.map({ $0.sequence > inbox.inputs }) == true {
            refuse("the server has \(inbox.inputs) answers and this laptop no copy of the next")
            return
          }
        case .refused(_, let message), .badAnswer(let message):
          refuse(message)
          return
        }
      }
    }
  }

  /// The server did not answer: said once, until it is back.
  private func goOffline() {
    lastTry = Date()
    guard !offline else { return }
    offline = true
    notify(
      "The workshop server cannot be reached. Play on: your answers are saved on this"
        + " laptop and will be sent when it is back.")
  }

  /// Whether the server was unreachable a moment ago: not worth trying yet.
  private var waitingToRetry: Bool {
    offline && Date().timeIntervalSince(lastTry) < Self.retryAfter
  }

  private func back() {
    if offline {
      offline = false
      notify("The workshop server is back; your answers are sent.")
    }
  }

  private func refuse(_ message: String) {
    refused = message
    notify(
      "The workshop server refused an answer (\(message)). Your answers are saved on this"
        + " laptop; tell your facilitator.")
  }

  private func inbox() -> LiveAPI.Inbox? {
    try? client.send("GET", "/api/sessions/\(ticket.session)/inbox", token: ticket.token)
  }

  // MARK: - LiveRoom

  func news() -> LiveRoomNews {
    flush()
    guard refused == nil, pending.isEmpty || roomClosed, !waitingToRetry else {
      return LiveRoomNews()
    }
    guard let inbox = inbox() else {
      goOffline()
      return LiveRoomNews()
    }
    back()
    var news = LiveRoomNews(paused: inbox.paused)
    for inject in inbox.injects where handled.insert(inject.id).inserted {
      news.injects.append(inject.value)
    }
    for message in inbox.messages where message.id > lastMessage {
      news.messages.append(message.value)
      lastMessage = message.id
    }
    if inbox.closed, !closed {
      closed = true
      roomClosed = true
      news.closed = true
    }
    JoinTicket.store(lastMessage: lastMessage, for: ticket)
    return news
  }
}
