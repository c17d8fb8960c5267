import CHunspell
import Foundation

/// One Hunspell dictionary (`.aff` + `.dic`), as Debian's `hunspell-*` packages install them.
///
/// A Hunspell handle is not safe to use from two threads at once, so calls go through a lock;
/// dictionaries are loaded once per process and shared (``HunspellDictionaries``).
public final class HunspellDictionary: @unchecked Sendable {
    // @unchecked: `handle` is only used while holding `lock`.
    private let handle: OpaquePointer
    private let lock = NSLock()
    /// The dictionary's declared encoding is UTF-8 (else ISO-8859-1, the other one in use).
    private let utf8: Bool
    public let path: String

    /// Loads `<base>.aff` and `<base>.dic`; nil when either is missing or Hunspell refuses them.
    public init?(base: String) {
        let aff = base + ".aff", dic = base + ".dic"
        guard FileManager.default.isReadableFile(atPath: aff), FileManager.default.isReadableFile(atPath: dic),
              let handle = Hunspell_create(aff, dic) else { return nil }
        self.handle = handle
        self.path = base
        let encoding = Hunspell_get_dic_encoding(handle).map { String(cString: $0) }?.uppercased() ?? "UTF-8"
        utf8 = encoding == "UTF-8" || encoding == "UTF8"
    }

    deinit { Hunspell_destroy(handle) }

    /// Whether the dictionary knows `word` (in any of its forms). A word the dictionary's
    /// encoding cannot spell is reported as known: it cannot be judged.
    public func knows(_ word: String) -> Bool {
        withEncoded(word) { Hunspell_spell(handle, $0) != 0 } ?? true
    }

    /// The dictionary forms `word` is an inflection of, as the dictionary's affix rules derive them
    /// (`Akkus` → `Akku`, `carcaças` → `carcaça`, `baterías` → `batería`); empty for a word the
    /// dictionary does not know (many German compounds) or cannot spell. A stem may be the word
    /// itself, and a derived word may stem to its base (`baterias` → `bater` in pt_BR).
    public func stems(of word: String) -> [String] {
        withEncoded(word) { word in
            var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
            let count = Hunspell_stem(handle, &list, word)
            defer { Hunspell_free_list(handle, &list, count) }
            guard count > 0, let list else { return [] }
            return (0..<Int(count)).compactMap { list[$0].flatMap(decode) }
        } ?? []
    }

    /// Runs `body` under the lock with `word` in the dictionary's encoding (NFC: dictionaries
    /// spell words precomposed, so a decomposed "Für" is the same word); nil when the encoding
    /// cannot spell it.
    private func withEncoded<T>(_ word: String, _ body: (UnsafePointer<CChar>) -> T) -> T? {
        let word = word.precomposedStringWithCanonicalMapping
        guard let bytes = utf8 ? Array(word.utf8) : word.data(using: .isoLatin1).map(Array.init) else { return nil }
        return lock.withLock {
            (bytes + [0]).withUnsafeBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { body($0) }
            }
        }
    }

    /// A word Hunspell returned, in the dictionary's encoding.
    private func decode(_ cString: UnsafeMutablePointer<CChar>) -> String? {
        utf8 ? String(validatingCString: cString)
            : String(data: Data(bytes: cString, count: strlen(cString)), encoding: .isoLatin1)
    }
}
