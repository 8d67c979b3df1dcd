import Foundation
import SOSLive
import SOSReports

/// The live board as HTML: one self-contained page (no CDN, fonts or outside scripts)
/// with a row per trainee and the room's summary. With JavaScript it updates itself
/// from the server's event stream within a second of each answer; without, it
/// refreshes every five seconds. Every trainee-supplied string is escaped.
enum BoardPage {
  /// The board of `board`.
  static func render(_ board: BoardSnapshot) -> String {
    let title = "Room \(board.code) — \(board.title)"
    return """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e(title))</title>
      <noscript><meta http-equiv="refresh" content="5"></noscript>
      <style>\(style)</style>
      </head>
      <body>
      <header>
      <h1>Room <span class="code">\(e(board.code))</span> · \(e(board.title))</h1>
      <p class="meta">Cohort \(e(board.cohort)) · \(e(board.mode))\(board.timed ? " · timed" : "") · <span id="state">\(e(stateText(board)))</span> · <a href="/board/\(e(board.code))/report">cohort report</a> · <a href="/board">all rooms</a></p>
      </header>
      <main id="board">
      \(body(board))
      </main>
      \(controls(board))
      <script>\(script(board.code))</script>
      </body>
      </html>

      """
  }

  /// The part of the page that live updates replace.
  static func body(_ board: BoardSnapshot) -> String {
    var html = "<section class=\"summary\">"
    html +=
      "<p><strong>\(board.trainees.count)</strong> joined · <strong>\(board.finished)</strong> finished · <strong>\(board.idle)</strong> idle</p>"
    if !board.places.isEmpty {
      html += "<h2>Where they are</h2><ul class=\"places\">"
      for place in board.places {
        html += "<li>\(e(place.title)) <span class=\"count\">\(place.trainees)</span></li>"
      }
      html += "</ul>"
    }
    html += "</section>"
    html += "<table><thead><tr><th>Trainee</th><th>Where</th><th>Clock</th><th>Decisions</th>"
    html += "<th>Deadlines met / missed</th><th>Promises open / broken</th><th>Statements</th>"
    html += "<th>Overall so far</th><th>Status</th></tr></thead><tbody>"
    if board.trainees.isEmpty {
      html +=
        "<tr><td colspan=\"9\" class=\"empty\">Nobody has joined yet. Trainees join with: sos join ADDRESS \(e(board.code)) --as NAME</td></tr>"
    }
    for trainee in board.trainees {
      let statements =
        trainee.statements.isEmpty
        ? "—" : trainee.statements.map(String.init).joined(separator: ", ")
      let overall = trainee.overall.map { String(format: "%.1f", $0) } ?? "—"
      let rowClass = trainee.finished ? "finished" : trainee.idle ? "idle" : "playing"
      html += "<tr class=\"\(rowClass)\"><td>\(e(trainee.name))</td><td>\(e(trainee.place))</td>"
      html += "<td>\(e(trainee.clock))</td><td>\(trainee.decisions)</td>"
      html += "<td>\(trainee.deadlinesMet) / \(trainee.deadlinesMissed)</td>"
      html += "<td>\(trainee.promisesOpen) / \(trainee.promisesBroken)</td>"
      html +=
        "<td>\(statements)</td><td class=\"num\">\(overall)</td><td>\(e(trainee.status))</td></tr>"
    }
    html += "</tbody></table>"
    if !board.decisions.isEmpty {
      html += "<h2>Choices so far</h2><div class=\"decisions\">"
      for decision in board.decisions {
        let total = max(decision.options.reduce(0) { $0 + $1.count }, 1)
        html += "<div class=\"decision\"><h3>\(e(decision.title))</h3><ul>"
        for option in decision.options {
          let share = Int((Double(option.count) / Double(total) * 100).rounded())
          html +=
            "<li><span class=\"bar\" style=\"width:\(share)%\"></span><span class=\"label\">\(e(option.text))</span> <span class=\"count\">\(option.count)</span></li>"
        }
        html += "</ul></div>"
      }
      html += "</div>"
    }
    return html
  }

  static func stateText(_ board: BoardSnapshot) -> String {
    !board.open ? "closed" : board.paused ? "paused" : "open"
  }

  /// The facilitator's buttons: pause or resume, injects, a message, close.
  static func controls(_ board: BoardSnapshot) -> String {
    guard board.open else { return "" }
    let base = "/board/\(e(board.code))"
    var html = "<section class=\"controls\"><h2>Facilitator</h2>"
    html +=
      "<form method=\"post\" action=\"\(base)/\(board.paused ? "resume" : "pause")\"><button>\(board.paused ? "Resume the room" : "Pause the room")</button></form>"
    // Each inject fires into everyone's session, or into the one trainee chosen.
    let trainees = board.trainees.filter { !$0.finished }.map {
      "<option value=\"\(e($0.name))\">\(e($0.name))</option>"
    }.joined()
    for inject in board.injects {
      html +=
        "<form method=\"post\" action=\"\(base)/inject\"><input type=\"hidden\" name=\"inject\" value=\"\(e(inject.id))\"><select name=\"trainee\" aria-label=\"Who gets it\"><option value=\"\">everyone</option>\(trainees)</select><button title=\"\(e(inject.text))\">Fire inject: \(e(inject.id))</button></form>"
    }
    html +=
      "<form method=\"post\" action=\"\(base)/broadcast\"><input name=\"text\" maxlength=\"500\" placeholder=\"A message to every trainee\" aria-label=\"Message\"><button>Send</button></form>"
    html +=
      "<form method=\"post\" action=\"\(base)/close\" onsubmit=\"return confirm('Close the room? Nobody can join or answer after.')\"><button class=\"danger\">Close the room</button></form>"
    html += "</section>"
    return html
  }

