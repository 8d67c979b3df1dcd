import Testing

@Suite struct PlaceholderEndToEnd { @Test func exists() {} }
