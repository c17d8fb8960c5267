import Foundation

/// A number as US copy writes it: "," groups thousands, "." marks decimals (`1,299.00`).
///
/// Kept exact (`Decimal`) and with its written precision, so reformatting keeps `$49` whole and
/// `3.50` at two decimals.
struct USNumber: Hashable, Sendable {
    var value: Decimal
    /// Digits after the decimal point as written.
    var fractionDigits: Int
    /// Written with thousands separators.
    var isGrouped: Bool

    /// The regular-expression fragment that finds candidates; ``init(_:)`` checks them.
    static let pattern = "(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?"

    /// Nil unless `text` is a well-formed US number: ASCII digits, groups of exactly three
    /// after the first, at most one decimal point with digits after it.
    init?<S: StringProtocol>(_ text: S) {
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty, groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard first.count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        var digits = groups.joined()
        fractionDigits = 0
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            digits += "." + parts[1]
            fractionDigits = parts[1].count
        }
        guard let value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self.value = value
        isGrouped = groups.count > 1
    }
}
