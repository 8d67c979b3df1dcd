import Foundation

/// Reads an HTTP/1.1 answer from the bytes that arrive, as they arrive: the status
/// line and headers, then the body by `Content-Length`, by chunks, or to the end of
/// the connection. Interim answers (`1xx`) are passed over. Pure: ``HTTPExchange``
/// feeds it from the socket, and tests feed it whatever a server might send.
struct HTTPAnswerReader {
  /// What the bytes so far make.
  enum Progress: Equatable {
    case complete(HTTPExchange.Answer)
    case incomplete
    case invalid(String)
  }

  private enum HeadProgress {
    case read
    case incomplete
    case invalid(String)
  }

  private enum Framing: Equatable {
    case length(Int)
    case chunked
    case toEnd
  }

  private var bytes: [UInt8] = []
  /// Where the body starts, once the head has been read.
  private var bodyStart: Int?
  private var status = 0
  private var framing = Framing.toEnd
  /// Chunked bodies: where the next chunk's size line starts, and the body so far.
  private var chunkCursor = 0
  private var chunked: [UInt8] = []
  private var lastChunkSeen = false
  /// Where the search for the end of the head goes on from.
  private var headScan = 0

  /// How many bytes have arrived.
  var size: Int { bytes.count }

  mutating func append(_ more: some Collection<UInt8>) {
    bytes.append(contentsOf: more)
  }

  /// The answer, if the bytes so far hold all of it.
  mutating func answer() -> Progress {
    if bodyStart == nil {
      switch readHead() {
      case .invalid(let detail): return .invalid(detail)
      case .incomplete: return .incomplete
      case .read: break
      }
    }
    guard let start = bodyStart else { return .incomplete }
    switch framing {
    case .length(let length):
      guard bytes.count - start >= length else { return .incomplete }
      return .complete(.init(status: status, body: Array(bytes[start..<start + length])))
    case .chunked:
      return readChunks()
    case .toEnd:
      return .incomplete
    }
  }

  /// The answer when the connection has ended: what arrived, if it is whole.
  mutating func finished() -> Result<HTTPExchange.Answer, HTTPExchange.Failure> {
    switch answer() {
    case .complete(let answer): return .success(answer)
    case .invalid(let detail): return .failure(.malformed(detail))
    case .incomplete: break
    }
    guard let start = bodyStart, framing == .toEnd else {
      return .failure(.dropped)
    }
    return .success(.init(status: status, body: Array(bytes[start...])))
  }

  // MARK: The head

  private mutating func readHead() -> HeadProgress {
    while true {
      guard let end = Self.find([13, 10, 13, 10], in: bytes, from: headScan) else {
        headScan = max(0, bytes.count - 3)
        return bytes.count > HTTPExchange.largestHead
          ? .invalid("its headers are too long") : .incomplete
      }
      let lines = bytes[0..<end].split(separator: 10, omittingEmptySubsequences: false).map {
        String(decoding: $0.last == 13 ? $0.dropLast() : $0, as: UTF8.self)
      }
      guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/1.") else {
        return .invalid("no status line")
      }
      let fields = statusLine.split(separator: " ", maxSplits: 2)
      guard fields.count >= 2, fields[1].count == 3, let code = Int(fields[1]), code >= 100 else {
        return .invalid("no status code")
      }
      if code < 200 {
        bytes.removeFirst(end + 4)
        headScan = 0
        continue
      }
      status = code
      framing = code == 204 || code == 304 ? .length(0) : .toEnd
      for line in lines.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
          .lowercased()
        if name == "transfer-encoding" && value.hasSuffix("chunked") {
          framing = .chunked
        } else if name == "content-length", framing != .chunked, framing != .length(0) {
          guard let length = Int(value), length >= 0 else {
            return .invalid("a bad Content-Length")
          }
          guard length <= HTTPExchange.largestAnswer else {
            return .invalid("the answer is too large")
          }
          framing = .length(length)
        }
      }
      bodyStart = end + 4
      chunkCursor = end + 4
      return .read
    }
  }

  // MARK: Chunks

  private mutating func readChunks() -> Progress {
    while !lastChunkSeen {
      guard let lineEnd = Self.find([13, 10], in: bytes, from: chunkCursor) else {
        return bytes.count - chunkCursor > 1024 ? .invalid("a bad chunk") : .incomplete
      }
      let line = String(decoding: bytes[chunkCursor..<lineEnd], as: UTF8.self)
      let sizeText = line.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
      guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0,
        size <= HTTPExchange.largestAnswer - chunked.count
      else { return .invalid("a bad chunk") }
      let dataStart = lineEnd + 2
      if size == 0 {
        lastChunkSeen = true
        break
      }
      guard bytes.count >= dataStart + size + 2 else { return .incomplete }
      guard bytes[dataStart + size] == 13, bytes[dataStart + size + 1] == 10 else {
        return .invalid("a bad chunk")
      }
      chunked.append(contentsOf: bytes[dataStart..<dataStart + size])
      chunkCursor = dataStart + size + 2
    }
    return .complete(.init(status: status, body: chunked))
  }

  /// Where `pattern` first occurs in `bytes` at or after `start`.
  static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
    var index = start
    while index <= bytes.count - pattern.count {
      if bytes[index] == pattern[0] && bytes[index..<index + pattern.count].elementsEqual(pattern) {
        return index
      }
      index += 1
    }
    return nil
  }
}
