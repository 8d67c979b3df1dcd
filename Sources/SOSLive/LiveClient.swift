import Foundation

/// Talks to a workshop server over plain HTTP, one request at a time, waiting for each
/// answer (the play loop is synchronous). Every failure is a ``LiveClientError`` with
/// words a trainee or facilitator can act on.
public struct LiveClient: Sendable {
  /// The server's address, such as `http://192.168.1.20:7717`.
  public let server: URL
  /// How long to wait for an answer before calling the server unreachable.
  public var timeout: TimeInterval
  private let host: String
  private let port: Int

  /// A client of the server at `address` (`host:port` or an `http://` URL); `nil`
  /// when it is not an address. `sos serve` speaks plain HTTP on the room's network,
  /// so an `https://` address is not one.
  public init?(address: String, timeout: TimeInterval = 10) {
    let text = address.contains("://") ? address : "http://" + address
    guard let url = URL(string: text), url.scheme?.lowercased() == "http",
      let host = url.host, !host.isEmpty
    else { return nil }
    let port = url.port ?? 80
    guard (1...65535).contains(port) else { return nil }
    self.server = url
    self.timeout = timeout
    self.host =
      host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    self.port = port
  }

  /// Sends `body` (if any) to `path` with `token` as a bearer token, and decodes the
  /// answer as `Answer`.
  public func send<Answer: Decodable>(
    _ method: String, _ path: String, body: (some Encodable)? = String?.none,
    token: String? = nil, as: Answer.Type = Answer.self
  ) throws(LiveClientError) -> Answer {
    let data = try exchange(method, path, body: body, token: token)
    do {
      return try LiveAPI.decoder().decode(Answer.self, from: data)
    } catch {
      throw .badAnswer("the server's answer could not be read")
    }
  }

  /// The raw bytes of the answer to a request.
  public func exchange(
    _ method: String, _ path: String, body: (some Encodable)? = String?.none, token: String? = nil
  ) throws(LiveClientError) -> Data {
    guard path.hasPrefix("/"), Self.isSendable(path) else {
      throw .badAnswer("'\(path)' is not a path on the server")
    }
    var request = HTTPExchange(
      host: host, port: port, method: method, target: path, timeout: timeout)
    request.headers.append(("Accept", "application/json"))
    if let token {
      guard Self.isSendable(token) else {
        throw .badAnswer("the room's ticket holds a token that cannot be sent")
      }
      request.headers.append(("Authorization", "Bearer " + token))
    }
    if let body {
      do {
        request.body = Array(try LiveAPI.encoder().encode(body))
      } catch {
        throw .badAnswer("the request could not be written")
      }
      request.headers.append(("Content-Type", "application/json"))
    }
    switch request.run() {
    case .failure(let failure):
      throw .unreachable(server: server.absoluteString, reason: failure.reason)
    case .success(let answer):
      let data = Data(answer.body)
      guard (200..<300).contains(answer.status) else {
        let message =
          (try? LiveAPI.decoder().decode(LiveAPI.Failure.self, from: data))?.error
          ?? "HTTP status \(answer.status)"
        throw .refused(status: answer.status, message: message)
      }
      return data
    }
  }

  /// Whether `text` can go into a request line or header as it is: visible ASCII,
  /// nothing that could end the line or split the request.
  private static func isSendable(_ text: String) -> Bool {
    text.utf8.allSatisfy { (0x21...0x7E).contains($0) }
  }
}

/// Why a request to the workshop server failed.
public enum LiveClientError: Error, Equatable, Sendable {
  /// The server could not be reached (down, wrong address, network dropped).
  case unreachable(server: String, reason: String)
  /// The server refused the request (4xx/5xx), in its own words.
  case refused(status: Int, message: String)
  /// The answer was not what the server sends.
  case badAnswer(String)

  /// The problem in words, lower case, no final full stop.
  public var message: String {
    switch self {
    case .unreachable(let server, let reason):
      return "cannot reach the workshop server at \(server): \(reason)"
    case .refused(_, let message):
      return message
    case .badAnswer(let detail):
      return detail
    }
  }
}
