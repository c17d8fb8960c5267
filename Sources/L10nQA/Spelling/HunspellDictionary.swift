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
        // Dictionaries spell words precomposed (NFC); a decomposed "Für" is the same word.
        let word = word.precomposedStringWithCanonicalMapping
        guard let bytes = utf8 ? Array(word.utf8) : word.data(using: .isoLatin1).map(Array.init) else { return true }
        return lock.withLock {
            (bytes + [0]).withUnsafeBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { Hunspell_spell(handle, $0) != 0 }
            }
        }
    }
}
