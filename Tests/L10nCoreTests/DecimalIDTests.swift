@testable import L10nCore
import Testing

@Suite struct DecimalIDTests {
    /// The ids must read as interpolation writes them: readers compare them with ids in files.
    @Test func idsAreTheNumbersInDecimal() {
        var numbers = Array(0...1_100)
        numbers += [9_999, 10_000, 123_456_789, Int.max]
        for n in numbers {
            #expect(DecimalID.string(n) == "\(n)")
            #expect(DecimalID.string(n, after: UInt8(ascii: "u")) == "u\(n)")
        }
    }
}
