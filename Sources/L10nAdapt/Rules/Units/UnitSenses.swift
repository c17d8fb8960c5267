import Foundation
import Yams

/// Units whose symbol names two quantities ("oz": mass or, beside a container, the US fluid
/// ounce), and the cue words that pick the other reading, from `Resources/Units/senses.yaml`.
/// The cues work like a convention's (``Conventions/afterPattern(_:gap:)``): words after the
/// quantity or a label before it, in the same clause.
struct UnitSenses: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and safe to share across threads.
    struct Entry: Decodable {
        var unit: String
        var reads: String
        var rationale: String
        var source: String
        var after: [String]?
        var before: [String]?
        var gap: Int?
        var within: Int?
    }

    private struct File: Decodable { var entries: [Entry] }

    private let entries: [(entry: Entry, spelling: Int, after: NSRegularExpression?, before: NSRegularExpression?)]

    /// The bundled senses; none if the build lost the file (a test checks they load).
    static let bundled: UnitSenses = {
        guard let folder = Bundle.module.url(forResource: "Units", withExtension: nil),
              let text = try? String(contentsOf: folder.appendingPathComponent("senses.yaml"), encoding: .utf8),
              let file = try? YAMLDecoder(encoding: .utf8).decode(File.self, from: text) else { return UnitSenses(entries: []) }
        return UnitSenses(entries: file.entries)
    }()

    init(entries: [Entry]) {
        self.entries = entries.compactMap { e in
            guard let spelling = UnitLexicon.spellings.firstIndex(where: { $0.unit == e.reads }) else { return nil }
            let after = e.after.flatMap { try? NSRegularExpression(pattern: Conventions.afterPattern($0, gap: e.gap ?? 2), options: .caseInsensitive) }
            let before = e.before.flatMap { try? NSRegularExpression(pattern: Conventions.beforePattern($0, within: e.within ?? 20), options: .caseInsensitive) }
            return (e, spelling, after, before)
        }
    }

    var count: Int { entries.count }

    /// `e` read in the other unit when a cue around it says so ("64 oz pitcher" is fluid ounces).
    func resolved(_ e: QuantityExpression, in text: NSString) -> QuantityExpression {
        guard let sense = entries.first(where: { $0.entry.unit == e.unitID }) else { return e }
        let cued = sense.after.map { Conventions.occurs($0, in: Conventions.window(text, from: NSMaxRange(e.range), length: 60)) } == true
            || sense.before.map { Conventions.occurs($0, in: Conventions.window(text, upTo: e.range.location, length: 40)) } == true
        guard cued else { return e }
        var resolved = e
        resolved.atoms[resolved.atoms.count - 1].spelling = sense.spelling
        return resolved
    }
}
