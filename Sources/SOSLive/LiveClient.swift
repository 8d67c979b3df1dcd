import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Talks to a workshop server over HTTP, one request at a time, waiting for each
/// answer (the play loop is synchronous). Every failure is a ``LiveClientError`` with
/// words a trainee or facilitator can act on.
public struct LiveClient: Sendable {
  /// The server's address, such as `http://192.168.1.20:7717`.
  public let server: URL
  /// How long to wait for an answer before calling the server unreachable.
  public var timeout: TimeInterval

  /// A client of the server at `address` (`host:port` or an `http://` URL); `nil`
  /// when it is not an address.
  public init?(address: String, timeout: TimeInterval = 10) {
    let text = address.contains("://") ? address : "http://" + address
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
      scheme == "http" || scheme == "https", url.host?.isEmpty == false
    else { return nil }
    self.server = url
    self.timeout = timeout
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
    guard let url = URL(string: path, relativeTo: server) else {
      throw .badAnswer("'\(path)' is not a path on the server")
    }
    var request = URLRequest(url: url, timeoutInterval: timeout)
    request.httpMethod = method
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    if let token { request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
    if let body {
      do {
        request.httpBody = try LiveAPI.encoder().encode(body)
      } catch {
        throw .badAnswer("the request could not be written")
      }
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let outcome = Self.perform(request)
    switch outcome {
    case .failure(let error):
      throw .unreachable(server: server.absoluteString, reason: error.reason)
    case .success(let (status, data)):
      guard (200..<300).contains(status) else {
        let message =
          (try? LiveAPI.decoder().decode(LiveAPI.Failure.self, from: data))?.error
          ?? "HTTP status \(status)"
        throw .refused(status: status, message: message)
      }
      return data
    }
  }

  /// Runs one request and waits for it.
  private static func perform(_ request: URLRequest) -> Result<(Int, Data), NetworkFailure> {
    let box = Outcome()
    let done = DispatchSemaphore(value: 0)
    let task = URLSession.shared.dataTask(with: request) { data, response, error in
      if let error {
        box.value.withLock { $0 = .failure(NetworkFailure(reason: Self.describe(error))) }
      } else if let response = response as? HTTPURLResponse {
        box.value.withLock { $0 = .success((response.statusCode, data ?? Data())) }
      } else {
        box.value.withLock { $0 = .failure(NetworkFailure(reason: "no answer")) }
      }
      done.signal()
    }
    task.resume()
    done.wait()
    return box.value.withLock { $0 } ?? .failure(NetworkFailure(reason: "no answer"))
  }

  /// Why no answer came.
  struct NetworkFailure: Error {
    var reason: String
  }

  private final class Outcome: Sendable {
    let value = Mutex<Result<(Int, Data), NetworkFailure>?>(nil)
  }

  /// A network error in a few words.
  static func describe(_ error: any Error) -> String {
    let code = (error as NSError).code
    switch code {
    case NSURLErrorTimedOut: return "it did not answer in time"
    case NSURLErrorCannotConnectToHost: return "nothing is listening there"
    case NSURLErrorCannotFindHost: return "the host name is not known"
    case NSURLErrorNetworkConnectionLost: return "the connection dropped"
    case NSURLErrorNotConnectedToInternet: return "this computer is not on a network"
    default: return "network error \(code)"
    }
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
