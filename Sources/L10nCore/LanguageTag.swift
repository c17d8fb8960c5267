import Foundation

/// A BCP 47 language tag (`en-US`, `pt-BR`, `zh-Hans-CN`), checked for shape and written in its
/// canonical case. Only the syntax is checked: whether a language exists is ICU's business.
public struct LanguageTag: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String

    public init?(_ string: String) {
        // On bytes: a tag is ASCII, so any other byte makes it no tag, and the canonical form is
        // built in place (Foundation's string replacing and splitting cost ~30k instructions a
        // tag, which a TMX import paid three times per unit).
        var string = string
        guard let raw = string.withUTF8({ Self.canonical($0) }) else { return nil }
        rawValue = raw
    }

    /// The canonical form of `bytes` split at `-` and `_`, or nil when it is not a tag: the first
    /// subtag 2–8 letters (lowercased), the rest 1–8 letters or digits each (2 letters: a region,
    /// uppercased; 4 letters: a script, title case; else lowercased).
    private static func canonical(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        let count = bytes.count
        guard count >= 2 else { return nil }
        return String(unsafeUninitializedCapacity: count) { out in
            var start = 0, first = true
            while start <= count {
                var end = start
                var letters = true
                while end < count, bytes[end] != 0x2D, bytes[end] != 0x5F {
                    let b = bytes[end]
                    if !isLetter(b) {
                        guard !first, isDigit(b) else { return 0 }
                        letters = false
                    }
                    end += 1
                }
                let length = end - start
                guard (first ? 2 : 1)...8 ~= length else { return 0 }
                for i in start..<end {
                    let b = bytes[i]
                    let upper = !first && letters && (length == 2 || (length == 4 && i == start))
                    out[i] = isLetter(b) ? (upper ? b & ~0x20 : b | 0x20) : b
                }
                if end < count { out[end] = 0x2D }
                first = false
                start = end + 1
            }
            return count
        }.nilIfEmpty
    }

    /// The primary language subtag (`pt` for `pt-BR`).
    public var language: String { String(rawValue.split(separator: "-")[0]) }

    /// The region subtag, when there is one (`BR` for `pt-BR`).
    public var region: String? {
        rawValue.split(separator: "-").dropFirst().first(where: { (part: Substring) in part.count == 2 || (part.count == 3 && part.allSatisfy(\.isNumber)) }).map(String.init)
    }

    /// The ICU/POSIX form (`pt_BR`).
    public var icuLocale: String { rawValue.replacingOccurrences(of: "-", with: "_") }

    public var description: String { rawValue }

    public static func < (a: LanguageTag, b: LanguageTag) -> Bool { a.rawValue < b.rawValue }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
