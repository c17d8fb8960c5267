import Foundation

/// A BCP 47 language tag (`en-US`, `pt-BR`, `zh-Hans-CN`), checked for shape and written in its
/// canonical case. Only the syntax is checked: whether a language exists is ICU's business.
public struct LanguageTag: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String

    public init?(_ string: String) {
        let parts = string.replacingOccurrences(of: "_", with: "-").split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        var out = [first.lowercased()]
        for part in parts.dropFirst() {
            guard (1...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
            if part.count == 2, part.allSatisfy(\.isLetter) { out.append(part.uppercased()) }          // region
            else if part.count == 4, part.allSatisfy(\.isLetter) { out.append(part.prefix(1).uppercased() + part.dropFirst().lowercased()) }  // script
            else { out.append(part.lowercased()) }
        }
        rawValue = out.joined(separator: "-")
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
