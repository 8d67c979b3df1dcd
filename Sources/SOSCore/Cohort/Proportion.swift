/// How many of how many: a rate such as "8 of 12 missed the deadline".
public struct Proportion: Hashable, Sendable, Codable {
  public var count: Int
  public var total: Int

  /// Creates a proportion.
  public init(count: Int, total: Int) {
    self.count = count
    self.total = total
  }

  /// `count / total`, 0…1; `nil` when the total is 0.
  public var value: Double? {
    total > 0 ? Double(count) / Double(total) : nil
  }

  /// The rate as a whole percentage, such as `67%`, or `–` for none.
  public var percent: String {
    value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(count, forKey: .count)
    try container.encode(total, forKey: .total)
    try container.encode(value, forKey: .value)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    count = try container.decode(Int.self, forKey: .count)
    total = try container.decode(Int.self, forKey: .total)
  }

  private enum CodingKeys: String, CodingKey {
    case count, total, value
  }
}
