import Foundation

/// A PostgreSQL connection string, as libpq reads its URL form:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…&host=/socket/dir]`.
///
/// A password missing from the URL comes from `$PGPASSWORD`, else from the `.pgpass`
/// file (`$PGPASSFILE`, else `~/.pgpass`, used only when no one else can read it). The
/// password is never part of ``redacted``, which messages show.
package struct PostgresURL: Sendable, Equatable {
  /// What to do about TLS (libpq's `sslmode`).
  package enum TLSMode: String, Sendable {
    /// Never.
    case disable
    /// When the server offers it, without checking its certificate (the default).
    case prefer
    /// Always, without checking the certificate.
    case require
    /// Always, with the certificate checked against the system's roots and the host name.
    case verifyFull = "verify-full"
  }

  package var host: String
  package var port: Int
  package var user: String
  package var password: String?
  package var database: String
  package var tls: TLSMode
  /// The folder of the server's Unix socket (`?host=/path`), instead of TCP.
  package var socketDirectory: String?

  /// Whether `location` is a PostgreSQL URL rather than a file path.
  package static func isPostgres(_ location: String) -> Bool {
    let lowered = location.lowercased()
    return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
  }

  /// The URL without its password, for messages.
  package var redacted: String {
    let place = socketDirectory.map { "?host=\($0)" } ?? ""
    let hostText = host.contains(":") ? "[\(host)]" : host
    return "postgres://\(user)@\(hostText):\(port)/\(database)\(place)"
  }

  /// Parses `text`; throws `cannotOpen` saying what is wrong with it.
  package init(parsing text: String, environment: [String: String]) throws(WorkshopDatabaseError) {
    func bad(_ reason: String) -> WorkshopDatabaseError {
      .cannotOpen(path: Self.withoutPassword(text), reason: reason)
    }
    guard let components = URLComponents(string: text) else {
      throw bad("not a valid postgres:// URL")
    }
    var query: [String: String] = [:]
    for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
    let known: Set<String> = ["sslmode", "host", "port", "user", "password", "application_name"]
    if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
      throw bad("unknown parameter '\(unknown)' (known: sslmode, host, port, user, password)")
    }
    let socket = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
    host =
      components.host.flatMap { $0.isEmpty ? nil : $0 } ?? query["host"].flatMap {
        $0.hasPrefix("/") ? nil : $0
      } ?? "localhost"
    socketDirectory = socket
    if let portText = query["port"] {
      guard let value = Int(portText), (1...65535).contains(value) else {
        throw bad("the port '\(portText)' is not a number from 1 to 65535")
      }
      port = value
    } else if let value = components.port {
      guard (1...65535).contains(value) else {
        throw bad("the port \(value) is not a number from 1 to 65535")
      }
      port = value
    } else {
      port = 5432
    }
    let userName = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? query["user"]
    guard
      let resolvedUser = userName ?? environment["PGUSER"] ?? environment["USER"]
        ?? environment["LOGNAME"]
    else {
      throw bad("no user name: put it in the URL (postgres://USER@HOST/DATABASE)")
    }
    user = resolvedUser
    let path =
      components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    database = path.isEmpty ? resolvedUser : path
    let modeText = query["sslmode"] ?? environment["PGSSLMODE"] ?? "prefer"
    switch modeText {
    case "disable": tls = .disable
    case "allow", "prefer": tls = .prefer
    case "require", "verify-ca": tls = modeText == "verify-ca" ? .verifyFull : .require
    case "verify-full": tls = .verifyFull
    default:
      throw bad("unknown sslmode '\(modeText)' (disable, prefer, require or verify-full)")
    }
    password =
      components.password ?? query["password"] ?? environment["PGPASSWORD"]
      ?? Self.passwordFile(environment: environment).flatMap {
        Self.password(
          inPassFile: $0, host: socket == nil ? host : "localhost", port: port,
          database: database, user: resolvedUser)
      }
  }

  /// `text` with any password between `:` and `@` taken out.
  package static func withoutPassword(_ text: String) -> String {
    guard let scheme = text.range(of: "://"), let at = text.range(of: "@") else { return text }
    let userPart = text[scheme.upperBound..<at.lowerBound]
    guard let colon = userPart.firstIndex(of: ":") else { return text }
    return String(text[..<colon]) + ":***" + String(text[at.lowerBound...])
  }

  /// The `.pgpass` file's text, if there is one that only its owner can read.
  package static func passwordFile(environment: [String: String]) -> String? {
    let path =
      environment["PGPASSFILE"]
      ?? environment["HOME"].map { $0 + "/.pgpass" }
    guard let path,
      let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let permissions = attributes[.posixPermissions] as? Int,
      permissions & 0o077 == 0
    else { return nil }
    return try? String(contentsOfFile: path, encoding: .utf8)
  }

  /// The password of the first line of a `.pgpass` text that matches (`*` matches
  /// anything; `\:` and `\\` are a colon and a backslash).
  package static func password(
    inPassFile text: String, host: String, port: Int, database: String, user: String
  ) -> String? {
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      var fields: [String] = []
      var field = ""
      var escaped = false
      for character in line {
        if escaped {
          field.append(character)
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == ":" && fields.count < 4 {
          fields.append(field)
          field = ""
        } else {
          field.append(character)
        }
      }
      fields.append(field)
      guard fields.count == 5 else { continue }
      let wanted = [host, String(port), database, user]
      if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) {
        return fields[4]
      }
    }
    return nil
  }
}
