import Foundation
import L10nPipeline
import L10nTestSupport
import Testing

/// `XLIFFReader(detail: .merging)`, what `merge` reads with (XLIFF 2 and 1.2): a unit nobody translated whose
/// segments are the skeleton's comes back as its segments' ids alone (merge copies it from the
/// original bytes). Whatever the XLIFF holds, merging what it reads must give what merging the
/// full read gives.
@Suite struct MergingReadTests {
    static let merger = DocumentMerger(formats: .builtIn)

    /// Every other unit translated (its text upper-cased, codes kept), the first unit with more
    /// than one segment joined into one untranslated segment (as a CAT tool joins segments), the
    /// rest untranslated.
    static func partlyTranslated(_ document: Document) -> Document {
        var document = document
        var joined = false
        for u in document.units.indices {
            if !joined, document.units[u].segments.count > 1 {
                document.units[u].segments = [Segment(id: "s1", source: document.units[u].source)]
                joined = true
            } else if u % 2 == 0 {
                for s in document.units[u].segments.indices where !document.units[u].segments[s].isIgnorable {
                    let source = document.units[u].segments[s].source
                    document.units[u].segments[s].target = Content(source.runs.map { run in
                        if case .text(let t) = run { return .text(t.uppercased()) }
                        return run
                    })
                    document.units[u].segments[s].state = .translated
                }
            }
        }
        return document
    }

    @Test func mergingWhatItReadsGivesTheFullReadsMerge() throws {
        let pages = Corpus.pages()
        #expect(pages.count >= 16)
        let localizer = Localizer()
        for page in pages {
            let source = SourceDocument(bytes: try Data(contentsOf: Corpus.url(page)), name: page)
            let extracted = try localizer.extract(source, targetLanguage: LanguageTag("de-DE"))
            let variants = [("untranslated", extracted), ("partly translated", Self.partlyTranslated(extracted)),
                            ("prefilled", extracted.prefillingTargets())]
            for (name, document) in variants {
                for version in [XLIFFVersion.v2_1, .v1_2] {
                    let xliff = try localizer.xliff([document], version: version)
                    let full = try XLIFFReader().read(xliff, file: "x.xlf").map(Self.merger.merge)
                    let lean = try XLIFFReader(detail: .merging).read(xliff, file: "x.xlf").map(Self.merger.merge)
                    #expect(lean == full, "\(page), \(name), \(version)")
                    if name == "untranslated" { #expect(lean == [source.bytes], "\(page) \(version): untranslated merges to the input") }
                }
            }
        }
    }

    @Test(arguments: [XLIFFVersion.v2_1, .v1_2])
    func onlyUntranslatedUnitsShapedLikeTheSkeletonAreLeftUnread(version: XLIFFVersion) throws {
        let localizer = Localizer()
        let source = PipelineFixtures.markdownSource
        let extracted = try localizer.extract(source, targetLanguage: LanguageTag("de-DE"))
        let translated = Self.partlyTranslated(extracted)
        let xliff = try localizer.xliff([translated], version: version)
        let full = try #require(try XLIFFReader().read(xliff, file: "x.xlf").first)
        let lean = try #require(try XLIFFReader(detail: .merging).read(xliff, file: "x.xlf").first)
        #expect(lean.units.map(\.id) == full.units.map(\.id))
        var leftUnread = 0
        for (l, f) in zip(lean.units, full.units) {
            #expect(l.segments.map(\.id) == f.segments.map(\.id), "unit \(f.id)")
            #expect(l.segments.map(\.isIgnorable) == f.segments.map(\.isIgnorable), "unit \(f.id)")
            let untranslated = f.segments.allSatisfy { $0.target == nil }
            let shaped = f.segments.map(\.id) == translated.skeleton.spans.first { $0.unit == f.id }?.parts.map(\.id)
            if untranslated && shaped {
                #expect(l.segments.allSatisfy { $0.source.isEmpty && $0.target == nil }, "unit \(f.id) is left unread")
                leftUnread += 1
            } else {
                // Read in full but for what merge does not write (notes, glossary, restrictions).
                #expect(l.segments == f.segments && l.type == f.type && l.name == f.name, "unit \(f.id) is read in full")
            }
        }
        #expect(leftUnread > 0 && leftUnread < full.units.count, "both kinds of unit are in the fixture")
    }

    @Test(arguments: [XLIFFVersion.v2_1, .v1_2])
    func aPartWithoutSourceIsRefusedAsByTheFullRead(version: XLIFFVersion) throws {
        let localizer = Localizer()
        let extracted = try localizer.extract(PipelineFixtures.markdownSource, targetLanguage: LanguageTag("de-DE"))
        let text = String(decoding: try localizer.xliff([extracted], version: version), as: UTF8.self)
        let start = try #require(text.range(of: "<source"))
        let end = try #require(text.range(of: "</source>", range: start.upperBound..<text.endIndex))
        let broken = Data(text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "").utf8)
        for reader in [XLIFFReader(), XLIFFReader(detail: .merging)] {
            #expect(throws: FormatError.self) { try reader.read(broken, file: "x.xlf") }
        }
    }
}
