import Foundation
import Yams

/// English words spelt differently between variants in one sense only (en-US "tire" and "curb"
/// are en-GB "tyre" and "kerb" for the wheel and the pavement, but "tire" and "curb" as verbs),
/// read from `Resources/Spelling/en-sense-variants.yaml`. A word is respelt only when a cue word
/// right before or after it marks the sense ("the tires", "curb weight"): without a cue it
/// stays, because "does not tyre" costs more than a missed "tyre".
struct SenseSpellings: Sendable {
    struct Entry: Decodable, Sendable {
        /// The en-US word (its plural in `s` is handled too).
        var us: String
        /// The spelling per variant column (`gb`, `au`) in the sense the cues mark.
        var variants: [String: String]
        var sense: String
        var before: [String]
        var after: [String]
    }

    private struct File: Decodable { var entries: [Entry] }

    let entries: [Entry]

    /// The bundled list, read on first use; empty if the build lost it (a test checks it loads).
    static let bundled: SenseSpellings = {
        guard let folder = Bundle.module.url(forResource: "Spelling", withExtension: nil),
              let text = try? String(contentsOf: folder.appendingPathComponent("en-sense-variants.yaml"), encoding: .utf8),
              let file = try? YAMLDecoder(encoding: .utf8).decode(File.self, from: text)
        else { return SenseSpellings(entries: []) }
        return SenseSpellings(entries: file.entries)
    }()

    /// `word` (lower case, the en-US spelling or its plural) respelt for `target` when the word
    /// before or after it (lower case, nil at the text's edge) marks the sense; nil otherwise.
    func convert(_ word: String, before: String?, after: String?, to target: SpellingVariants.Variant) -> (spelling: String, sense: String)? {
        for e in entries {
            guard let respelt = e.variants[Self.column(target)] else { continue }
            let plural = word == e.us + "s"
            guard word == e.us || plural else { continue }
            guard before.map(e.before.contains) == true || after.map(e.after.contains) == true else { return nil }
            return (plural ? respelt + "s" : respelt, e.sense)
        }
        return nil
    }

    private static func column(_ v: SpellingVariants.Variant) -> String {
        switch v {
        case .us: "us"
        case .gb: "gb"
        case .ca: "ca"
        case .au: "au"
        }
    }
}
