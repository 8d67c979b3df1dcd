import Foundation
import Hummingbird
import Logging
import SOSCore
import SOSLive
import SOSReports
import SOSStore
import ServiceLifecycle

/// The workshop server (`sos serve`): a JSON API for `sos room` and `sos join`, and the
/// live board for the facilitator's browser, over one workshop database.
///
/// Who may do what: the server key (a file only the facilitator's account can read)
/// opens and lists rooms; a room's token (printed once by `sos room open`, sent as a
/// bearer token or kept in the board's cookie after logging in, never in an address)
/// closes, pauses, injects into and reads a room; a trainee's token (given when they
/// join) appends to their own session only.
public struct WorkshopServer: Sendable {
  /// Where and how to serve.
  public struct Configuration: Sendable {
    public var host: String
    public var port: Int
    /// The workshop database's path.
    public var databasePath: String
    /// The server key's file.
    public var keyPath: String

    /// Describes a server.
    public init(host: String, port: Int, databasePath: String, keyPath: String) {
      self.host = host
      self.port = port
      self.databasePath = databasePath
      self.keyPath = keyPath
    }
  }

  /// A scenario the board can open a room on.
  public struct CatalogueEntry: Sendable {
    public var id: String
    public var title: String
    public var file: String
    public var text: String

    public init(id: String, title: String, file: String, text: String) {
      self.id = id
      self.title = title
      self.file = file
      self.text = text
    }
  }

  let configuration: Configuration
  let hub: WorkshopHub
  let key: String
  let logger: Logger
  /// The scenarios of the server's folder, for the board's "open a room" form.
  let catalogue: [CatalogueEntry]

  /// Prepares a server over an open database, with its key and the scenarios the
  /// board offers.
  public init(
    configuration: Configuration, database: WorkshopDatabase, key: String, logger: Logger,
    catalogue: [CatalogueEntry] = []
  ) {
    self.configuration = configuration
    self.hub = WorkshopHub(database: database, logger: logger)
    self.key = key
    self.logger = logger
    self.catalogue = catalogue
  }

