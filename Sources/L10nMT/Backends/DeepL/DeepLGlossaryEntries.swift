import Crypto
import Foundation
import L10nCore

/// The entries of one DeepL glossary, made from the glossary terms of a batch
/// (``TranslationContext/terms``) so that DeepL accepts them, and the glossary's name: a content
/// hash, so the same entries for the same pair always give the same name and the glossary is
/// found again instead of created (and paid for) twice.
///
/// What becomes an entry: a `preferred` or `admitted` term maps to its first translation, a
/// `do-not-translate` term to itself; `forbidden` terms (they say what not to write, which a
/// DeepL glossary cannot) and terms without a translation are left out. Each side has its
/// whitespace runs, tabs, line breaks and control characters made one space and is trimmed; a
/// side that is then empty, or longer than DeepL's 1,024 UTF-8 bytes, drops the entry. A source
/// that comes again is left out (the first one wins, in the order given: the pipeline gives the
/// terms in the order the document has them). Entries are sorted by source (UTF-8 bytes), so the
/// TSV and the name do not depend on the order of the terms otherwise.
public struct DeepLGlossaryEntries: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var source: String
        public var target: String

        public init(source: String, target: String) {
            self.source = source
            self.target = target
        }
    }

    /// Sorted by source, sources unique, both sides clean.
    public let entries: [Entry]

    public init(_ terms: [GlossaryTerm]) {
        var seen = Set<String>(), entries: [Entry] = []
        for term in terms {
            guard let source = Self.clean(term.term) else { continue }
            let target: String?
            switch term.status {
            case "forbidden":
                target = nil
            case "do-not-translate":
                target = source
            default:
                target = term.translations.lazy.compactMap(Self.clean).first
            }
            guard let target, seen.insert(source).inserted else { continue }
            entries.append(Entry(source: source, target: target))
        }
        self.entries = entries.sorted { Array($0.source.utf8).lexicographicallyPrecedes(Array($1.source.utf8)) }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// DeepL's `tsv` entries: one `source<TAB>target` line per entry, lines joined by `\n`.
    public var tsv: String { entries.map { "\($0.source)\t\($0.target)" }.joined(separator: "\n") }

    /// The glossary's name: `l10n-` and 32 hex digits of the SHA-256 of the languages and the
    /// TSV (so the same entries between other languages are another glossary). Stable across
    /// runs, machines and versions of l10n that keep this format (`v1`).
    public func name(source: String, target: String) -> String {
        let digest = SHA256.hash(data: Data("l10n-glossary-v1\n\(source.lowercased())\n\(target.lowercased())\n\(tsv)".utf8))
        return Self.namePrefix + digest.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// What every glossary l10n creates is named with.
    public static let namePrefix = "l10n-"

    /// DeepL's limit for one side of an entry.
    public static let maxTermBytes = 1024

    /// One side of an entry as DeepL accepts it, or nil when nothing usable is left: C0 and C1
    /// control characters (tabs and line breaks among them), Unicode line and paragraph
    /// separators and whitespace runs become one space, the ends are trimmed.
    public static func clean(_ text: String) -> String? {
        var out = "", pendingSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
        }
        guard !out.isEmpty, out.utf8.count <= maxTermBytes else { return nil }
        return out
    }
}
