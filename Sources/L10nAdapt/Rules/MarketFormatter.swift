import Foundation

/// Writes figures the way a market's locale does, from CLDR data through Foundation's ICU, so no
/// rule carries its own table of separators, symbols or month names.
///
/// Two choices apply to every market:
/// - **Latin digits** (`@numbers=latn`). CLDR's default for `ar_SA` is Arabic-Indic digits
///   (`١٬٥٠٠`), but Gulf e-commerce sites, spec sheets and price tags use Latin digits, and copy
///   that mixes scripts inside one spec line is hard to check. A locale that names its own
///   numbering system keeps it.
/// - **The Gregorian calendar** (`@calendar=gregorian`). `ar_SA` defaults to the Umm al-Qura
///   calendar; a launch or warranty date must not silently become another calendar's date.
///
/// Bidi controls CLDR puts around Arabic figures (U+200E, U+200F, U+061C) are dropped: they are
/// invisible, break search and number QA, and the page's own `dir` gives the direction.
struct MarketFormatter: Sendable {
    /// The locale as the market names it (`pt_BR`).
    let localeID: String
    /// The locale used for formatting, with the keywords above.
    let locale: Locale

    init(localeID: String) {
        self.localeID = localeID
        var keywords: [String] = []
        if !localeID.contains("numbers=") { keywords.append("numbers=latn") }
        if !localeID.contains("calendar=") { keywords.append("calendar=gregorian") }
        let separator = localeID.contains("@") ? ";" : "@"
        self.locale = Locale(identifier: keywords.isEmpty ? localeID : localeID + separator + keywords.joined(separator: ";"))
    }

    /// `value` with exactly `fractionDigits` decimals and the locale's grouping (CLDR's minimum
    /// grouping digits included: `es` writes 1500 but 12.000).
    func number(_ value: Decimal, fractionDigits: Int) -> String {
        Self.clean(value.formatted(Decimal.FormatStyle(locale: locale).precision(.fractionLength(fractionDigits))))
    }

    /// `value` percent (95.5 → "95,5 %" in `fr`), with the locale's sign and spacing.
    func percent(_ value: Decimal, fractionDigits: Int) -> String {
        let style = Decimal.FormatStyle.Percent(locale: locale).precision(.fractionLength(fractionDigits))
        return Self.clean((value / 100).formatted(style))
    }

    /// An amount of currency `code`: with `fractionDigits` decimals, or the currency's own CLDR
    /// digits (JPY 0, BRL 2) when nil. Rounds half away from zero, as prices are rounded.
    func currency(_ value: Decimal, code: String, fractionDigits: Int?) -> String {
        var style = Decimal.FormatStyle.Currency(code: code, locale: locale).rounded(rule: .toNearestOrAwayFromZero)
        if let fractionDigits { style = style.precision(.fractionLength(fractionDigits)) }
        return Self.clean(value.formatted(style))
    }

    /// The decimals CLDR gives `code` (JPY and KRW 0, most 2, BHD 3).
    static func currencyDigits(_ code: String) -> Int {
        // Formatting zero in the root-like POSIX locale writes every minor digit after ".".
        let zero = Decimal(0).formatted(Decimal.FormatStyle.Currency(code: code, locale: Locale(identifier: "en_US_POSIX")))
        guard let dot = zero.lastIndex(of: ".") else { return 0 }
        return zero[zero.index(after: dot)...].prefix(while: { $0 == "0" }).count
    }

    /// `date` written with an ICU pattern (`dd/MM/yyyy`) in the market's locale. Bidi marks the
    /// pattern itself asks for (`dd\u{200F}/MM\u{200F}/yyyy`) are the market's choice and stay.
    func date(_ date: Date, pattern: String) -> String {
        let written = format(date, key: pattern) { $0.dateFormat = pattern }
        return pattern.unicodeScalars.contains(where: { Self.bidiControls.contains($0) }) ? written : Self.clean(written)
    }

    /// `date` written with the locale's best pattern for a CLDR skeleton (`MMMMd` → `d 'de' MMMM`).
    func date(_ date: Date, template: String) -> String {
        Self.clean(self.date(date, pattern: Self.pattern(for: template, locale: locale)))
    }

    /// The locale's best pattern for `template`, worked out once per locale and template: ICU
    /// builds a pattern generator for the locale each time it is asked (≈ 10 M instructions).
    private static func pattern(for template: String, locale: Locale) -> String {
        patterns.value(for: locale.identifier + "\u{0}" + template) {
            DateFormatter.dateFormat(fromTemplate: template, options: 0, locale: locale) ?? template
        }
    }

    private static let patterns = TextMemo<String>()

    /// `date` in the locale's full style, weekday included.
    func fullDate(_ date: Date) -> String {
        Self.clean(format(date, key: "\u{0}full") {
            $0.dateStyle = .full
            $0.timeStyle = .none
        })
    }

    /// Noon UTC on a Gregorian calendar day, so no time zone can move it to another day.
    static func day(year: Int, month: Int, day: Int) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let components = DateComponents(year: year, month: month, day: day, hour: 12)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }   // 2/30 rolls over: invalid
        return date
    }

    /// 1 = Sunday … 7 = Saturday, as `DateFormatter.weekdaySymbols` is ordered.
    static func weekday(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar.component(.weekday, from: date)
    }

    /// `date` written by this locale's formatter for `key`, made by `setUp` the first time: making
    /// a `DateFormatter` and giving it a pattern builds an ICU formatter (≈ 5 M instructions),
    /// for every date of every page. Used under the lock (ICU's formatters are not to be shared
    /// between threads unguarded).
    private func format(_ date: Date, key: String, setUp: (DateFormatter) -> Void) -> String {
        let key = locale.identifier + "\u{0}" + key
        Self.formatterLock.lock()
        defer { Self.formatterLock.unlock() }
        let formatter: DateFormatter
        if let made = Self.formatters[key] {
            formatter = made
        } else {
            formatter = makeDateFormatter()
            setUp(formatter)
            Self.formatters[key] = formatter
        }
        return formatter.string(from: date)
    }

    private static let formatterLock = NSLock()
    nonisolated(unsafe) private static var formatters: [String: DateFormatter] = [:]  // guarded by `formatterLock`

    private func makeDateFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = locale
        var calendar = Calendar(identifier: .gregorian)
        calendar.locale = locale
        formatter.calendar = calendar
        formatter.timeZone = Self.utc
        return formatter
    }

    private static let utc = TimeZone(identifier: "UTC")!

    /// Drops the invisible bidi controls CLDR adds to Arabic figures.
    static func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { bidiControls.contains($0) }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.filter { !bidiControls.contains($0) }))
    }

    private static let bidiControls: Set<Unicode.Scalar> = ["\u{200E}", "\u{200F}", "\u{061C}"]
}
