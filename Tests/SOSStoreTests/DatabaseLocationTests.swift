import SOSStore
import Testing

@Suite struct DatabaseLocationTests {
  @Test func optionWinsOverEnvironment() {
    let path = DatabaseLocation.path(
      option: "/tmp/x.sqlite", environment: ["SOS_DB": "/tmp/y.sqlite"])
    #expect(path == "/tmp/x.sqlite")
  }

  @Test func environmentThenXDG() {
    #expect(DatabaseLocation.path(option: nil, environment: ["SOS_DB": "/a.sqlite"]) == "/a.sqlite")
    #expect(
      DatabaseLocation.path(option: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"])
        == "/d/sos/sos.sqlite")
    #expect(
      DatabaseLocation.path(option: nil, environment: ["HOME": "/h"])
        == "/h/.local/share/sos/sos.sqlite")
  }
}
