import Foundation
import L10nCore
import L10nFormats
import L10nTestSupport
import Testing

/// Translatable attributes inside sentences travel as subflows: units of their own, referenced
/// from the code of their tag (XLIFF 2 `subFlows`; XLIFF 1.2 separate trans-units), valid
/// against the schemas and the processing rules, read back with their place in the skeleton.
@Suite struct XLIFFSubflowTests {
    static let pages = ["camping-lantern-glowtrek-400.html", "tent-stakes-ridgegrip-aluminum.md"]

    static func document(_ page: String) throws -> Document {
        let data = try Data(contentsOf: PackagePaths.corpora.appendingPathComponent(page))
        let html = page.hasSuffix(".html")
        let text = try TextInput.decodeUTF8(data, file: page)
        let drafts = html ? try HTMLFilter().read(data, text: text, file: page) : try MarkdownFilter().read(data, text: text, file: page)
        return try DocumentBuilder().build(original: page, format: html ? HTMLFilter.formatID : MarkdownFilter.formatID, bytes: data,
                                           sourceLanguage: "en-US", targetLanguage: "de-DE", drafts: drafts)
    }

    /// Every segment translated: text upper-cased and wrapped in brackets, codes kept.
    static func translated(_ document: Document) -> Document {
        document.mappingTargets { _, segment in
            Content([.text("[")] + segment.source.runs.map { run in
                if case .text(let t) = run { return .text(t.uppercased()) }
                return run
            } + [.text("]")])
        }
    }

    @Test(arguments: XLIFFVersion.allCases, pages)
    func subflowsAreValidAndReadBack(version: XLIFFVersion, page: String) throws {
        let document = Self.translated(try Self.document(page))
        let subflows = document.skeleton.spans.filter { $0.parent != nil }
        #expect(subflows.count >= 6, "\(page) has titled links and images")
        let xml = try XLIFFWriter(version: version).write([document])
        #expect(try SchemaValidator.errors(xml, version: version) == [])
        let result = XLIFFValidator().validate(xml, file: "\(page).xlf")
        #expect(result.isValid, "\(result.errors.map(\.message))")
        if version != .v1_2 {
            // Each subflow is named by the code that holds it, and by nothing else.
            let text = String(decoding: xml, as: UTF8.self)
            for span in subflows {
                #expect(text.contains("subFlows=\"\(span.unit)\"") || text.contains(" \(span.unit)\"") || text.contains("\"\(span.unit) "),
                        "\(span.unit) is not referenced")
            }
        }
        let read = try #require(try XLIFFReader().read(xml, file: "t.xlf").first)
        #expect(read.skeleton.spans == document.skeleton.spans)
        let escaper = page.hasSuffix(".html") ? HTMLFilter().escaper : MarkdownFilter().escaper
        let merged = try SkeletonMerger(escaper: escaper).merge(read)
        #expect(merged == (try SkeletonMerger(escaper: escaper).merge(document)))
    }

    @Test func attributeTranslationsGoBackIntoTheirTagsWhereverTheTagMoved() throws {
        var document = try Self.document("camping-lantern-glowtrek-400.html")
        // The paragraph with the titled link: move the link to the front of its sentence.
        let u = try #require(document.units.firstIndex { $0.source.plainText.hasPrefix("Bright enough") })
        let link = try #require(document.skeleton.spans.first { $0.parent?.unit == document.units[u].id })
        let s = try #require(document.units[u].segments.firstIndex { $0.source.plainText.contains("charges your phone") })
        let runs = document.units[u].segments[s].source.runs
        let open = try #require(runs.firstIndex { if case .code(let c) = $0 { c.kind == .open && c.type == .link } else { false } })
        let close = try #require(runs.firstIndex { if case .code(let c) = $0 { c.kind == .close && c.type == .link } else { false } })
        document.units[u].segments[s].target = Content(Array(runs[open...close]) + [.text(" — Licht für jeden Abend.")])
        let t = try #require(document.units.firstIndex { $0.id == link.unit })
        document.units[t].segments[0].target = "So funktioniert die Powerbank \"Pro\" & mehr"
        let html = String(decoding: try SkeletonMerger(escaper: HTMLFilter().escaper).merge(document), as: UTF8.self)
        #expect(html.contains(##"<a href="#power-bank" title="So funktioniert die Powerbank &quot;Pro&quot; &amp; mehr">charges your phone</a> — Licht für jeden Abend."##))
    }
}
