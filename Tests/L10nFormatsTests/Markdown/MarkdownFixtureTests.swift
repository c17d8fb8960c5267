import Foundation
import L10nCore
import Testing
@testable import L10nFormats

/// Fixtures named for the case they prove, with the exact segments and codes they must give.
@Suite("Markdown fixtures")
struct MarkdownFixtureTests {
    typealias Support = MarkdownTestSupport

    /// A unit as one line: `type|name: ` then runs, codes as `{+data}` (open), `{-data}` (close),
    /// `{data}` (standalone); segments joined by ` ‖ `, ignorables shown as `⟨…⟩`.
    static func describe(_ unit: TextUnit) -> String {
        var s = "\(unit.type ?? "-")|\(unit.name ?? "-"): "
        var parts: [String] = []
        for segment in unit.segments {
            var p = ""
            for run in segment.source.runs {
                switch run {
                case .text(let t): p += t
                case .code(let c): p += "{" + (c.kind == .open ? "+" : c.kind == .close ? "-" : "") + c.data + "}"
                }
            }
            parts.append(segment.isIgnorable ? "⟨\(p)⟩" : p)
        }
        s += parts.joined(separator: " ‖ ")
        return s
    }

    static func units(_ name: String, breaker: (any SentenceBreaking)? = nil) throws -> (Document, [String], Data) {
        let data = try Support.fixture(name, "md")
        let doc = try Support.document(String(decoding: data, as: UTF8.self), file: "\(name).md", breaker: breaker)
        #expect(try SkeletonMerger(escaper: MarkdownEscaper()).merge(doc) == data, "\(name) round trip")
        return (doc, doc.units.map(describe), data)
    }

    /// The unit's first translatable segment with `target` set, merged.
    static func translate(_ doc: Document, _ targets: [String: Content]) throws -> String {
        var copy = doc
        for u in copy.units.indices {
            for s in copy.units[u].segments.indices where !copy.units[u].segments[s].isIgnorable {
                if let t = targets["\(copy.units[u].id)/\(copy.units[u].segments[s].id)"] { copy.units[u].segments[s].target = t }
            }
        }
        return try Support.merge(copy)
    }

    static func codes(_ unit: TextUnit) -> [InlineCode] { unit.segments.flatMap(\.source.codes) }

    @Test func hardLineBreakCRLF() throws {
        let (doc, lines, _) = try Self.units("hard-line-break_crlf")
        #expect(lines == ["md:paragraph|-: Line one{  \r\n}line two{\\\r\n}line three"])
        let breaks = Self.codes(doc.units[0])
        #expect(breaks.map(\.subType) == ["xlf:lb", "xlf:lb"])
        #expect(breaks.allSatisfy { $0.equiv == "\n" && $0.kind == .standalone && $0.type == .fmt })
        // A translation keeps each break's exact bytes (CRLF included) and starts no block.
        let out = try Self.translate(doc, ["u1/s1": Content([.text("Ligne un"), .code(breaks[0]), .text("- ligne deux"), .code(breaks[1]), .text("ligne trois")])])
        #expect(out == "Ligne un  \r\n\\- ligne deux\\\r\nligne trois\r\n")
    }

    @Test func setextHeading() throws {
        let (doc, lines, _) = try Self.units("setext-heading")
        #expect(lines == ["md:heading|h1: Setext {+*}title{-*} over two lines", "md:heading|h2: Second level"])
        // The soft break is a space whose bytes are the line ending; the underline stays skeleton.
        let out = try Self.translate(doc, ["u1/s1": Content([.text("Titre "), .code(Self.codes(doc.units[0])[0]), .text("setext"), .code(Self.codes(doc.units[0])[1]), .text(" sur une ligne")])])
        #expect(out == "Titre *setext* sur une ligne\n===\n\nSecond level\n---\n")
        #expect(Support.tagStructure(out) == ["h1", "em", "/em", "/h1", "h2", "/h2"])
    }

