import Foundation
import SOSCore
import Testing

@testable import SOSReports

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct CohortReportTests {
  // MARK: - CSV

  /// Splits RFC 4180 CSV into records, requiring CRLF after every record.
  static func parseCSV(_ text: String) -> [[String]]? {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      if quoted {
        if scalar == "\"" {
          if scalars.first == "\"" {
            field.unicodeScalars.append("\"")
            scalars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
      } else if scalar == "\"" {
        guard field.isEmpty else { return nil }  // a quote inside an unquoted field
        quoted = true
      } else if scalar == "," {
        record.append(field)
        field = ""
      } else if scalar == "\r" {
        guard scalars.popFirst() == "\n" else { return nil }
        records.append(record + [field])
        record = []
        field = ""
      } else if scalar == "\n" {
        return nil  // a bare LF outside quotes
      } else {
        field.unicodeScalars.append(scalar)
      }
    }
    guard field.isEmpty, record.isEmpty, !quoted else { return nil }  // no final CRLF
    return records
  }

  @Test func csvHasOneRowPerSessionQuotedAsRFC4180Says() throws {
    let report = CohortReport(analysis: try CohortFixture.analysis())
    let text = report.csv()
    let records = try #require(Self.parseCSV(text), "not RFC 4180 CSV:\n\(text)")
    #expect(records.first == CohortReport.csvColumns)
    #expect(
      CohortReport.csvColumns.prefix(8) == [
        "trainee", "scenario", "status", "started", "finished", "overall", "timeliness",
        "communication",
      ])
    #expect(records.count == 8)
    #expect(records.allSatisfy { $0.count == CohortReport.csvColumns.count })
    let trainees = records.dropFirst().map { $0[0] }
    #expect(
      trainees == [
        "Ada", "Smith, Jo", "Kim \"KC\"\nChan", CohortFixture.hostile, "'=SUM(A1:A9)", "Lee", "Ada",
      ])
    #expect(text.contains("\"Smith, Jo\""))
    #expect(text.contains("\"Kim \"\"KC\"\"\nChan\""))
    let overall = try #require(CohortReport.csvColumns.firstIndex(of: "overall"))
    let active = records[6]
    #expect(active[2] == "active")
    #expect(active[overall] == "")
    #expect(active[4] == "")
    let first = records[1]
    #expect(first[3] == "2025-03-01T09:01:00.000Z")
    #expect(first[4] == "2025-03-01T09:01:12.345Z")
    let analysis = try CohortFixture.analysis()
    #expect(first[overall] == ReportNumber.fixed(analysis.sessions[0].overall ?? -1, digits: 1))
    #expect(Double(first[overall]) != nil)
  }

  @Test func csvFieldsAreQuotedOnlyWhenNeeded() {
    #expect(CSVText.field("plain") == "plain")
    #expect(CSVText.field("a,b") == "\"a,b\"")
    #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
    #expect(CSVText.field("=1+1") == "'=1+1")
    #expect(CSVText.field("-3") == "-3")
    #expect(CSVText.record(["a", "b"]) == "a,b\r\n")
  }

  // MARK: - HTML

  @Test func htmlIsWellFormedSelfContainedAndAccessible() throws {
    let page = CohortReport(analysis: try CohortFixture.analysis()).html()
    let lower = page.lowercased()
    #expect(!lower.contains("<script"))
    #expect(!lower.contains("src="))
    #expect(!lower.contains("href="))
    #expect(!lower.contains("url("))
    #expect(!lower.contains("@import"))
    #expect(!lower.contains("http:") && !lower.contains("https:"))
    #expect(lower.contains("@media print"))
    #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))

    #if canImport(FoundationXML) || os(macOS)
      // XMLDocument recovers from errors on Linux; the SAX parser reports them.
      let parser = XMLParser(data: Data(page.utf8))
      #expect(parser.parse())
      #expect(
        parser.parserError == nil, "not well-formed: \(String(describing: parser.parserError))")
      let document = try XMLDocument(xmlString: page, options: [])
      let root = try #require(document.rootElement())
      #expect(root.name == "html")
      #expect(root.attribute(forName: "lang")?.stringValue == "en")
      let title = try document.nodes(forXPath: "/html/head/title").first?.stringValue
      #expect(title == "Cohort report: spring <b>")
      #expect(try document.nodes(forXPath: "//h1").count == 1)
      #expect(try document.nodes(forXPath: "//h2").count >= 4)
      let charts = try document.nodes(forXPath: "//svg")
      #expect(charts.count >= 3)
      for case let chart as XMLElement in charts {
        let first = chart.children?.first as? XMLElement
        #expect(first?.name == "title", "an <svg> without a <title> first")
        let titleText = first?.stringValue ?? ""
        #expect(!titleText.isEmpty)
        #expect(chart.attribute(forName: "role")?.stringValue == "img")
        let labelled = chart.attribute(forName: "aria-labelledby")?.stringValue ?? ""
        #expect(labelled.contains(first?.attribute(forName: "id")?.stringValue ?? "?"))
      }
      let large = try document.nodes(forXPath: "//svg[@class='chart']")
      for case let chart as XMLElement in large {
        #expect(chart.elements(forName: "desc").count == 1)
      }
      #expect(try document.nodes(forXPath: "//th[not(@scope)]").isEmpty)
      #expect(try document.nodes(forXPath: "//table").count >= 4)
      let ids = try document.nodes(forXPath: "//@id").compactMap(\.stringValue)
      #expect(Set(ids).count == ids.count, "duplicate ids")
      let text = try #require(document.rootElement()?.stringValue)
      #expect(text.contains(CohortFixture.hostile))
      #expect(text.contains("Debrief these first"))
    #endif
  }

  @Test func histogramBarsMatchTheCounts() throws {
    let analysis = try CohortFixture.analysis()
    let scenario = try #require(analysis.scenarios.first)
    let svg = SVGChart.histogram(
      scenario.overall.histogram, passMark: 60, id: "h", title: "Overall")
    let bars = svg.components(separatedBy: "<rect").count - 1
    #expect(bars == scenario.overall.histogram.bins.filter { $0.count > 0 }.count)
    #expect(svg.contains("pass 60"))
    #expect(scenario.overall.histogram.total == 5)  // five trainees, each counted once
  }

  @Test func htmlTablesScrollInTheirOwnBoxOnAPhone() throws {
    let page = CohortReport(analysis: try CohortFixture.analysis()).html()
    #expect(
      page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"))
    #expect(page.contains(".table-scroll { max-width: 100%; overflow-x: auto;"))
    #expect(page.contains("svg { display: block; max-width: 100%; height: auto; }"))
    #expect(page.contains("overflow-wrap: anywhere"))
    #expect(page.contains("@media (max-width: 600px)"))
    #if canImport(FoundationXML) || os(macOS)
      let document = try XMLDocument(xmlString: page, options: [])
      let tables = try document.nodes(forXPath: "//table")
      #expect(tables.count >= 5)
      // Every table sits alone in a box that scrolls sideways, which the keyboard can
      // reach and a screen reader can name.
      #expect(
        try document.nodes(forXPath: "//table[not(parent::div[@class='table-scroll'])]").isEmpty)
      let boxes = try document.nodes(forXPath: "//div[@class='table-scroll']")
      #expect(boxes.count == tables.count)
      for case let box as XMLElement in boxes {
        #expect(box.attribute(forName: "tabindex")?.stringValue == "0")
        #expect(box.attribute(forName: "role")?.stringValue == "region")
        let label = box.attribute(forName: "aria-label")?.stringValue ?? ""
        #expect(!label.isEmpty)
        #expect(box.childCount == 1)
      }
    #endif
  }

  // MARK: - Honest statistics

  /// The fixture's cohort with `count` trainees, each playing once (alternating
  /// between a strong and a weak path).
  static func cohort(of count: Int) throws -> CohortAnalysis {
    let attempts = try (1...count).map { number in
      try CohortFixture.attempt(
        "T\(number)",
        number.isMultiple(of: 2) ? [.choose(1), .choose(1)] : [.choose(3), .choose(2)],
        number: number)
    }
    return CohortAnalysis(cohort: "c", attempts: attempts)
  }

  @Test func smallCohortsSayTheirItemStatisticsAreIndicative() throws {
    let report = CohortReport(analysis: try CohortFixture.analysis())
    let note = "Indicative: 5 trainees; item statistics settle from about 15."
    #expect(report.text().contains(note))
    #expect(report.markdown().contains(note))
    #expect(report.html().contains(note))
    for text in [report.text(), report.markdown(), report.html()] {
      #expect(text.contains("Reliability of the decisions"))
      #expect(text.contains("Cronbach"))
      #expect(text.contains("0.7 or more is usually called acceptable"))
      #expect(text.contains("item–rest correlation"))
    }
    let json = report.json()
    #expect(json.contains("\"reliability\""))
    #expect(json.contains("\"itemRest\""))
    #expect(json.contains("\"indicative\" : true"))

    // Sixteen trainees: the note goes, D may flag on its own, α is not indicative.
    let large = CohortReport(analysis: try Self.cohort(of: 16))
    #expect(!large.text().contains("Indicative:"))
    #expect(!large.html().contains("Indicative:"))
    let scenario = try #require(large.analysis.scenarios.first)
    #expect(scenario.counted == 16)
    #expect(!scenario.indicative)
    #expect(!scenario.reliability.indicative)
    // Half took now/tell-staff (credits 1, 1), half never/skip (0, 0): at a, the eight
    // who took "now" are exactly those with rest 1, so r = 1; D = 1 too.
    let first = try #require(scenario.decisions.first)
    #expect(first.itemRest == 1)
    #expect(first.discrimination == 1)
    #expect(first.flag == .separates)
    #expect(large.text().contains("D +1.00; r +1.00 (n = 16)"))
    // Two items that agree perfectly: α = 2 × (1 − (4 + 4) / 16) = 1 (SS per item
    // 16 × .25 = 4; totals 0 or 2, SS 16 × 1 = 16).
    #expect(scenario.reliability.alpha == 1)
    #expect(
      large.text().contains("α 1.00 over 2 of 2 decisions (those every trainee met), 16 trainees"))
  }

  @Test func skewedScoresAreDescribedByMedianAndIQR() throws {
    var analysis = try CohortFixture.analysis()
    // 20 70 72 75 80: mean 63.4, median 72, Q1 70, Q3 75, SD ≈ 24.6: skewed.
    analysis.scenarios[0].overall = ScoreStatistics([20, 70, 72, 75, 80])
    analysis.scenarios[0].timeliness = ScoreStatistics([10, 20, 30, 40, 50])
    let report = CohortReport(analysis: analysis)
    let note = "Overall: median 72.0, IQR 70.0–75.0 (mean 63.4)"
    #expect(report.text().contains("  Skewed: read the median and the interquartile range"))
    #expect(report.text().contains("\n    " + note + "\n"))
    #expect(report.markdown().contains("- " + note))
    #expect(report.html().contains(note))
    #expect(!report.text().contains("Timeliness: median"))
    // The quartiles are in the tables.
    #expect(report.text().contains("Q1  MEDIAN    Q3"))
    #expect(report.markdown().contains("| score | mean | SD | min | Q1 | median | Q3 | max |"))
    // The histogram draws the box and says so; the bar is the median, in purple.
    let page = report.html()
    #expect(page.contains("median 72 · IQR 70–75"))
    #expect(page.contains("the line in it is the median, 72."))
    #expect(page.contains("Overall: median 72, interquartile range 70–75, mean 63 (skewed)"))
    #expect(page.contains("Timeliness: mean 30 ± 16"))
    #expect(page.contains("fill=\"\(SVGChart.median)\""))
    let plain = CohortReport(analysis: try CohortFixture.analysis()).html()
    #expect(!plain.contains("IQR 70–75"))
  }

  @Test func chartsDrawQuartilesOnlyWhenAsked() {
    let histogram = Histogram([20, 70, 72, 75, 80])
    let plain = SVGChart.histogram(histogram, passMark: 60, id: "h", title: "t")
    let boxed = SVGChart.histogram(
      histogram, passMark: 60, quartiles: (70, 72, 75), id: "h", title: "t")
    #expect(!plain.contains(SVGChart.median))
    #expect(boxed.contains(SVGChart.median))
    // The box runs from Q1 to Q3 on the score axis: x = 44 + 424 × score / 100.
    #expect(boxed.contains("<rect x=\"340.8\" y=\"8.0\" width=\"21.2\""))
    let bars = SVGChart.bars(
      [
        SVGChart.Bar(
          label: "a", value: 50, spread: 10, range: nil, note: "50 ± 10", description: "d"),
        SVGChart.Bar(
          label: "b", value: 72, spread: nil, range: (70, 75), note: "med 72", description: "d"),
      ], id: "b", title: "t")
    #expect(bars.components(separatedBy: "fill=\"\(SVGChart.median)\"").count == 2)
    #expect(bars.components(separatedBy: "fill=\"\(SVGChart.bar)\"").count == 2)
  }

  // MARK: - Text, Markdown, JSON

  @Test func textAndMarkdownNameWhatToDebriefFirst() throws {
    let report = CohortReport(analysis: try CohortFixture.analysis())
    let text = report.text()
    #expect(text.hasPrefix("Cohort report: spring <b>\n"))
    #expect(text.contains("7 sessions (6 finished, 1 active) · 6 trainees · 1 scenario"))
    #expect(text.contains("Debrief these first"))
    #expect(text.contains("Most common wrong turn"))
    #expect(!text.contains("\u{1B}"))
    let markdown = report.markdown()
    #expect(markdown.hasPrefix("# Cohort report: spring \\<b\\>\n"))
    #expect(markdown.contains("## Debrief these first"))
    #expect(markdown.contains("\\<script\\>"))
    #expect(!markdown.contains("<script>"))
  }

  @Test func jsonIsTheWholeReportAndReadsBack() throws {
    let analysis = try CohortFixture.analysis()
    let json = CohortReport(analysis: analysis).render(.json)
    let decoded = try JSONDecoder().decode(CohortAnalysis.self, from: Data(json.utf8))
    #expect(decoded == analysis)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    for key in ["cohort", "counts", "sessions", "trainees", "scenarios", "priorities"] {
      #expect(object[key] != nil, "\(key) missing")
    }
  }

  // MARK: - xAPI

  @Test func xapiStatementsFollowTheRules() throws {
    let attempts = try CohortFixture.attempts()
    let export = XAPIExport(
      cohort: .named("spring <b>", description: "Leeds"), homePage: "https://lms.example.org",
      baseIRI: "https://lms.example.org/sos")
    let statements = export.statements(for: attempts)
    // 6 finished sessions: answered per decision (+1 for Kim's statement), completed and
    // passed/failed; the active one: one answered.
    #expect(statements.count == 6 * 4 + 1 + 1)
    for statement in statements {
      #expect(statement.actor.account.homePage == "https://lms.example.org")
      #expect(!statement.actor.account.name.isEmpty)
      #expect(statement.verb.id.hasPrefix("http://adlnet.gov/expapi/verbs/"))
      #expect(statement.object.id.hasPrefix("https://lms.example.org/sos/cohort-test"))
      #expect(attempts.contains { $0.session == statement.context.registration })
      let grouping = try #require(statement.context.contextActivities?.grouping)
      #expect(grouping.map(\.id) == ["https://lms.example.org/sos/cohorts/spring%20%3Cb%3E"])
      #expect(grouping.first?.definition.name == ["en": "spring <b>"])
      #expect(grouping.first?.definition.description == ["en": "Leeds"])
      #expect(grouping.first?.objectType == "Activity")
      #expect(UUID(uuidString: statement.id) != nil)
      #expect(Array(statement.id)[14] == "5")
    }
    #expect(Set(statements.map(\.id)).count == statements.count)
    let completed = statements.filter { $0.verb.id.hasSuffix("/completed") }
    #expect(completed.count == 6)
    for statement in completed {
      let score = try #require(statement.result?.score)
      #expect((-1...1).contains(score.scaled))
      #expect(score.min == 0 && score.max == 100)
      #expect(abs(score.scaled * 100 - score.raw) < 0.01)
      #expect(statement.result?.completion == true)
      #expect(statement.result?.duration == "PT12.35S")
      #expect(statement.object.id == "https://lms.example.org/sos/cohort-test")
    }
    let passedOrFailed = statements.filter {
      $0.verb.id.hasSuffix("/passed") || $0.verb.id.hasSuffix("/failed")
    }
    #expect(passedOrFailed.count == 6)
    let kim = statements.filter { $0.context.registration == attempts[2].session }
    #expect(kim.count == 5)
    #expect(
      kim.prefix(4).map { $0.verb.display["en"] ?? "" }
        == ["answered", "answered", "answered", "completed"])
    // A decision: a choice interaction; the response is the option's id.
    #expect(kim[0].result?.response == "now")
    #expect(
      kim[0].result?.extensions?[XAPIExport.extensionBase + "offered"]
        == .string("now[,]later[,]never"))
    #expect(kim[0].object.id == "https://lms.example.org/sos/cohort-test/decisions/a")
    let first = kim[0].object.definition
    #expect(first.type == "http://adlnet.gov/expapi/activities/cmi.interaction")
    #expect(first.interactionType == "choice")
    #expect(first.name == ["en": "First & foremost"])
    #expect(first.choices?.map(\.id) == ["now", "later", "never"])
    #expect(first.choices?.first?.description == ["en": "Tell customers <now>"])
    #expect(first.correctResponsesPattern == ["now"])
    #expect(
      kim[0].context.contextActivities?.parent?.map(\.id) == [
        "https://lms.example.org/sos/cohort-test"
      ])
    // Kim took "post" at b, not the strongest ("tell-staff"): the pattern says so.
    #expect(kim[1].result?.response == "post")
    #expect(kim[1].object.definition.correctResponsesPattern == ["tell-staff"])
    #expect(kim[1].result?.success == false)
    #expect(kim[0].timestamp == "2025-03-01T09:03:01.000Z")
    #expect(kim[2].result?.response == "We are sorry.")
    #expect(kim[2].object.definition.interactionType == "long-fill-in")
    #expect(kim[2].timestamp == "2025-03-01T09:03:03.000Z")
    #expect(kim[3].timestamp == "2025-03-01T09:03:12.345Z")

    // Exporting again gives the same statements; JSON encodes every required key.
    #expect(export.statements(for: attempts) == statements)
    let json = export.json(for: attempts)
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    #expect(array.count == statements.count)
    #expect(!json.contains("\\/"))
  }

  @Test func isoDurations() {
    #expect(ISODuration.string(milliseconds: 0) == "PT0S")
    #expect(ISODuration.string(milliseconds: 5) == "PT0.01S")
    #expect(ISODuration.string(milliseconds: 750_500) == "PT12M30.5S")
    #expect(ISODuration.string(milliseconds: 3_723_450) == "PT1H2M3.45S")
    #expect(ISODuration.string(milliseconds: 3_600_000) == "PT1H")
    #expect(ISODuration.string(milliseconds: 61_000) == "PT1M1S")
    #expect(ISODuration.string(milliseconds: -5) == "PT0S")
  }

  @Test func sha1AndNameBasedUUIDsMatchPublishedVectors() throws {
    func hex(_ bytes: [UInt8]) -> String { SHA256.hex(bytes) }
    #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(
      hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
        == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    let dns = try #require(UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
    #expect(
      NameBasedUUID.make(namespace: dns, name: "python.org")
        == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
  }

  @Test func iriChecksAndSegments() {
    #expect(XAPIExport.isAbsoluteIRI("https://lms.example.org/sos/"))
    #expect(XAPIExport.isAbsoluteIRI("urn:example:sos"))
    #expect(!XAPIExport.isAbsoluteIRI("lms.example.org"))
    #expect(!XAPIExport.isAbsoluteIRI("https://a b"))
    #expect(!XAPIExport.isAbsoluteIRI("1http://x"))
    #expect(XAPIExport.segment("a b/é") == "a%20b%2F%C3%A9")
    let cohort = XAPIExport.Cohort.named("c", description: nil)
    #expect(XAPIExport(cohort: cohort, baseIRI: "https://x.org/s").baseIRI == "https://x.org/s/")
    #expect(
      XAPIExport(cohort: cohort, baseIRI: "https://x.org/s#").baseIRI == "https://x.org/s#")
  }
}
