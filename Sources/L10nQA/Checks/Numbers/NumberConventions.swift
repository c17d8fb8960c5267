import Foundation
import L10nCore

/// How a language writes numbers: its decimal mark and its grouping marks (CLDR, through
/// Foundation's ICU-backed `Locale`). Lets the number check read "1,500" as fifteen hundred in
/// English and "1,5" as one and a half in German, so a figure is compared by what it says.
struct NumberConventions: Hashable, Sendable {
    var decimal: Unicode.Scalar
    var grouping: Set<Unicode.Scalar>

    init(decimal: Unicode.Scalar, grouping: Set<Unicode.Scalar>) {
        self.decimal = decimal
        self.grouping = grouping
    }

    /// `language`'s conventions; a space-like grouping mark stands for both no-break spaces
    /// (writers use either).
    static func of(_ language: LanguageTag) -> NumberConventions {
        cache.withLock { known in
            if let c = known[language.rawValue] { return c }
            let locale = Locale(identifier: language.icuLocale)
            let decimal = locale.decimalSeparator?.unicodeScalars.first ?? "."
            var grouping = Set((locale.groupingSeparator ?? ",").unicodeScalars.prefix(1))
            if !grouping.isDisjoint(with: ["\u{00A0}", "\u{202F}", " "]) { grouping.formUnion(["\u{00A0}", "\u{202F}"]) }
            grouping.remove(decimal)
            let c = NumberConventions(decimal: decimal, grouping: grouping)
            known[language.rawValue] = c
            return c
        }
    }

    private static let cache = LockedCache()

    /// The number's digits with "." before its fraction ("1500", "1.5", "129.90"), read under these
    /// conventions; nil when it cannot be written this way: a mark the language does not use, a
    /// group of other than three digits, or two decimal marks.
    func value(of number: String) -> String? {
        var integer = "", fraction: String?
        var grouped = false
        var run = 0  // digits since the last mark
        for scalar in number.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                if fraction == nil { integer.unicodeScalars.append(scalar); run += 1 } else { fraction!.unicodeScalars.append(scalar) }
            } else if scalar == decimal, fraction == nil {
                guard !grouped || run == 3 else { return nil }
                fraction = ""
            } else if grouping.contains(scalar), fraction == nil {
                guard grouped ? run == 3 : (1...3).contains(run) else { return nil }
                (grouped, run) = (true, 0)
            } else {
                return nil
            }
        }
        if grouped, fraction == nil, run != 3 { return nil }
        return fraction.map { integer + "." + $0 } ?? integer
    }

    /// `number` as written under `other`, rewritten with these marks ("1,500.5" → "1.500,5").
    func rewriting(_ number: String, from other: NumberConventions) -> String {
        let group = grouping.contains("\u{202F}") && grouping.count > 1 ? Unicode.Scalar(0x202F)! : grouping.first ?? ","
        var out = String.UnicodeScalarView()
        for scalar in number.unicodeScalars {
            if scalar == other.decimal { out.append(decimal) } else if other.grouping.contains(scalar) { out.append(group) } else { out.append(scalar) }
        }
        return String(out)
    }
}

/// The conventions met so far, by language tag (a few per run).
private final class LockedCache: @unchecked Sendable {
    // @unchecked: `known` is only touched while holding `lock`.
    private let lock = NSLock()
    private var known: [String: NumberConventions] = [:]

    func withLock<T>(_ body: (inout [String: NumberConventions]) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&known)
    }
}
