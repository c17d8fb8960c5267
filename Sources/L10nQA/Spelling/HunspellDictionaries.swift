import Foundation
import L10nCore

/// Finds and caches the Hunspell dictionary for a language: `$L10N_HUNSPELL_PATH`, `$DICPATH`
/// (Hunspell's own variable), then Debian's `/usr/share/hunspell` and `/usr/share/myspell/dicts`.
/// `pt-BR` looks for `pt_BR`; a bare `fr` for `fr_FR`, then `fr`; `de-CH` falls back to
/// `de_DE` only when the region has no dictionary of its own.
public enum HunspellDictionaries {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: HunspellDictionary?] = [:]  // guarded by `lock`

    /// Folders searched, in order.
    public static var searchPath: [String] {
        let env = ProcessInfo.processInfo.environment
        var dirs: [String] = []
        for key in ["L10N_HUNSPELL_PATH", "DICPATH"] {
            if let value = env[key] { dirs += value.split(separator: ":").map(String.init) }
        }
        return dirs + ["/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"]
    }

    /// File names tried for `language`, best first.
    static func candidates(for language: LanguageTag) -> [String] {
        let parts = language.rawValue.split(separator: "-").map(String.init)
        guard let lang = parts.first?.lowercased() else { return [] }
        let region = parts.dropFirst().first { $0.count == 2 && $0.allSatisfy(\.isLetter) }?.uppercased()
        var names: [String] = []
        if let region { names.append("\(lang)_\(region)") }
        let defaults = ["de": "DE", "fr": "FR", "es": "ES", "pt": "PT", "en": "US", "it": "IT", "nl": "NL", "pl": "PL", "ru": "RU", "tr": "TR"]
        if let d = defaults[lang] { names.append("\(lang)_\(d)") }
        names.append(lang)
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// The dictionary for `language`, or nil when none is installed.
    public static func dictionary(for language: LanguageTag) -> HunspellDictionary? {
        let key = language.rawValue
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[key] { return cached }
        var found: HunspellDictionary?
        search: for name in candidates(for: language) {
            for dir in searchPath {
                if let d = HunspellDictionary(base: (dir as NSString).appendingPathComponent(name)) {
                    found = d
                    break search
                }
            }
        }
        cache[key] = found
        return found
    }
}
