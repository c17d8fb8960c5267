import Foundation
import L10nPipeline
import L10nTestSupport
import L10nXML
import Testing
@testable import L10nFormats

/// Every corpus page translated by an engine that reorders words and tags as far as valid nesting
/// allows: the localized page — merged directly and through its XLIFF — must parse to the same
/// element tree as the source (same elements, same attributes, in the same places). Before
/// attributes were subflows, a moved `<a title="…">` dragged text into its title and left a stray
/// `">` in the page.
@Suite struct ReorderedTranslationTests {
    @Test func reorderingKeepsTheShapeOfTheCodes() {
        let open = InlineCode(kind: .open, id: "1", data: "<b>"), close = InlineCode(kind: .close, id: "1", data: "</b>")
        let x = InlineCode(kind: .standalone, id: "2", data: "<br>")
        let reversed = Reordering.reversed(Content([.text("Buy "), .code(open), .text("the pump"), .code(close), .text(" now"), .code(x)]))
        #expect(reversed == Content([.code(x), .text(" now "), .code(open), .text("pump the"), .code(close), .text(" Buy")]))
    }

    @Test(.timeLimit(.minutes(5)), arguments: Corpus.pages())
    func everyPageKeepsItsElementTree(page: String) async throws {
        let url = PackagePaths.corpora.appendingPathComponent(page)
        let source = try Data(contentsOf: url)
        let localizer = Localizer(Localizer.Configuration(backend: ReorderingBackend()))
        let result = try await localizer.localize(SourceDocument(bytes: source, name: page), markets: ["de"])
        let de = try #require(result.results.first)
        #expect(de.targetOrigins.origins["mt:reorder"] == de.document.segmentCount, "every segment went through the engine")
        let localized = try #require(de.outputs.document)
        #expect(localized != source)
        let expected = try Self.elementTree(source, page: page)
        let actual = try Self.elementTree(localized, page: page)
        #expect(actual == expected, "\(page): merged page; only in the source: \(Self.difference(expected, actual)); only in the translation: \(Self.difference(actual, expected))")
        let xliff = try #require(de.outputs.xliff)
        let merged = try #require(try localizer.merge(xliff: xliff, name: page).first)
        #expect(merged.bytes == localized, "\(page): merge from the XLIFF")
    }

    /// The page's elements as libxml2's HTML parser sees them (Markdown rendered to HTML by
    /// cmark-gfm first): each element with its attribute names and its child elements, siblings
    /// sorted, since a translation may reorder them but must not add, drop or re-nest any.
    static func elementTree(_ data: Data, page: String) throws -> String {
        let html = page.hasSuffix(".md") ? Data(MarkdownSyntaxTree.html(Array(data)).utf8) : data
        let collector = ElementCollector()
        try html.withUnsafeBytes { raw in
            try HTMLSAXDriver.parse(raw.bindMemory(to: UInt8.self), file: page, handler: collector)
        }
        while collector.stack.count > 1 { collector.close() }
        return collector.stack[0].children.sorted().joined(separator: "\n")
    }

    /// The top-level subtrees of `a` that are not in `b`, for the failure message.
    static func difference(_ a: String, _ b: String) -> [String] {
        let bs = Set(b.split(separator: "\n"))
        return a.split(separator: "\n").filter { !bs.contains($0) }.map(String.init)
    }

    final class ElementCollector: HTMLEventHandler {
        struct Open {
            var tag: String
            var children: [String] = []
        }
        var stack = [Open(tag: "")]

        func close() {
            let done = stack.removeLast()
            stack[stack.count - 1].children.append(done.tag + "(" + done.children.sorted().joined(separator: ",") + ")")
        }

        func startElement(_ name: UnsafePointer<UInt8>, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, position: Int?) -> Bool {
            var names: [String] = []
            if var p = attributes {
                while let attribute = p.pointee {
                    names.append(String(cString: attribute))
                    p += 2
                }
            }
            stack.append(Open(tag: "<" + ([String(cString: name)] + names.sorted()).joined(separator: " ") + ">"))
            return true
        }

        func endElement(_ name: UnsafePointer<UInt8>, position: Int?) { if stack.count > 1 { close() } }
        func characters(position: Int?) {}
        func markup(opener: (UInt8, UInt8), position: Int?) {}
    }
}
