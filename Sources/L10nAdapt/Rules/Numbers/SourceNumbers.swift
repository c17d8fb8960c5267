import Foundation
import L10nCore

/// What the source language's locale says about writing numbers.
enum SourceNumbers {
    /// Whether the source writes "," for thousands and "." for decimals, as the number,
    /// currency and date rules read it (en-US, en-GB, en-IN, ja, zh…). A rule reading
    /// "1.500" as one-and-a-half in German copy would do harm, so the rules stand down.
    static func readsUSNumbers(_ language: LanguageTag) -> Bool {
        let locale = Locale(identifier: language.icuLocale)
        return locale.decimalSeparator == "." && locale.groupingSeparator == ","
    }
}
