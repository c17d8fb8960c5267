import Foundation
import L10nTestSupport
import Testing
@testable import L10nText

/// Unicode's own sentence break test data (UAX #29 conformance) through the raw ICU layer.
@Suite struct UnicodeSentenceBreakTests {
    struct Case: CustomStringConvertible {
        var line: Int
        var text: String
        /// UTF-16 offsets of the ÷ marks, excluding 0.
        var expected: [Int]
        var source: String
        var description: String { "SentenceBreakTest.txt:\(line): \(source)" }
    }

    static func cases() throws -> [Case] {
        var out: [Case] = []
        for (index, raw) in try FixtureFolder.local.text("unicode/SentenceBreakTest.txt").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let body = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces)
            guard !body.isEmpty else { continue }
            var text = String.UnicodeScalarView()
            var expected: [Int] = []
            var utf16 = 0
            for token in body.split(separator: " ") {
                switch token {
                case "÷": if utf16 > 0 { expected.append(utf16) }
                case "×": break
                default:
                    let scalar = try #require(UInt32(token, radix: 16).flatMap(Unicode.Scalar.init), "bad code point \(token) on line \(index + 1)")
                    text.append(scalar)
                    utf16 += scalar.utf16.count
                }
            }
            out.append(Case(line: index + 1, text: String(text), expected: expected, source: body))
        }
        return out
    }

    @Test func fileHasAllItsCases() throws {
        // The 14.0.0 file holds 502 test lines; a parsing slip would silently test fewer.
        #expect(try Self.cases().count == 502)
    }

    @Test func everyLineMatchesICU() throws {
        let breaker = ICUSentenceBreaker(locale: "root")
        var failures: [String] = []
        for c in try Self.cases() {
            let actual = breaker.sentenceBoundaries(in: c.text)
            if actual != c.expected { failures.append("\(c): expected \(c.expected), ICU gave \(actual)") }
        }
        #expect(failures.isEmpty, "\(failures.count) lines differ:\n\(failures.prefix(20).joined(separator: "\n"))")
    }
}