  /// Serves until SIGINT or SIGTERM, then stops taking requests, ends the boards'
  /// streams and returns once requests in flight are answered. `started` is called
  /// with the board's address once the server listens.
  public func run(started: @escaping @Sendable (String) -> Void) async throws {
    let router = Router(context: BasicRequestContext.self)
    routes(router)
    let hub = self.hub
    let application = Application(
      router: router,
      configuration: .init(
        address: .hostname(configuration.host, port: configuration.port), serverName: "sos"),
      services: [BoardStreams(hub: hub)],
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? 0
        started("http://\(Self.hostForURL(configuration.host)):\(port)")
      },
      logger: logger)
    try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
  }

  static func hostForURL(_ host: String) -> String {
    host.contains(":") ? "[\(host)]" : host
  }

  /// Ends the boards' event streams when the server shuts down, so that open browsers
  /// do not hold the shutdown back.
  struct BoardStreams: Service {
    let hub: WorkshopHub

    func run() async throws {
      try? await gracefulShutdown()
      await hub.finishWatchers()
    }
  }

  // MARK: - Routes

  func routes(_ router: Router<BasicRequestContext>) {
    let hub = self.hub
    let key = self.key
    let catalogue = self.catalogue

    router.get("/") { _, _ in Self.redirect("/board") }

    // The API.
    router.post("/api/rooms") { request, _ in
      await Self.answer {
        guard Self.bearer(request).map({ Self.sameKey($0, key) }) == true else {
          throw HubError.forbidden(
            "opening a room needs the server key (the file sos serve made, or SOS_SERVER_KEY)")
        }
        // A scenario file may be up to 1 MiB (the loader's limit), as JSON text.
        let body: LiveAPI.OpenRoom = try await Self.decode(request, limit: 3 * 1024 * 1024)
        return try await hub.openRoom(body, boardBase: Self.base(of: request))
      }
    }
    router.get("/api/rooms") { request, _ in
      await Self.answer {
        guard Self.bearer(request).map({ Self.sameKey($0, key) }) == true else {
          throw HubError.forbidden("listing rooms needs the server key")
        }
        return try await hub.rooms()
      }
    }
    for action in ["close", "pause", "resume"] {
      router.post("/api/rooms/{code}/\(action)") { request, context in
        await Self.answer {
          let room = try await hub.authorizedRoom(
            context.parameters.get("code") ?? "", token: Self.bearer(request))
          switch action {
          case "close": try await hub.close(room)
          case "pause": try await hub.setPaused(room, true)
          default: try await hub.setPaused(room, false)
          }
          return Self.summary(try await hub.rooms(), code: room.code)
        }
      }
    }
    router.post("/api/rooms/{code}/inject") { request, context in
      await Self.answer {
        let room = try await hub.authorizedRoom(
          context.parameters.get("code") ?? "", token: Self.bearer(request))
        let body: LiveAPI.FireInject = try await Self.decode(request)
        let reached = try await hub.fire(room, inject: body.inject, trainee: body.trainee)
        return ["sessions": reached]
      }
    }
    router.post("/api/rooms/{code}/broadcast") { request, context in
      await Self.answer {
        let room = try await hub.authorizedRoom(
          context.parameters.get("code") ?? "", token: Self.bearer(request))
        let body: LiveAPI.Broadcast = try await Self.decode(request)
        try await hub.broadcast(room, text: body.text)
        return ["sent": true]
      }
    }
    router.get("/api/rooms/{code}/board") { request, context in
      await Self.answer {
        let room = try await hub.authorizedRoom(
          context.parameters.get("code") ?? "", token: Self.bearer(request))
        return try await hub.board(room)
      }
    }
    router.get("/api/rooms/{code}/report") { request, context in
      await Self.respond {
        let room = try await hub.authorizedRoom(
          context.parameters.get("code") ?? "", token: Self.bearer(request))
        let format = request.uri.queryParameters.get("format").flatMap(ReportFormat.init) ?? .json
        return try await Self.report(room, hub: hub, format: format)
      }
    }
    router.post("/api/join") { request, _ in
      await Self.answer {
        let body: LiveAPI.Join = try await Self.decode(request)
        return try await hub.join(body)
      }
    }
    router.post("/api/sessions/{id}/inputs") { request, context in
      await Self.answer {
        let body: LiveAPI.Input = try await Self.decode(request)
        return try await hub.submit(
          body, session: context.parameters.get("id") ?? "", token: Self.bearer(request))
      }
    }
    router.get("/api/sessions/{id}/inbox") { request, context in
      await Self.answer {
        try await hub.inbox(
          session: context.parameters.get("id") ?? "", token: Self.bearer(request))
      }
    }

    // The board.
    router.get("/board") { request, _ in
      var listed: [(code: String, title: String, open: Bool, sessions: Int)] = []
      for (code, token) in Self.roomCookies(request) {
        if let room = try? await hub.authorizedRoom(code, token: token),
          let board = try? await hub.board(room)
        {
          listed.append((room.code, board.title, room.isOpen, room.sessions))
        }
      }
      return Self.html(
        BoardPage.rooms(listed, scenarios: catalogue.map { ($0.id, $0.title) }))
    }
    router.post("/board/open") { request, _ in
      let form = (try? await Self.form(request)) ?? [:]
      guard Self.sameKey(form["key"] ?? "", key) else {
        return Self.html(
          BoardPage.page(
            "Not opened",
            "<p class=\"error\">That is not the server key (the file sos serve printed at start).</p><p><a href=\"/board\">Back</a></p>"
          ), status: .forbidden)
      }
      guard let entry = catalogue.first(where: { $0.id == form["scenario"] }) else {
        return Self.html(
          BoardPage.page("Not opened", "<p class=\"error\">Choose a scenario.</p>"),
          status: .badRequest)
      }
      do {
        let opened = try await hub.openRoom(
          LiveAPI.OpenRoom(
            cohort: (form["cohort"] ?? "").trimmingCharacters(in: .whitespaces),
            scenarioFile: entry.file, scenarioText: entry.text,
            mode: form["mode"] == "practice" ? "practice" : "assessment",
            timed: form["timed"] == "on"), boardBase: Self.base(of: request))
        var response = Self.html(BoardPage.opened(opened, address: Self.base(of: request)))
        response.headers[.setCookie] =
          "\(Self.cookieName(opened.code))=\(opened.token); Path=/; HttpOnly; SameSite=Strict"
        return response
      } catch {
        return Self.html(
          BoardPage.page(
            "Not opened",
            "<p class=\"error\">\(BoardPage.e(error.message))</p><p><a href=\"/board\">Back</a></p>"
          ),
          status: .init(code: error.status))
      }
    }
    router.get("/login") { _, _ in Self.html(BoardPage.login()) }
    router.post("/login") { request, _ in
      let form = (try? await Self.form(request)) ?? [:]
      let typed = form["code"] ?? ""
      let token = form["token"] ?? ""
      guard let room = try? await hub.authorizedRoom(typed, token: token) else {
        return Self.html(
          BoardPage.login(message: "That code and token do not open a room."), status: .forbidden)
      }
      var response = Self.redirect("/board/\(room.code)")
      response.headers[.setCookie] =
        "\(Self.cookieName(room.code))=\(token); Path=/; HttpOnly; SameSite=Strict"
      return response
    }
    router.get("/board/{code}") { request, context in
      let code = context.parameters.get("code") ?? ""
      guard let room = await Self.boardRoom(code, request: request, hub: hub) else {
        return Self.html(BoardPage.login(), status: .unauthorized)
      }
      do {
        return Self.html(BoardPage.render(try await hub.board(room)))
      } catch {
        return Self.html(
          BoardPage.page("Error", "<p>\(BoardPage.e(error.message))</p>"),
          status: .serviceUnavailable)
      }
    }
    router.get("/board/{code}/events") { request, context in
      let code = context.parameters.get("code") ?? ""
      guard let room = await Self.boardRoom(code, request: request, hub: hub) else {
        return Response(status: .unauthorized)
      }
      let (watcher, updates) = await hub.watch(room.code)
      let body = ResponseBody { writer in
        defer { Task { await hub.unwatch(room.code, watcher) } }
        // The stream ends when the server shuts down, so that an open browser does not
        // hold the shutdown back.
        try await withGracefulShutdownHandler {
          for await _ in updates {
            guard let board = try? await hub.board(room) else { break }
            let payload = BoardUpdate(
              html: BoardPage.body(board), state: BoardPage.stateText(board))
            let json = String(
              decoding: (try? JSONEncoder().encode(payload)) ?? Data(), as: UTF8.self)
            try await writer.write(ByteBuffer(string: "event: board\ndata: \(json)\n\n"))
          }
        } onGracefulShutdown: {
          Task { await hub.unwatch(room.code, watcher) }
        }
        try await writer.finish(nil)
      }
      return Response(
        status: .ok,
        headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }
    router.get("/board/{code}/report") { request, context in
      let code = context.parameters.get("code") ?? ""
      guard let room = await Self.boardRoom(code, request: request, hub: hub) else {
        return Self.html(BoardPage.login(), status: .unauthorized)
      }
      return await Self.respond { try await Self.report(room, hub: hub, format: .html) }
    }
    for action in ["pause", "resume", "close", "inject", "broadcast"] {
      router.post("/board/{code}/\(action)") { request, context in
        let code = context.parameters.get("code") ?? ""
        guard let room = await Self.boardRoom(code, request: request, hub: hub) else {
          return Self.html(BoardPage.login(), status: .unauthorized)
        }
        let form = (try? await Self.form(request)) ?? [:]
        do {
          switch action {
          case "pause": try await hub.setPaused(room, true)
          case "resume": try await hub.setPaused(room, false)
          case "close": try await hub.close(room)
          case "inject":
            let trainee = form["trainee"].flatMap { $0.isEmpty ? nil : $0 }
            _ = try await hub.fire(room, inject: form["inject"] ?? "", trainee: trainee)
          default: try await hub.broadcast(room, text: form["text"] ?? "")
          }
        } catch {
          return Self.html(
            BoardPage.page(
              "Not done",
              "<p class=\"error\">\(BoardPage.e(error.message))</p><p><a href=\"/board/\(room.code)\">Back to the board</a></p>"
            ), status: .init(code: error.status))
        }
        return Self.redirect("/board/\(room.code)")
      }
    }
  }

  /// What the live board's stream sends.
  struct BoardUpdate: Encodable {
    var html: String
    var state: String
  }

  // MARK: - Helpers

  /// The room `code` if the request's cookie (or bearer token) holds its token.
  static func boardRoom(_ code: String, request: Request, hub: WorkshopHub) async -> RoomRecord? {
    guard let normalized = JoinCode.normalized(code) else { return nil }
    let token = roomCookies(request)[normalized] ?? bearer(request)
    return try? await hub.authorizedRoom(normalized, token: token)
  }

  /// The cookie that keeps a room's token in the facilitator's browser.
  static func cookieName(_ code: String) -> String {
    "sos_room_" + code.replacingOccurrences(of: "-", with: "")
  }

  /// The room tokens in the request's cookies, by room code.
  static func roomCookies(_ request: Request) -> [String: String] {
    var found: [String: String] = [:]
    for header in request.headers[values: .cookie] {
      for part in header.split(separator: ";") {
        let pair = part.trimmingCharacters(in: .whitespaces)
        guard pair.hasPrefix("sos_room_"), let equals = pair.firstIndex(of: "=") else { continue }
        let name = String(pair[pair.index(pair.startIndex, offsetBy: 9)..<equals])
        if let code = JoinCode.normalized(name) {
          found[code] = String(pair[pair.index(after: equals)...])
        }
      }
    }
    return found
  }

  /// The bearer token of the request, if any.
  static func bearer(_ request: Request) -> String? {
    guard let value = request.headers[.authorization], value.hasPrefix("Bearer ") else {
      return nil
    }
    return String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
  }

  /// Compares the server key in constant time.
  static func sameKey(_ given: String, _ key: String) -> Bool {
    LiveSecret.matches(given, hash: LiveSecret.hash(key))
  }

  /// The address the request came to, for links in answers.
  static func base(of request: Request) -> String {
    let host = request.head.authority ?? "127.0.0.1"
    return "http://\(host)"
  }

  /// The request's body, at most ``LiveAPI/maximumBody`` bytes.
  static func body(_ request: Request, limit: Int = LiveAPI.maximumBody) async throws(HubError)
    -> ByteBuffer
  {
    do {
      return try await request.body.collect(upTo: limit)
    } catch {
      throw HubError(status: 413, message: "a request can have \(limit / 1024) KiB at most")
    }
  }

  /// The request's JSON body as `T`.
  static func decode<T: Decodable>(_ request: Request, limit: Int = LiveAPI.maximumBody)
    async throws(HubError) -> T
  {
    let buffer = try await body(request, limit: limit)
    do {
      return try LiveAPI.decoder().decode(T.self, from: Data(buffer.readableBytesView))
    } catch {
      throw .invalid("the request's JSON is not what this address takes")
    }
  }

  /// The request's form fields (`application/x-www-form-urlencoded`).
  static func form(_ request: Request) async throws(HubError) -> [String: String] {
    let text = String(decoding: try await body(request).readableBytesView, as: UTF8.self)
    var fields: [String: String] = [:]
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1).map {
        String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
      }
      if let name = parts.first { fields[name] = parts.count > 1 ? parts[1] : "" }
    }
    return fields
  }

  /// Runs `work` and answers with its result as JSON, or with the error's status.
  static func answer(_ work: () async throws -> some Encodable) async -> Response {
    do {
      return json(try await work())
    } catch let error as HubError {
      return json(LiveAPI.Failure(error: error.message), status: .init(code: error.status))
    } catch {
      return json(
        LiveAPI.Failure(error: "the server failed: \(error)"), status: .internalServerError)
    }
  }

  /// Runs `work` and answers with its response, or with the error as JSON.
  static func respond(_ work: () async throws -> Response) async -> Response {
    do {
      return try await work()
    } catch let error as HubError {
      return json(LiveAPI.Failure(error: error.message), status: .init(code: error.status))
    } catch {
      return json(
        LiveAPI.Failure(error: "the server failed: \(error)"), status: .internalServerError)
    }
  }

  static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    let data = (try? LiveAPI.encoder().encode(value)) ?? Data("{}".utf8)
    return Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }

  static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
    var headers: HTTPFields = [
      .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
    ]
    if let policy = HTTPFields.Element.Name("Content-Security-Policy") {
      headers[policy] =
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
    }
    return Response(
      status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  static func redirect(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
  }

  static func summary(_ rooms: [LiveAPI.Room], code: String) -> LiveAPI.Room? {
    rooms.first { $0.code == code }
  }

  /// The cohort report of a room's cohort and scenario, as `sos cohort report` makes it.
  static func report(_ room: RoomRecord, hub: WorkshopHub, format: ReportFormat) async throws
    -> Response
  {
    let text = try await hub.report(room, format: format)
    let type: String
    switch format {
    case .html: type = "text/html; charset=utf-8"
    case .json: type = "application/json; charset=utf-8"
    case .csv: type = "text/csv; charset=utf-8"
    default: type = "text/plain; charset=utf-8"
    }
    return Response(
      status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }
}

extension Error {
  /// The error in words for a page.
  var message: String { (self as? HubError)?.message ?? "\(self)" }
  /// The HTTP status for a page.
  var status: Int { (self as? HubError)?.status ?? 500 }
}
