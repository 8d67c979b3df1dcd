#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One HTTP/1.1 request over a plain TCP connection and its answer: what the live
/// client needs of HTTP and no more, since the workshop server speaks plain HTTP on
/// the room's network. It is written on the system's sockets so that the trainee's
/// `sos` links no HTTP library (Foundation's `URLSession` brings libcurl and its TLS,
/// Kerberos and LDAP libraries into every start of the program).
///
/// Connecting, sending and reading are held to one deadline; finding the host is left
/// to the system's resolver, which can take longer for a name (a room is usually
/// given by its address). The connection is closed after the answer (`Connection: close`); the
/// answer's body is read by its `Content-Length`, by chunks, or to the end of the
/// connection.
struct HTTPExchange {
  var host: String
  var port: Int
  var method: String
  /// The request target: an absolute path, visible ASCII only.
  var target: String
  var headers: [(name: String, value: String)] = []
  var body: [UInt8] = []
  /// Seconds the whole exchange may take.
  var timeout: Double

  /// The largest answer read; a larger one is not what the workshop server sends.
  static let largestAnswer = 32 << 20
  /// The largest head (status line and headers) read.
  static let largestHead = 64 << 10

  /// The server's answer.
  struct Answer: Equatable {
    var status: Int
    var body: [UInt8]
  }

  /// Why no answer came, in terms a person can act on.
  enum Failure: Error, Equatable {
    case unknownHost
    case refused
    case timedOut
    case dropped
    case noNetwork
    case malformed(String)
    case system(Int32)

    /// The failure in a few words.
    var reason: String {
      switch self {
      case .unknownHost: return "the host name is not known"
      case .refused: return "nothing is listening there"
      case .timedOut: return "it did not answer in time"
      case .dropped: return "the connection dropped"
      case .noNetwork: return "this computer is not on a network"
      case .malformed(let detail): return "its answer is not HTTP (\(detail))"
      case .system(let code): return "network error \(code)"
      }
    }
  }

  /// Runs the exchange and waits for it, at most ``timeout`` seconds.
  func run() -> Result<Answer, Failure> {
    // At most a day, so that no timeout (infinite, or not a number) overflows.
    let seconds = timeout.isNaN ? 0 : min(max(timeout, 0), 86_400)
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
    let socket: Int32
    switch connect(before: deadline) {
    case .success(let connected): socket = connected
    case .failure(let failure): return .failure(failure)
    }
    defer { close(socket) }
    if case .failure(let failure) = send(request(), on: socket, before: deadline) {
      return .failure(failure)
    }
    return receive(on: socket, before: deadline)
  }