    @Test func tableWithPipes() throws {
        let (doc, lines, _) = try Self.units("table-with-pipes")
        // The `a\|b` cell holds only a code span, so it has nothing to translate.
        #expect(lines == ["md:table-cell|th: Name", "md:table-cell|th: Pipe | inside", "md:table-cell|td: {+**}bold{-**} cell"])
        let out = try Self.translate(doc, ["u2/s1": "Tube | dedans", "u1/s1": "Nom"])
        #expect(out == "| Nom | Tube \\| dedans |\n|------|:-----:|\n| `a\\|b` | **bold** cell |\n")
        #expect(Support.tagStructure(out) == Support.tagStructure(String(decoding: try Support.fixture("table-with-pipes", "md"), as: UTF8.self)))
    }

    @Test func referenceLinks() throws {
        let (doc, lines, _) = try Self.units("reference-links")
        // The definition is skeleton; shortcut and collapsed references spell their label out,
        // so a translated link text still finds its definition.
        #expect(lines == ["md:paragraph|-: Read {+[}the docs{-][docs]}, the {+[}docs{-][docs]} or {+[}docs{-][docs]}."])
        let out = try Support.forcedRerender(doc, transform: Support.pseudo)
        #expect(out == "[docs]: https://example.com/docs \"Docs home\"\n\nRéáD [THé DóCS][docs], THé [DóCS][docs] óR [DóCS][docs].\n")
        #expect(Support.tagStructure(out) == ["p", "a", "/a", "a", "/a", "a", "/a", "/p"])
    }

