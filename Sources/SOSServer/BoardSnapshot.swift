import Foundation
import SOSCore
import SOSStore

/// What a room's board shows at one moment: a row per trainee and a summary of the
/// room. The page renders it, and its JSON feeds the page's live updates.
struct BoardSnapshot: Codable, Sendable {
  /// One trainee's row.
  struct Trainee: Codable, Sendable, Equatable {
    var session: String
    var name: String
    /// The node's id, and its title (or id) for people.
    var node: String
    var place: String
    /// The crisis clock, as the trainee's status line shows it.
    var clock: String
    var decisions: Int
    var deadlinesMet: Int
    var deadlinesMissed: Int
    var promisesOpen: Int
    var promisesBroken: Int
    /// Each statement's score, in order.
    var statements: [Int]
    /// The overall score of the answers so far.
    var overall: Double?
    /// `playing`, `finished`, `idle 4 min`, `abandoned`.
    var status: String
    var idle: Bool
    var finished: Bool
    /// Each decision's node and option taken.
    var choices: [Taken]
  }

  /// An option taken at a decision.
  struct Taken: Codable, Sendable, Equatable {
    var node: String
    var choice: String
  }

  /// How many trainees are at one node.
  struct Place: Codable, Sendable, Equatable {
    var node: String
    var title: String
    var trainees: Int
  }

  /// The options taken at one decision so far, with how many took each.
  struct Decision: Codable, Sendable, Equatable {
    var node: String
    var title: String
    var options: [Option]

    struct Option: Codable, Sendable, Equatable {
      var choice: String
      var text: String
      var count: Int
    }
  }

  var code: String
  var cohort: String
  var scenario: String
  var title: String
  var mode: String
  var timed: Bool
  var open: Bool
  var paused: Bool
  var trainees: [Trainee]
  var places: [Place]
  var decisions: [Decision]
  var finished: Int
  var idle: Int
  /// The scenario's manual injects, for the board's inject buttons.
  var injects: [Inject]

  struct Inject: Codable, Sendable, Equatable {
    var id: String
    var text: String
  }

  init(room: RoomRecord, scenario: Scenario, trainees: [Trainee]) {
    code = room.code
    cohort = room.cohort
    self.scenario = scenario.id
    title = scenario.title
    mode = room.mode.rawValue
    timed = room.timed
    open = room.isOpen
    paused = room.paused
    self.trainees = trainees
    finished = trainees.count(where: \.finished)
    idle = trainees.count(where: \.idle)
    var here: [String: Int] = [:]
    for trainee in trainees where !trainee.finished { here[trainee.node, default: 0] += 1 }
    places = scenario.nodes.compactMap { node in
      here[node.id].map { Place(node: node.id, title: node.title ?? node.id, trainees: $0) }
    }
    var taken: [String: [String: Int]] = [:]
    for trainee in trainees {
      for choice in trainee.choices {
        taken[choice.node, default: [:]][choice.choice, default: 0] += 1
      }
    }
    decisions = scenario.nodes.compactMap { node in
      guard let counts = taken[node.id] else { return nil }
      return Decision(
        node: node.id, title: node.title ?? node.id,
        options: node.choices.compactMap { choice in
          counts[choice.id].map { Decision.Option(choice: choice.id, text: choice.text, count: $0) }
        })
    }
    injects = scenario.injects.filter(\.manual).map { Inject(id: $0.id, text: $0.text) }
  }
}
