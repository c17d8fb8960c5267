import Foundation

/// Finds dates in source copy and reads them as the source locale means them: `03/04/2026` is
/// 4 March in en-US (CLDR's `yMd` pattern there is `M/d/y`) and 3 April in en-GB.
///
/// Numeric dates need all three parts with one separator (`/` or `-`): two-part forms are
/// fractions, ratios or sizes (`1/2`, `24/7`, `50/60Hz`, `3/4`). Impossible dates (`13/45/2026`)
/// and ISO dates (`2026-03-04`, unambiguous everywhere) are not returned. Written-out dates use
/// the source locale's month and weekday names from CLDR, full, abbreviated (`Mar.`) or cut
/// after three letters or more (`Sept.`, `Tues.`).
struct SourceDateReader: Sendable {
    enum Field: Hashable, Sendable { case year, month, day }

    /// A date found in the text.
    struct Found: Hashable, Sendable {
        enum Form: Hashable, Sendable {
            /// `03/04/2026`.
            case numeric
            /// `March 4, 2026`, `4 March 2026`.
            case written
            /// `March 4`: no year.
            case monthDay
            /// `March 2026`: no day.
            case monthYear
        }

        var range: Range<String.Index>
        var form: Form
        var year: Int
        var month: Int
        var day: Int
        /// The weekday written before the date (1 = Sunday), when there is one.
        var weekday: Int?
    }

    let localeID: String
    /// The order of numeric dates (en-US: month, day, year).
    let order: [Field]
    private let months: [[String]]
    private let weekdays: [[String]]