    @Test func frontMatter() throws {
        let (doc, lines, _) = try Self.units("front-matter")
        #expect(lines == ["md:front-matter|title: Getting started", "md:front-matter-dq|description: Install \"l10n\" in minutes",
                          "md:front-matter-sq|subtitle: It's easy", "md:heading|h1: Welcome"])
        let out = try Self.translate(doc, ["u1/s1": "Premiers pas: installation", "u2/s1": "Installer \"l10n\" en C:\\", "u3/s1": "C'est facile"])
        #expect(out == "---\ntitle: \"Premiers pas: installation\"\ndescription: \"Installer \\\"l10n\\\" en C:\\\\\"\nsubtitle: 'C''est facile'\nlayout: page\ntags: [a, b]\n---\n# Welcome\n")
    }

    /// A folded block scalar (`description: >-`, the usual way to write a long meta description)
    /// is one unit, its lines joined as YAML folds them, written back as one line of its block;
    /// so is a plain scalar that goes on over indented lines (written back on the key's line).
    /// Values whose line breaks mean something (literal `|`, a blank line, a more-indented line)
    /// or whose lines a plain scalar could not hold stay in the skeleton.
    @Test func foldedBlockScalarsInFrontMatter() throws {
        let (doc, lines, _) = try Self.units("front-matter-blocks")
        #expect(lines == ["md:front-matter|title: Pump", "md:front-matter-folded|description: Cast-iron jet pump for homes, cabins and farms.",
                          "md:front-matter-folded|caption: One line caption.", "md:front-matter|teaser: A plain value that goes on.",
                          "md:heading|h1: Welcome"])
        let out = try Self.translate(doc, ["u2/s1": "  Bomba injetora de ferro fundido para casas,\nsítios e fazendas.", "u3/s1": "Legenda: # um",
                                           "u4/s1": "Um valor: simples"])
        #expect(out.hasPrefix("---\ntitle: Pump\ndescription: >-\n  Bomba injetora de ferro fundido para casas, sítios e fazendas.\nsummary: >\n"))
        #expect(out.contains("\ncaption: >+   # kept lines\n  Legenda: # um\nteaser: \"Um valor: simples\"\ntagline: Plain\n"))
        #expect(out.hasSuffix("label: Before blank\n\n  after blank\n---\n# Welcome\n"))
    }

    @Test func linkTitle() throws {
        let (doc, lines, _) = try Self.units("link-title")
        // Each title is a unit of its own, nested in the code that closes its link or image.
        #expect(lines == ["md:paragraph|-: See {+[}the guide{-](https://x.test/guide \"Guide title\")} and {+![}a diagram{-](img.png 'Diagram')}.",
                          "md:link-title|link@title: Guide title", "md:link-title-sq|image@title: Diagram"])
        #expect(doc.skeleton.spans[1].parent?.unit == "u1" && doc.skeleton.spans[2].parent?.unit == "u1")
        #expect(Self.codes(doc.units[0]).map(\.canDelete) == [false, false, false, false])
        // Title text escapes only its own delimiter.
        let out = try Support.forcedRerender(doc) { $0 == "Guide title" ? "Le \"guide\"" : $0 == "Diagram" ? "L'schéma" : $0 }
        #expect(out == "See [the guide](https://x.test/guide \"Le \\\"guide\\\"\") and ![a diagram](img.png 'L\\'schéma').\n")
        #expect(Support.html(out).contains("title=\"Le &quot;guide&quot;\""))
    }

    @Test func blockquoteLazyContinuation() throws {
        let (doc, lines, data) = try Self.units("blockquote-lazy-continuation")
        #expect(lines == ["md:blockquote|-: Quoted text that continues lazily and", "md:list-item|-: a list item continued here"])
        // The soft break inside the list item covers the next line's `>   ` prefix.
        guard case .text(let t, let r, false)? = try Support.filter.read(data, text: "", file: "x").last?.pieces[1] else {
            Issue.record("expected a soft break piece"); return
        }
        #expect(t == " ")
        #expect(String(decoding: data[r], as: UTF8.self) == "\n>   ")
    }

    @Test func entitiesAndEscapes() throws {
        let (doc, lines, _) = try Self.units("entities-and-escapes")
        #expect(lines == ["md:paragraph|-: Fish & chips *not emphasis* © 2024 with {`code`} and {<span class=\"x\">}html{</span>}."])
        let code = Self.codes(doc.units[0]).first { $0.subType == "l10n:code" }
        #expect(code?.equiv == "code" && code?.canDelete == false && code?.isProtectedText == true)
        let out = try Support.forcedRerender(doc)
        #expect(out == "Fish & chips \\*not emphasis\\* © 2024 with `code` and <span class=\"x\">html</span>.\n")
        #expect(Support.normalizedHTML(out) == Support.normalizedHTML(String(decoding: try Support.fixture("entities-and-escapes", "md"), as: UTF8.self)))
    }

    @Test func htmlAndCodeBlocksStayInTheSkeleton() throws {
        let (_, lines, _) = try Self.units("html-and-code-blocks")
        #expect(lines == ["md:paragraph|-: After the blocks."])
    }

    @Test func taskListAndAutolinks() throws {
        let (doc, lines, _) = try Self.units("task-list-and-autolinks")
        #expect(lines == ["md:list-item|-: Write the {+*}filter{-*}", "md:list-item|-: Test it {+~~}twice{-~~}",
                          "md:paragraph|-: Visit {www.example.com} or {<https://example.com>}."])
        let urls = Self.codes(doc.units[2])
        #expect(urls.map(\.subType) == ["l10n:url", "l10n:url"])
        #expect(urls.map(\.equiv) == ["www.example.com", "https://example.com"])
        #expect(urls.allSatisfy { !$0.canDelete })
    }

    @Test func sentenceSegmentsKeepTheirCodes() throws {
        let doc = try Support.document("First *one*. Second [two](u).\n", breaker: Support.PeriodBreaker())
        #expect(doc.units.map(Self.describe) == ["md:paragraph|-: First {+*}one{-*}. ‖ ⟨ ⟩ ‖ Second {+[}two{-](u)}."])
    }

    @Test func deepNestingIsRefusedWithALocation() throws {
        let text = String(repeating: "> ", count: 400) + "deep\n"
        #expect(throws: FormatError.self) { try Support.document(text) }
    }
}
