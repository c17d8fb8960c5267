import Foundation

/// TMX dates: ISO 8601 basic format in UTC, `YYYYMMDDThhmmssZ`. Counted with the proleptic
/// Gregorian calendar's day arithmetic (Hinnant's `days_from_civil`), not a `Calendar`: an import
/// reads two dates per unit, and making a calendar for each cost more than the rest of the unit.
enum TMXDate {
    /// The date, or nil when `s` is not that format or names no real moment (month 13, 31 April).
    static func parse(_ s: String) -> Date? {
        var s = s
        return s.withUTF8 { parse($0) }
    }

    private static func parse(_ d: UnsafeBufferPointer<UInt8>) -> Date? {
        guard d.count == 16, d[8] == UInt8(ascii: "T"), d[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let digit = Int(d[i]) - 48
                guard (0...9).contains(digit) else { return nil }
                n = n * 10 + digit
            }
            return n
        }
        guard let y = number(0..<4), let mo = number(4..<6), let day = number(6..<8),
              let h = number(9..<11), let mi = number(11..<13), let sec = number(13..<15),
              (1...12).contains(mo), day >= 1, day <= daysIn(month: mo, year: y), h < 24, mi < 60, sec < 60 else { return nil }
        let seconds = daysFromCivil(year: y, month: mo, day: day) * 86_400 + h * 3_600 + mi * 60 + sec
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let time = seconds - days * 86_400
        let (y, m, d) = civilFromDays(days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = y < 0 ? "0000" : y < 10 ? "000\(y)" : y < 100 ? "00\(y)" : y < 1000 ? "0\(y)" : "\(y)"
        return year + two(m) + two(d) + "T" + two(time / 3_600) + two(time / 60 % 60) + two(time % 60) + "Z"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