    init(localeID: String) {
        self.localeID = localeID
        let locale = Locale(identifier: localeID)
        let pattern = DateFormatter.dateFormat(fromTemplate: "yMd", options: 0, locale: locale) ?? "M/d/y"
        var order: [Field] = []
        for letter in pattern {
            let field: Field? = switch letter {
            case "y": .year
            case "M", "L": .month
            case "d": .day
            default: nil
            }
            if let field, !order.contains(field) { order.append(field) }
        }
        self.order = order.count == 3 ? order : [.month, .day, .year]
        let formatter = DateFormatter()
        formatter.locale = locale
        func names(_ lists: [[String]]) -> [[String]] {
            (0..<(lists.map(\.count).min() ?? 0)).map { i in lists.map { $0[i].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) } }
        }
        months = names([formatter.monthSymbols, formatter.shortMonthSymbols, formatter.standaloneMonthSymbols])
        weekdays = names([formatter.weekdaySymbols, formatter.shortWeekdaySymbols])
    }

    /// Every date in `text`, in order, none overlapping.
    func dates(in text: String) -> [Found] {
        // Every form below holds an ASCII digit (`[0-9]`): most sentences are done here.
        guard text.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return [] }
        var found: [Found] = []
        func add(_ date: Found?) {
            guard let date, !found.contains(where: { $0.range.overlaps(date.range) }) else { return }
            found.append(date)
        }
        if text.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") }) {
            for hit in Self.numeric.scan(text) { add(numeric(hit)) }  // needs `/` or `-`
        }
        for hit in Self.monthFirst.scan(text) { add(written(hit, text: text)) }
        for hit in Self.dayFirst.scan(text) { add(written(hit, text: text)) }
        for hit in Self.monthAndYear.scan(text) { add(written(hit, text: text)) }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The month (1–12) a word names: a CLDR name or abbreviation, or three letters or more of a full name.
    func month(named word: some StringProtocol) -> Int? {
        Self.index(of: word, in: months)
    }

    /// The weekday (1 = Sunday) a word names, the same way.
    func weekday(named word: some StringProtocol) -> Int? {
        Self.index(of: word, in: weekdays)
    }

    private static func index(of word: some StringProtocol, in names: [[String]]) -> Int? {
        let key = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard key.count >= 3 else { return nil }
        for (i, forms) in names.enumerated() where forms.contains(key) || forms[0].hasPrefix(key) { return i + 1 }
        return nil
    }

    private func numeric(_ hit: RegexHit) -> Found? {
        guard let a = hit.group("a"), let b = hit.group("b"), let c = hit.group("c"), let separator = hit.group("sep") else { return nil }
        let parts = [a, b, c]
        if a.count == 4, separator == "-" { return nil }   // ISO 8601: the same in every market
        var year: Int?, month: Int?, day: Int?
        for (field, part) in zip(order, parts) {
            switch field {
            case .year:
                guard part.count == 4 || part.count == 2, let y = Int(part) else { return nil }
                // Two-digit years as POSIX strptime reads them: 69–99 → 19xx, 00–68 → 20xx.
                year = part.count == 4 ? y : (y >= 69 ? 1900 + y : 2000 + y)
            case .month:
                guard part.count <= 2 else { return nil }
                month = Int(part)
            case .day:
                guard part.count <= 2 else { return nil }
                day = Int(part)
            }
        }
        guard let year, let month, let day, MarketFormatter.day(year: year, month: month, day: day) != nil else { return nil }
        return Found(range: hit.range, form: .numeric, year: year, month: month, day: day)
    }

    private func written(_ hit: RegexHit, text: String) -> Found? {
        guard let monthWord = hit.group("m"), let month = month(named: monthWord) else { return nil }
        let day = hit.group("d").flatMap { Int($0) }
        let year = hit.group("y").flatMap { Int($0) }
        let form: Found.Form
        switch (day, year) {
        case (.some, .some): form = .written
        case (.some, nil): form = .monthDay
        case (nil, .some): form = .monthYear
        case (nil, nil): return nil
        }
        // A leap year stands in for a missing year, so "February 29" stays valid.
        guard MarketFormatter.day(year: year ?? 2000, month: month, day: day ?? 1) != nil else { return nil }
        var range = hit.range
        var weekday: Int?
        if let weekdayRange = hit.range("wd") {
            if form == .written, let w = self.weekday(named: text[weekdayRange]) {
                weekday = w
            } else if let start = [hit.range("m"), hit.range("d")].compactMap({ $0?.lowerBound }).min() {
                // Not a weekday ("Ships March 4"), or one that cannot be checked without a year.
                range = start..<range.upperBound
            }
        }
        return Found(range: range, form: form, year: year ?? 2000, month: month, day: day ?? 1, weekday: weekday)
    }

    private static let space = "[ \\u00A0]"
    private static let word = "\\p{Lu}\\p{L}{2,8}"
    private static let weekdayPrefix = "(?:(?<wd>\(word))\\.?,?\(space))?"
    private static let ordinal = "(?:st|nd|rd|th)?"
    private static let end = "(?![\\p{L}\\p{N}]|[.,/:-][0-9])"

    static let numeric = NSRegularExpression.compiled(
        "(?<![\\p{L}\\p{N}/.,:-])(?<a>[0-9]{1,4})(?<sep>[/-])(?<b>[0-9]{1,2})\\k<sep>(?<c>[0-9]{1,4})\(end)"
    )
    /// `March 4, 2026`, `Wednesday, March 4, 2026`, `Mar. 4th`, `March 4`.
    static let monthFirst = NSRegularExpression.compiled(
        "(?<![\\p{L}\\p{N}])\(weekdayPrefix)(?<m>\(word))\\.?\(space)(?<d>[0-9]{1,2})\(ordinal)(?:,?\(space)(?<y>[0-9]{4}))?\(end)"
    )
    /// `4 March 2026`, `Wednesday 4 March 2026`.
    static let dayFirst = NSRegularExpression.compiled(
        "(?<![\\p{L}\\p{N}])\(weekdayPrefix)(?<d>[0-9]{1,2})\(ordinal)\(space)(?:of\(space))?(?<m>\(word))\\.?,?\(space)(?<y>[0-9]{4})\(end)"
    )
    /// `March 2026`.
    static let monthAndYear = NSRegularExpression.compiled(
        "(?<![\\p{L}\\p{N}])(?<m>\(word))\\.?,?\(space)(?<y>[0-9]{4})\(end)"
    )
}
