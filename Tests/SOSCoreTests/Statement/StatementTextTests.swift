import Testing

@testable import SOSCore

@Suite struct StatementTextTests {
  // MARK: - Syllables

  /// Each count follows DOMAIN.md's heuristic by hand (groups of one or two vowels after
  /// dropping -es/-ed/silent -e and a leading y), which is not always the spoken count.
  @Test(arguments: [
    ("the", 1), ("cat", 1), ("you", 1), ("your", 1), ("hour", 1), ("data", 2),
    ("sorry", 2), ("people", 2), ("table", 2), ("tables", 2), ("update", 2),
    ("password", 2), ("helpline", 2), ("breach", 1), ("makes", 1), ("changed", 1),
    ("created", 1), ("exposed", 2), ("customers", 3), ("yesterday", 3), ("every", 3),
    ("safety", 3), ("frustrating", 3), ("worrying", 2), ("queue", 2), ("beautiful", 4),
    ("apologise", 4), ("apologize", 4), ("responsible", 4), ("information", 4),
    ("investigating", 5), ("immediately", 5), ("don't", 1), ("5pm", 1), ("24", 1),
    ("10,000", 1), ("e.g.", 1),
  ])
  func syllables(word: String, expected: Int) {
    #expect(SyllableCounter.count(word) == expected)
  }

  @Test func hyphenatedWordIsOneWordWithSummedSyllables() {
    let readability = Readability(StatementDocument("A follow-up email."))
    #expect(readability.words == 3)
    // a (1) + follow (2: "o", "o") + up (1) + email (2: "e", "ai") = 6
    #expect(readability.syllables == 6)
  }

  // MARK: - Readability

  @Test func readabilityOfOneSyllableWords() {
    // "The cat sat on the mat. It was fat." 9 words, 2 sentences, 9 syllables.
    // FRE = 206.835 − 1.015 × 4.5 − 84.6 × 1 = 206.835 − 4.5675 − 84.6 = 117.6675 → 117.7
    // FKGL = 0.39 × 4.5 + 11.8 × 1 − 15.59 = 1.755 + 11.8 − 15.59 = −2.035 → −2.0
    let readability = Readability(StatementDocument("The cat sat on the mat. It was fat."))
    #expect(readability.words == 9)
    #expect(readability.sentences == 2)
    #expect(readability.syllables == 9)
    #expect(readability.fre == 117.7)
    #expect(readability.fkgl == -2.0)
  }

  @Test func readabilityOfAnApology() {
    // "We are sorry. Your data was exposed yesterday."
    // we 1, are 1, sorry 2 | your 1, data 2, was 1, exposed 2, yesterday 3
    // 8 words, 2 sentences, 13 syllables: 4 words per sentence, 1.625 syllables per word.
    // FRE = 206.835 − 1.015 × 4 − 84.6 × 1.625 = 206.835 − 4.06 − 137.475 = 65.3
    // FKGL = 0.39 × 4 + 11.8 × 1.625 − 15.59 = 1.56 + 19.175 − 15.59 = 5.145 → 5.1
    let readability = Readability(
      StatementDocument("We are sorry. Your data was exposed yesterday."))
    #expect(readability.words == 8)
    #expect(readability.sentences == 2)
    #expect(readability.syllables == 13)
    #expect(readability.fre == 65.3)
    #expect(readability.fkgl == 5.1)
  }

  @Test func readabilityLeavesOutPhoneNumbers() {
    // "Please call our helpline on 0800 123 4567. We will update you by 5pm."
    // please 1, call 1, our 1, helpline 2, on 1 (the phone number is not prose)
    // we 1, will 1, update 2, you 1, by 1, 5pm 1
    // 11 words, 2 sentences, 13 syllables: 5.5 words per sentence, 13/11 per word.
    // FRE = 206.835 − 1.015 × 5.5 − 84.6 × 1.181818… = 206.835 − 5.5825 − 99.981818… = 101.27 → 101.3
    // FKGL = 0.39 × 5.5 + 11.8 × 1.181818… − 15.59 = 2.145 + 13.945454… − 15.59 = 0.50045… → 0.5
    let readability = Readability(
      StatementDocument("Please call our helpline on 0800 123 4567. We will update you by 5pm."))
    #expect(readability.words == 11)
    #expect(readability.sentences == 2)
    #expect(readability.syllables == 13)
    #expect(readability.fre == 101.3)
    #expect(readability.fkgl == 0.5)
  }

  @Test func noWordsGiveZeroFigures() {
    let readability = Readability(StatementDocument(" … !!! 😀 "))
    #expect(readability == Readability(words: 0, sentences: 0, syllables: 0))
    #expect(readability.fre == 0 && readability.fkgl == 0)
  }

  // MARK: - Sentences

  static func sentences(_ text: String) -> [String] {
    let document = StatementDocument(text)
    return document.sentences.map { document.text(sentence: $0) }
  }

