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

    /// `number` reads back what `string` writes (up to 18 digits), and nothing else.
    @Test func numbersReadBackFromIds() {
        for n in Array(0...1_100) + [9_999, 10_000, 123_456_789, 999_999_999_999_999_999] {
            #expect(DecimalID.number(DecimalID.string(n, after: UInt8(ascii: "u")), after: UInt8(ascii: "u")) == n)
        }
        for id in ["u", "u01", "u00", "s1", "1", "u1a", "u-1", "u 1", "", "u1234567890123456789"] {
            #expect(DecimalID.number(id, after: UInt8(ascii: "u")) == nil, "\(id)")
        }
    }
}
