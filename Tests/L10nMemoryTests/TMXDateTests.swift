import Foundation
@testable import L10nMemory
import L10nTestSupport
import Testing

/// TMX dates are counted by day arithmetic, not a `Calendar`: the same moments as Foundation's
/// Gregorian calendar in UTC, and strict about dates that do not exist.
@Suite struct TMXDateTests {
    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    @Test func theSameMomentsAsFoundationsCalendar() throws {
        var random = SplitMix64(seed: 20261203)
        // 1600–2400: leap centuries both ways, dates before 1970.
        for _ in 0..<5_000 {
            let seconds = Int64.random(in: -11_676_096_000...13_569_465_599, using: &random)
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let c = Self.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            #expect(TMXDate.format(date) == expected)
            #expect(TMXDate.parse(expected) == date, "\(expected)")
        }
        #expect(TMXDate.format(Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
        #expect(TMXDate.parse("20240229T235959Z") == Self.calendar.date(from: DateComponents(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)))
        #expect(TMXDate.format(Date(timeIntervalSince1970: -0.5)) == "19691231T235959Z", "a fraction before a second belongs to that second")
    }

    @Test(arguments: ["20230229T120000Z", "19000229T000000Z", "20261301T000000Z", "20260431T000000Z", "20260100T000000Z",
                      "20260101T240000Z", "20260101T006000Z", "2026-01-01T00:00:00Z", "20260101T000000", "2026010lT000000Z", ""])
    func stringsThatNameNoMomentAreNoDate(text: String) {
        #expect(TMXDate.parse(text) == nil)
    }
}