  /// The request's bytes.
  func request() -> [UInt8] {
    let hostHeader = host.contains(":") ? "[\(host)]" : host
    var head = "\(method) \(target) HTTP/1.1\r\n"
    head += "Host: \(hostHeader)\(port == 80 ? "" : ":\(port)")\r\n"
    head += "Connection: close\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    if !body.isEmpty || method == "POST" || method == "PUT" {
      head += "Content-Length: \(body.count)\r\n"
    }
    head += "\r\n"
    return Array(head.utf8) + body
  }

  // MARK: Connecting

  private func connect(before deadline: ContinuousClock.Instant) -> Result<Int32, Failure> {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    #if canImport(Glibc)
      hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    #else
      hints.ai_socktype = SOCK_STREAM
    #endif
    hints.ai_protocol = Int32(IPPROTO_TCP)
    var found: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, String(port), &hints, &found)
    guard status == 0, let first = found else {
      return .failure(status == EAI_AGAIN ? .noNetwork : .unknownHost)
    }
    defer { freeaddrinfo(first) }
    var failure = Failure.unknownHost
    var next: UnsafeMutablePointer<addrinfo>? = first
    while let address = next {
      next = address.pointee.ai_next
      switch attempt(address.pointee, before: deadline) {
      case .success(let socket): return .success(socket)
      case .failure(let reason):
        failure = reason
        if reason == .timedOut { return .failure(reason) }
      }
    }
    return .failure(failure)
  }

  /// Connects to one of the host's addresses without blocking past the deadline.
  private func attempt(_ address: addrinfo, before deadline: ContinuousClock.Instant)
    -> Result<Int32, Failure>
  {
    let socket = Self.openSocket(address)
    guard socket >= 0 else { return .failure(.system(errno)) }
    _ = fcntl(socket, F_SETFD, FD_CLOEXEC)
    _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
    if Self.connectSocket(socket, address) == 0 { return .success(socket) }
    var code = errno
    if code == EINPROGRESS || code == EINTR {
      switch Self.wait(socket, for: Int16(POLLOUT), before: deadline) {
      case .failure(let failure):
        close(socket)
        return .failure(failure)
      case .success:
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        code = getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length) == 0 ? error : errno
        if code == 0 { return .success(socket) }
      }
    }
    close(socket)
    return .failure(Self.failure(errno: code))
  }

  private static func openSocket(_ address: addrinfo) -> Int32 {
    socket(address.ai_family, address.ai_socktype, address.ai_protocol)
  }

  private static func connectSocket(_ socket: Int32, _ address: addrinfo) -> Int32 {
    #if canImport(Glibc)
      Glibc.connect(socket, address.ai_addr, address.ai_addrlen)
    #else
      Darwin.connect(socket, address.ai_addr, address.ai_addrlen)
    #endif
  }

  static func failure(errno code: Int32) -> Failure {
    switch code {
    case ECONNREFUSED: return .refused
    case ETIMEDOUT: return .timedOut
    case ENETUNREACH, ENETDOWN: return .noNetwork
    case ECONNRESET, EPIPE, ECONNABORTED, EHOSTUNREACH: return .dropped
    default: return .system(code)
    }
  }

  /// Waits until `socket` is ready for `events`, or the deadline passes.
  private static func wait(
    _ socket: Int32, for events: Int16, before deadline: ContinuousClock.Instant
  ) -> Result<Void, Failure> {
    while true {
      let left = ContinuousClock.now.duration(to: deadline)
      guard left > .zero else { return .failure(.timedOut) }
      let (seconds, attoseconds) = left.components
      let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
      var poller = pollfd(fd: socket, events: events, revents: 0)
      let ready = poll(&poller, 1, Int32(clamping: max(milliseconds, 1)))
      if ready > 0 { return .success(()) }
      if ready < 0 && errno != EINTR { return .failure(.system(errno)) }
    }
  }

  // MARK: Sending and receiving

  private func send(_ bytes: [UInt8], on socket: Int32, before deadline: ContinuousClock.Instant)
    -> Result<Void, Failure>
  {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        #if canImport(Glibc)
          return Glibc.send(socket, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
        #else
          return Darwin.send(socket, base + offset, buffer.count - offset, 0)
        #endif
      }
      if sent > 0 {
        offset += sent
      } else if sent == 0 {
        return .failure(.dropped)
      } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
        if case .failure(let failure) = Self.wait(socket, for: Int16(POLLOUT), before: deadline) {
          return .failure(failure)
        }
      } else {
        return .failure(Self.failure(errno: errno))
      }
    }
    return .success(())
  }

  private func receive(on socket: Int32, before deadline: ContinuousClock.Instant)
    -> Result<Answer, Failure>
  {
    var reader = HTTPAnswerReader()
    var chunk = [UInt8](repeating: 0, count: 16 << 10)
    while true {
      switch reader.answer() {
      case .complete(let answer): return .success(answer)
      case .invalid(let detail): return .failure(.malformed(detail))
      case .incomplete: break
      }
      let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      if count > 0 {
        reader.append(chunk[0..<count])
        if reader.size > Self.largestAnswer + Self.largestHead {
          return .failure(.malformed("the answer is too large"))
        }
      } else if count == 0 {
        return reader.finished()
      } else if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
        if case .failure(let failure) = Self.wait(socket, for: Int16(POLLIN), before: deadline) {
          return .failure(failure)
        }
      } else {
        return .failure(Self.failure(errno: errno))
      }
    }
  }
}
