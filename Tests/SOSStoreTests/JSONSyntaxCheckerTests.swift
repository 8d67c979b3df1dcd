import Testing

@testable import SOSStore

@Suite struct JSONSyntaxCheckerTests {
  @Test(arguments: [
    "{}", "[]", "0", "-0.5e+10", "\"\\u00e9\\n\"", "{\"a\": [1, true, false, null, {\"b\": []}]}",
    "\u{FEFF}{}", " \n\t{ \"é\" : \"ü\" } \r\n",
  ])
  func acceptsValidJSON(text: String) {
    #expect(JSONSyntaxChecker.firstError(in: Array(text.utf8)) == nil)
  }

  @Test(arguments: [
    ("", 0), ("{", 1), ("[1,]", 3), ("01", 0), ("1.", 0), ("tru", 0), ("{\"a\" 1}", 5),
    ("\"\\x\"", 1), ("\"\\u12\"", 1), ("[1 2]", 3), ("{\"a\":1,}", 7), ("nul", 0),
  ])
  func findsTheOffsetOfTheFirstError(text: String, offset: Int) {
    #expect(JSONSyntaxChecker.firstError(in: Array(text.utf8))?.offset == offset)
  }

  @Test func aKeyTwiceInOneObjectIsAnError() {
    let text = "{\"a\": {\"b\": 1, \"c\": {\"b\": 2}}, \"b\": 3, \"a\": 4}"
    #expect(
      JSONSyntaxChecker.firstError(in: Array(text.utf8))
        == JSONSyntaxChecker.Failure(
          offset: 39, reason: "the key \"a\" appears twice in one object"))
    // The same key in different objects, or in objects inside an array, is fine.
    let fine = "[{\"a\": 1}, {\"a\": 2}, {\"x\": {\"a\": 3}, \"a\": {}}]"
    #expect(JSONSyntaxChecker.firstError(in: Array(fine.utf8)) == nil)
  }

  @Test func invalidUTF8InAStringIsFound() {
    let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
    #expect(
      JSONSyntaxChecker.firstError(in: bytes)
        == JSONSyntaxChecker.Failure(offset: 2, reason: "invalid UTF-8 in a string"))
  }

  @Test func columnsCountUnicodeScalars() {
    let bytes = Array("{\n  \"é\": x".utf8)
    let offset = bytes.count - 1
    #expect(JSONSyntaxChecker.lineAndColumn(ofByte: offset, in: bytes) == (2, 8))
  }
}
