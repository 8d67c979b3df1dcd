import Foundation
import Synchronization
import Testing

@testable import SOSLive

#if canImport(Glibc)
  import Glibc
#endif

/// The live client's own HTTP: the answer reader fed what servers send, byte by byte
/// and all at once, and whole exchanges with a listener on loopback that answers as
/// each test scripts it.
@Suite struct HTTPAnswerReaderTests {
  static func read(_ text: String, inPiecesOf size: Int = .max) -> HTTPAnswerReader.Progress {
    var reader = HTTPAnswerReader()
    let bytes = Array(text.utf8)
    var start = 0
    var last = HTTPAnswerReader.Progress.incomplete
    while start < bytes.count {
      let end = min(start + size, bytes.count)
      reader.append(bytes[start..<end])
      last = reader.answer()
      if case .complete = last { return last }
      if case .invalid = last { return last }
      start = end
    }
    return last
  }

  static func complete(_ status: Int, _ body: String) -> HTTPAnswerReader.Progress {
    .complete(.init(status: status, body: Array(body.utf8)))
  }

  @Test(arguments: [1, 2, 7, 1000])
  func aBodyByItsLengthIsReadHoweverItArrives(piece: Int) {
    let answer =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 11\r\n\r\n{\"ok\":true}"
    #expect(Self.read(answer, inPiecesOf: piece) == Self.complete(200, "{\"ok\":true}"))
    // Bytes after the body (a server that misbehaves) are not part of it.
    #expect(Self.read(answer + "junk", inPiecesOf: piece) == Self.complete(200, "{\"ok\":true}"))
  }

  @Test(arguments: [1, 3, 1000])
  func aChunkedBodyIsJoined(piece: Int) {
    let answer =
      "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
      + "4\r\n{\"a\"\r\nA;ext=1\r\n:12345678}\r\n0\r\nTrailer: x\r\n\r\n"
    #expect(Self.read(answer, inPiecesOf: piece) == Self.complete(201, "{\"a\":12345678}"))
  }

  @Test func interimAnswersArePassedOver() {
    let answer =
      "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}"
    #expect(Self.read(answer) == Self.complete(404, "{}"))
  }

  @Test func aNoContentAnswerHasNoBody() {
    #expect(
      Self.read("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n") == Self.complete(204, ""))
  }

  @Test func aBodyWithoutLengthEndsWithTheConnection() {
    var reader = HTTPAnswerReader()
    reader.append(Array("HTTP/1.0 200 OK\r\n\r\nhello".utf8))
    #expect(reader.answer() == .incomplete)
    #expect(reader.finished() == .success(.init(status: 200, body: Array("hello".utf8))))
  }

  @Test func anAnswerCutShortIsADroppedConnection() {
    var short = HTTPAnswerReader()
    short.append(Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".utf8))
    #expect(short.finished() == .failure(.dropped))
    var headless = HTTPAnswerReader()
    headless.append(Array("HTTP/1.1 200 OK\r\nContent-".utf8))
    #expect(headless.finished() == .failure(.dropped))
    var chunks = HTTPAnswerReader()
    chunks.append(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab".utf8))
    #expect(chunks.finished() == .failure(.dropped))
    var nothing = HTTPAnswerReader()
    #expect(nothing.finished() == .failure(.dropped))
  }

  @Test(arguments: [
    "SSH-2.0-OpenSSH_9.2\r\n\r\n",
    "HTTP/1.1 OK\r\n\r\n",
    "HTTP/1.1 2000 OK\r\n\r\n",
    "HTTP/1.1 200 OK\r\nContent-Length: -4\r\n\r\n",
    "HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7fffffffffffffff\r\n",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabcd\r\n",
  ])
  func whatIsNotHTTPIsSaidToBeSo(answer: String) {
    guard case .invalid = Self.read(answer) else {
      Issue.record("\(answer.debugDescription) was read as \(Self.read(answer))")
      return
    }
  }

  @Test func endlessHeadersAreRefused() {
    var reader = HTTPAnswerReader()
    reader.append(Array("HTTP/1.1 200 OK\r\n".utf8))
    let header = Array("X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".utf8)
    var progress = HTTPAnswerReader.Progress.incomplete
    for _ in 0..<3000 where progress == .incomplete {
      reader.append(header)
      progress = reader.answer()
    }
    #expect(progress == .invalid("its headers are too long"))
  }
}

@Suite struct LiveClientTests {
  @Test func addressesAreHostAndPortOrPlainHTTP() throws {
    #expect(
      LiveClient(address: "192.168.1.20:7717")?.server.absoluteString == "http://192.168.1.20:7717")
    #expect(LiveClient(address: "http://room.local:7717") != nil)
    #expect(LiveClient(address: "[::1]:7717") != nil)
    // sos serve speaks plain HTTP, so an https:// address is not one of its.
    #expect(LiveClient(address: "https://room.local:7717") == nil)
    #expect(LiveClient(address: "ftp://room.local") == nil)
    #expect(LiveClient(address: "room.local:99999") == nil)
    #expect(LiveClient(address: ":7717") == nil)
  }

  @Test func theRequestIsPlainHTTPWithItsHeadersAndBody() {
    var request = HTTPExchange(
      host: "::1", port: 7717, method: "POST", target: "/api/join", timeout: 1)
    request.headers = [("Accept", "application/json")]
    request.body = Array("{}".utf8)
    #expect(
      String(decoding: request.request(), as: UTF8.self)
        == "POST /api/join HTTP/1.1\r\nHost: [::1]:7717\r\nConnection: close\r\n"
        + "Accept: application/json\r\nContent-Length: 2\r\n\r\n{}")
  }