  @Test func splitsOnTerminatorsAndKeepsAbbreviations() {
    #expect(
      Self.sentences("We are sorry. It stopped at 5 p.m. We will update you by 9 a.m. tomorrow.")
        == ["We are sorry", "It stopped at 5 p.m.", "We will update you by 9 a.m. tomorrow"])
    #expect(
      Self.sentences("Customers, e.g. those in Leeds, are affected. Call Mr. Smith.")
        == ["Customers, e.g. those in Leeds, are affected", "Call Mr. Smith"])
    #expect(Self.sentences("Is it fixed? Yes! Not yet...") == ["Is it fixed", "Yes", "Not yet"])
  }

  @Test func decimalsLinksAddressesAndPhonesDoNotSplit() {
    #expect(
      Self.sentences("Prices rose 3.5% today. Visit www.northwind.example/help. Thanks")
        == ["Prices rose 3.5% today", "Visit www.northwind.example/help", "Thanks"])
    #expect(
      Self.sentences("Email help@northwind.co.uk or call 0800 123 4567. See northwind.com.")
        == ["Email help@northwind.co.uk or call 0800 123 4567", "See northwind.com"])
    #expect(Self.sentences("It is 10,000.5 units.") == ["It is 10,000.5 units"])
  }

  @Test func lineBreaksBetweenNonEmptyLinesSplit() {
    #expect(
      Self.sentences("Update\nWe are sorry\n\n\nNext update at 5pm")
        == ["Update", "We are sorry", "Next update at 5pm"])
    #expect(
      Self.sentences("What to do:\n1. Change your password\n2) Call us\n- Stay calm")
        == ["What to do", "Change your password", "Call us", "Stay calm"])
  }

  @Test func missingSpaceAfterDotStillSplits() {
    #expect(Self.sentences("We are sorry.We fixed it") == ["We are sorry", "We fixed it"])
  }

  @Test func emptyAndPunctuationOnlyTextHaveNoSentences() {
    #expect(Self.sentences("").isEmpty)
    #expect(Self.sentences("   \n\t ").isEmpty)
    #expect(Self.sentences("?!... --- ,,,").isEmpty)
  }

  // MARK: - Tokens

  @Test func tokensKeepRangesAndFoldCase() {
    let document = StatementDocument("We’re SORRY — truly.")
    let texts = document.tokens.map(\.text)
    #expect(texts == ["We’re", "SORRY", "truly"])
    #expect(document.tokens.map(\.folded) == ["we're", "sorry", "truly"])
    #expect(document.tokens[1].range == 6..<11)
    #expect(document.words.map(\.folded) == ["we", "are", "sorry", "truly"])
  }

  @Test func recognisesLinksAddressesHandlesAndPhones() {
    let document = StatementDocument(
      "DM @NorthwindHelp, email care@northwind.example, see https://n.example/x?a=1 "
        + "or call +44 (0)20 7946 0000.")
    let kinds = document.tokens.filter { $0.kind != .word }.map { "\($0.kind):\($0.text)" }
    #expect(
      kinds == [
        "handle:@NorthwindHelp", "email:care@northwind.example", "url:https://n.example/x?a=1",
        "phone:+44 (0)20 7946 0000",
      ])
  }

  // MARK: - Stemming

  @Test func apologyFamilyShareAStem() {
    let forms = [
      "apologise", "apologize", "apologies", "apology", "apologising", "apologizing",
      "apologised", "apologized", "apologises",
    ]
    #expect(Set(forms.map(WordStemmer.stem)) == ["apolog"])
  }

  @Test(arguments: [
    ["worry", "worried", "worrying", "worries"], ["change", "changed", "changing", "changes"],
    ["customer", "customers", "customer's"], ["stop", "stopped", "stopping", "stops"],
    ["use", "used", "using", "uses"], ["call", "called", "calling", "calls"],
    ["agree", "agreed", "agrees"], ["supply", "supplies", "supplied"],
    ["investigate", "investigating", "investigated"], ["expose", "exposed", "exposes"],
  ])
  func inflectionsShareAStem(forms: [String]) {
    let folded = forms.map { StatementDocument.expand(StatementTokenizer.fold($0))[0] }
    #expect(Set(folded.map(WordStemmer.stem)).count == 1, "\(folded.map(WordStemmer.stem))")
  }

  @Test func shortAndForeignWordsAreLeftAlone() {
    #expect(WordStemmer.stem("was") == "was")
    #expect(WordStemmer.stem("this") == "this")
    #expect(WordStemmer.stem("café") == "café")
  }

  @Test func contractionsAreSpeltOut() {
    #expect(StatementDocument.expand("we're") == ["we", "are"])
    #expect(StatementDocument.expand("don't") == ["do", "not"])
    #expect(StatementDocument.expand("won't") == ["will", "not"])
    #expect(StatementDocument.expand("customer's") == ["customer"])
  }

  // MARK: - Lexicon

  @Test func everyLexiconPatternIsWellFormed() {
    for set in StatementLexicon.allSets {
      for pattern in set.patterns {
        #expect(pattern.unknownClasses.isEmpty, "\(pattern.source)")
        #expect(!pattern.steps.isEmpty, "\(pattern.source)")
        #expect(pattern.steps.contains { !$0.optional }, "\(pattern.source)")
      }
    }
  }

  @Test func multiWordPhrasesMatchOnTokenSequences() {
    let set = PatternSet(["sorry for any", "we take full? responsibility", "^ =check"])
    let document = StatementDocument(
      "Sorry, for any delay. We take responsibility; check your account. We checked it.")
    let found = set.matches(in: document.words).map { document.text(words: $0.words) }
    #expect(found == ["Sorry, for any", "We take responsibility", "check"])
  }
}
