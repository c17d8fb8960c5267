import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nFormats

/// Shared helpers for the Markdown filter tests: reading, merging, re-rendering through cmark.
enum MarkdownTestSupport {
    static let filter = MarkdownFilter()

    /// Splits after ". " (a stand-in for ICU, enough to exercise multi-segment units).
    struct PeriodBreaker: SentenceBreaking {
        func sentenceBoundaries(in text: String) -> [Int] {
            let u = Array(text.utf16)
            var out: [Int] = []
            var i = 0
            while i + 1 < u.count {
                if u[i] == 0x2E, u[i + 1] == 0x20 { out.append(i + 2) }
                i += 1
            }
            out.append(u.count)
            return out
        }
    }

    static func document(_ markdown: String, file: String = "test.md", breaker: (any SentenceBreaking)? = nil) throws -> Document {
        let data = Data(markdown.utf8)
        let drafts = try filter.read(data, text: markdown, file: file)
        return try DocumentBuilder(breaker: breaker).build(original: file, format: MarkdownFilter.formatID, bytes: data,
                                                           sourceLanguage: "en", drafts: drafts)
    }

    static func merge(_ document: Document) throws -> String {
        String(decoding: try SkeletonMerger(escaper: filter.escaper).merge(document), as: UTF8.self)
    }

    /// Every segment written from its runs (through the escaper) instead of copied: segment ids
    /// are renamed so the merger no longer recognises the skeleton's partition.
    static func forcedRerender(_ document: Document, transform: ((String) -> String)? = nil) throws -> String {
        var copy = document
        for u in copy.units.indices {
            for s in copy.units[u].segments.indices {
                copy.units[u].segments[s].id += "-forced"
                if let transform, !copy.units[u].segments[s].isIgnorable {
                    copy.units[u].segments[s].target = copy.units[u].segments[s].source.mapText(transform)
                }
            }
        }
        return try merge(copy)
    }

    static func html(_ markdown: String) -> String { MarkdownSyntaxTree.html(Array(markdown.utf8)) }

    /// HTML with every whitespace run collapsed: soft breaks are re-written as spaces.
    static func normalizedHTML(_ markdown: String) -> String {
        var out = ""
        var inSpace = false
        for ch in html(markdown) {
            if ch.isWhitespace {
                if !inSpace { out.append(" ") }
                inSpace = true
            } else {
                out.append(ch)
                inSpace = false
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// The sequence of tag names in cmark's HTML: the document's structure without its text.
    static func tagStructure(_ markdown: String) -> [String] {
        let h = Array(html(markdown).utf8)
        var tags: [String] = []
        var i = 0
        while i < h.count {
            if h[i] == UInt8(ascii: "<") {
                var k = i + 1
                while k < h.count, h[k] == UInt8(ascii: "/") || h[k].isLetterOrDigit { k += 1 }
                if k > i + 1 { tags.append(String(decoding: h[i + 1..<k], as: UTF8.self)) }
                i = k
            } else {
                i += 1
            }
        }
        return tags
    }

    /// A visible, markup-free pseudo-translation: letters accented, case flipped to upper.
    static func pseudo(_ text: String) -> String {
        let map: [Character: Character] = ["a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "A": "Å", "E": "Ë", "O": "Ö"]
        return String(text.map { map[$0] ?? Character($0.uppercased().count == 1 ? $0.uppercased() : String($0)) })
    }

    static func fixture(_ name: String, _ ext: String, in folder: String = "markdown") throws -> Data {
        try FixtureFolder.local.data("\(folder)/\(name).\(ext)")
    }

    struct SpecExample: Decodable, Sendable {
        var markdown: String
        var html: String
        var example: Int
        var section: String
    }

    /// Runs `body` for every spec example; an error is recorded against its example and the
    /// loop goes on, so one failure does not hide the others. No examples (the fixture did not
    /// load) is a failure, not a silent pass.
    static func eachExample(_ body: (SpecExample) throws -> Void) rethrows {
        if specExamples.isEmpty { Issue.record("no CommonMark spec examples loaded from Fixtures/commonmark/spec-0.31.2.json") }
        for ex in specExamples {
            do { try body(ex) } catch { Issue.record("example \(ex.example): \(error)") }
        }
    }

    static let specExamples: [SpecExample] = {
        guard let data = try? fixture("spec-0.31.2", "json", in: "commonmark"),
              let examples = try? JSONDecoder().decode([SpecExample].self, from: data) else { return [] }
        return examples
    }()
}

extension UInt8 {
    fileprivate var isLetterOrDigit: Bool { (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) }
}
