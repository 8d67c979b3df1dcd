/// Scores as people read them, the same in every command and report.
public enum ScoreFormat {
  /// A score rounded to a tenth: 54.349 → 54.3.
  public static func tenths(_ value: Double) -> Double {
    (value * 10).rounded() / 10
  }

  /// A score to one decimal, without a trailing `.0`: `54.3`, `100`, `-3`.
  public static func points(_ value: Double) -> String {
    let rounded = tenths(value)
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