  static func script(_ code: String) -> String {
    """
    (function () {
      if (!window.EventSource) { setTimeout(function () { location.reload(); }, 5000); return; }
      var source = new EventSource('/board/\(e(code))/events');
      source.addEventListener('board', function (event) {
        var data = JSON.parse(event.data);
        document.getElementById('board').innerHTML = data.html;
        document.getElementById('state').textContent = data.state;
        document.body.dataset.updated = String(Date.now());
      });
      source.onerror = function () { document.getElementById('state').textContent = 'reconnecting…'; };
    })();
    """
  }

  /// The list of rooms, and the login form when not logged in.
  static func rooms(
    _ rooms: [(code: String, title: String, open: Bool, sessions: Int)],
    scenarios: [(id: String, title: String)] = []
  ) -> String {
    var items = ""
    for room in rooms {
      items +=
        "<li><a href=\"/board/\(e(room.code))\">\(e(room.code))</a> — \(e(room.title)) · \(room.sessions) trainee\(room.sessions == 1 ? "" : "s")\(room.open ? "" : " · closed")</li>"
    }
    return page(
      "Rooms",
      """
      <h1>Your rooms</h1>
      <ul>\(items.isEmpty ? "<li>None yet.</li>" : items)</ul>
      <h2>Open another room's board</h2>
      \(loginForm)
      \(openForm(scenarios))
      """)
  }

  /// The form that opens a room (it needs the server key).
  static func openForm(_ scenarios: [(id: String, title: String)]) -> String {
    guard !scenarios.isEmpty else { return "" }
    let options = scenarios.map {
      "<option value=\"\(e($0.id))\">\(e($0.title)) (\(e($0.id)))</option>"
    }.joined()
    return """
      <h2>Open a new room</h2>
      <form method="post" action="/board/open" class="login">
      <label>Cohort <input name="cohort" required maxlength="80" placeholder="leeds-march"></label>
      <label>Scenario <select name="scenario">\(options)</select></label>
      <label>Mode <select name="mode"><option value="assessment">assessment</option><option value="practice">practice</option></select></label>
      <label><input type="checkbox" name="timed"> Timed decisions</label>
      <label>Server key <input name="key" type="password" autocomplete="off" required></label>
      <button>Open the room</button>
      </form>
      """
  }

  /// The page after a room is opened from the board: the code to read aloud and the
  /// token, once.
  static func opened(_ room: LiveAPI.OpenedRoom, address: String) -> String {
    page(
      "Room \(room.code)",
      """
      <h1>Room <span class="code">\(e(room.code))</span> is open</h1>
      <p>Trainees join with: <code>sos join \(e(address.replacingOccurrences(of: "http://", with: ""))) \(e(room.code)) --as NAME</code></p>
      <p>Your facilitator token, for <code>sos room</code> on another machine (this browser keeps it):</p>
      <p><code>\(e(room.token))</code></p>
      <p><a href="/board/\(e(room.code))">Go to the board</a></p>
      """)
  }

  static let loginForm = """
    <form method="post" action="/login" class="login">
    <label>Join code <input name="code" autocomplete="off" required></label>
    <label>Facilitator token <input name="token" type="password" autocomplete="off" required></label>
    <button>Open the board</button>
    </form>
    """

  /// The login page.
  static func login(message: String? = nil) -> String {
    page(
      "Facilitator login",
      """
      <h1>Facilitator login</h1>
      \(message.map { "<p class=\"error\">\(e($0))</p>" } ?? "")
      <p>Type the room's join code and the facilitator token that <code>sos room open</code> printed.</p>
      \(loginForm)
      """)
  }

  /// A small page around `content`.
  static func page(_ title: String, _ content: String) -> String {
    """
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(e(title)) — SOS</title><style>\(style)</style></head>
    <body><main>\(content)</main></body></html>

    """
  }

  static func e(_ text: String) -> String { HTMLText.escape(text) }

  static let style = """
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;padding:1.2rem 1.6rem;color:#1d2530;background:#f6f7f9}
    h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.2rem 0 .4rem}h3{font-size:.95rem;margin:.2rem 0}
    .code{font-family:ui-monospace,monospace;letter-spacing:.08em;background:#1d2530;color:#fff;padding:0 .35em;border-radius:4px}
    .meta{color:#555;margin:.2rem 0 1rem}a{color:#0b5cad}
    table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 2px #0002}
    th,td{padding:.45rem .6rem;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}
    th{background:#eef1f4;font-size:.85rem}td.num{font-variant-numeric:tabular-nums;font-weight:600}
    tr.finished td{color:#2f6b2f}tr.idle td{background:#fff6e0}.empty{color:#666;text-align:center}
    .summary p{margin:.2rem 0}.places{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.3rem 0 1rem}
    .places li{background:#fff;border:1px solid #d5dae0;border-radius:4px;padding:.2rem .5rem}
    .count{font-weight:700;margin-left:.3em}
    .decisions{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:.8rem}
    .decision{background:#fff;padding:.6rem;box-shadow:0 1px 2px #0002}.decision ul{list-style:none;padding:0;margin:0}
    .decision li{position:relative;padding:.15rem .3rem;margin:.15rem 0}
    .bar{position:absolute;left:0;top:0;bottom:0;background:#d8e7f7;z-index:0}.decision .label,.decision .count{position:relative}
    .controls{margin-top:1.4rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}.controls h2{width:100%}
    .controls form{display:inline-flex;gap:.3rem}button{font:inherit;padding:.3rem .7rem;border:1px solid #8a96a3;border-radius:4px;background:#fff;cursor:pointer}
    button.danger{border-color:#b33;color:#b33}input,select{font:inherit;padding:.3rem}.login label{display:block;margin:.4rem 0}
    .error{color:#b33}
    """
}
