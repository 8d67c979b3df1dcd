/// A `--listen` address: `HOST:PORT`, `:PORT` (loopback), or `[v6]:PORT`.
public struct ListenAddress: Equatable, Sendable {
  public var host: String
  public var port: Int

  /// The default: loopback only, port 7717.
  public static let standard = ListenAddress(host: "127.0.0.1", port: 7717)

  public init(host: String, port: Int) {
    self.host = host
    self.port = port
  }

  /// Reads `text`; `nil` when it is not an address.
  public init?(_ text: String) {
    var host: Substring
    var portText: Substring
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]:") else { return nil }
      host = text[text.index(after: text.startIndex)..<close]
      portText = text[text.index(close, offsetBy: 2)...]
    } else {
      guard let colon = text.lastIndex(of: ":") else { return nil }
      host = text[..<colon]
      portText = text[text.index(after: colon)...]
    }
    if host.isEmpty { host = "127.0.0.1" }
    guard let port = Int(portText), (0...65535).contains(port),
      !host.contains(where: { $0 == " " || $0 == "/" })
    else { return nil }
    self.init(host: String(host), port: port)
  }

  /// Whether only this machine can connect.
  public var isLoopback: Bool {
    host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
  }
}