  @Test func aTargetThatCouldSplitTheRequestIsNotSent() {
    let client = LiveClient(address: "127.0.0.1:9")
    #expect(throws: LiveClientError.self) {
      _ = try client?.exchange("GET", "/api/sessions/x\r\nX-Evil: 1/inbox")
    }
    #expect(
      throws: LiveClientError.badAnswer("the room's ticket holds a token that cannot be sent")
    ) {
      _ = try client?.exchange("GET", "/api/x", token: "a b\r\n")
    }
  }

  @Test func aTimeoutOfAnySizeIsHeldToADay() throws {
    // Infinite and not-a-number timeouts must not overflow the deadline: with
    // nothing listening the answer is immediate either way.
    let listener = try #require(LoopbackListener())
    let port = listener.port
    listener.close()
    let unbounded = HTTPExchange(
      host: "127.0.0.1", port: port, method: "GET", target: "/", timeout: .infinity)
    #expect(unbounded.run() == .failure(.refused))
    for timeout in [Double.nan, -1] {
      // No time at all: refused at once, or out of time before the refusal is read.
      let exchange = HTTPExchange(
        host: "127.0.0.1", port: port, method: "GET", target: "/", timeout: timeout)
      #expect([.failure(.timedOut), .failure(.refused)].contains(exchange.run()))
    }
  }

  @Test func aPortWithNothingListeningSaysSo() throws {
    let listener = try #require(LoopbackListener())
    let port = listener.port
    listener.close()
    try Self.expectUnreachable(port: port, timeout: 5, because: "nothing is listening there")
  }

  @Test func aServerThatNeverAnswersTimesOut() throws {
    let listener = try #require(LoopbackListener())
    defer { listener.close() }
    listener.serve { _ in nil }  // accepts, reads, never answers
    try Self.expectUnreachable(
      port: listener.port, timeout: 0.3, because: "it did not answer in time")
  }

  static func expectUnreachable(port: Int, timeout: Double, because reason: String) throws {
    let client = try #require(LiveClient(address: "127.0.0.1:\(port)", timeout: timeout))
    #expect(
      throws: LiveClientError.unreachable(server: "http://127.0.0.1:\(port)", reason: reason)
    ) {
      _ = try client.exchange("GET", "/api/health")
    }
  }

  @Test func anAnswerIsDecodedAndARefusalIsInTheServersWords() throws {
    let listener = try #require(LoopbackListener())
    defer { listener.close() }
    listener.serve { request in
      if request.hasPrefix("GET /ok ") {
        return
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n\"hi\r\n1\r\n\"\r\n0\r\n\r\n"
      }
      let body = #"{"error":"that room is closed"}"#
      return "HTTP/1.1 409 Conflict\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }
    let client = try #require(LiveClient(address: "127.0.0.1:\(listener.port)", timeout: 5))
    #expect(try client.send("GET", "/ok", as: String.self) == "hi")
    #expect(throws: LiveClientError.refused(status: 409, message: "that room is closed")) {
      _ = try client.exchange("POST", "/api/join", body: ["code": "KXT4MPQ9W"])
    }
    #expect(
      listener.requests.withLock { $0.last?.contains("\r\nContent-Type: application/json\r\n") }
        == true)
  }
}

/// A listener on a free loopback port that answers each connection with what `answer`
/// makes of the request's head (`nil`: hold the connection open without answering).
final class LoopbackListener: Sendable {
  let port: Int
  private let socket: Int32
  let requests = Mutex<[String]>([])
  /// Whether a thread serves the socket; that thread then closes it, so the descriptor
  /// cannot be reused by another test's listener while the thread may still accept on it.
  private let served = Mutex(false)

  init?() {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    guard bound == 0, named == 0, listen(socket, 8) == 0 else {
      Glibc.close(socket)
      return nil
    }
    self.socket = socket
    self.port = Int(UInt16(bigEndian: address.sin_port))
  }

  /// Answers connections on a thread of its own until ``close()``.
  func serve(_ answer: @escaping @Sendable (String) -> String?) {
    served.withLock { $0 = true }
    let thread = Thread { [self] in
      while true {
        let connection = accept(socket, nil, nil)
        if connection < 0, errno == EINTR { continue }
        guard connection >= 0 else {
          Glibc.close(socket)
          return
        }
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var expected: Int?
        while expected.map({ head.count < $0 }) ?? true {
          let count = buffer.withUnsafeMutableBytes {
            recv(connection, $0.baseAddress, $0.count, 0)
          }
          guard count > 0 else { break }
          head.append(contentsOf: buffer[0..<count])
          if expected == nil, let end = HTTPAnswerReader.find([13, 10, 13, 10], in: head, from: 0) {
            let text = String(decoding: head[..<end], as: UTF8.self)
            let length =
              text.split(separator: "\r\n").first { $0.hasPrefix("Content-Length: ") }
              .flatMap { Int($0.dropFirst(16)) } ?? 0
            expected = end + 4 + length
          }
        }
        let request = String(decoding: head, as: UTF8.self)
        requests.withLock { $0.append(request) }
        if let reply = answer(request) {
          _ = Array(reply.utf8).withUnsafeBytes {
            send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
          }
          Glibc.close(connection)
        } else {
          Thread.sleep(forTimeInterval: 1)
          Glibc.close(connection)
        }
      }
    }
    thread.start()
  }

  /// Stops listening. The descriptor is closed here only when no thread serves it;
  /// a serving thread closes it once its `accept` fails.
  func close() {
    shutdown(socket, Int32(SHUT_RDWR))
    if !served.withLock({ $0 }) { Glibc.close(socket) }
  }
}
