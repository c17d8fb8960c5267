/// A test helper could not find what the test needs; the message names the path it looked at,
/// so a failure says what is missing instead of failing later on empty input.
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
