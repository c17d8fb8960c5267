import Foundation
import L10nCore
import L10nFormats
import L10nTestSupport
import Testing

/// XLIFF written by l10n 0.1 (skeleton encoding version 1) still merges to the same bytes, and
/// what l10n writes now is far smaller.
@Suite struct SkeletonCompatibilityTests {
    static let folder = FixtureFolder.local.root!.appendingPathComponent("skeleton-v1")
    static let corpora = PackagePaths.corpora

    static func escaper(for document: Document) -> any TextEscaping {
        document.format == HTMLFilter.formatID ? HTMLFilter().escaper : MarkdownFilter().escaper
    }

    @Test(arguments: [
        ("led-shop-light-lumenpro-4ft.de-DE.v1.xlf", "corpora/led-shop-light-lumenpro-4ft.md"),
        ("usb-c-charger-gan-65w.ja-JP.v1.xlf", "corpora/usb-c-charger-gan-65w.html"),
        ("water-pump-aquaflow-xp2000b.qps.v1.xlf", "water-pump-aquaflow-xp2000b.qps.expected.md"),
        ("office-chair-ergoseat-pro.qps.v1.xlf", "office-chair-ergoseat-pro.qps.expected.html"),
    ])
    func version1XLIFFStillMerges(xliff: String, expected: String) throws {
        let documents = try XLIFFReader().read(try Data(contentsOf: Self.folder.appendingPathComponent(xliff)), file: xliff)
        #expect(documents.count == 1)
        let document = try #require(documents.first)
        #expect(document.skeleton.version == 1)
        let expectedURL = expected.hasPrefix("corpora/")
            ? Self.corpora.appendingPathComponent(String(expected.dropFirst("corpora/".count)))
            : Self.folder.appendingPathComponent(expected)
        let merged = try SkeletonMerger(escaper: Self.escaper(for: document)).merge(document)
        #expect(merged == (try Data(contentsOf: expectedURL)), "\(xliff)")

        // Written again (now as version 2) it reads back as the same document and merges the same.
        for version in XLIFFVersion.allCases {
            let rewritten = try XLIFFWriter(version: version).write([document])
            let again = try #require(try XLIFFReader().read(rewritten, file: "again.xlf").first)
            #expect(again.skeleton.version == Skeleton.currentVersion)
            #expect(again.skeleton.spans == document.skeleton.spans, "\(version)")
            #expect(again.skeleton.original == document.skeleton.original)
            #expect(try SkeletonMerger(escaper: Self.escaper(for: again)).merge(again) == merged, "\(version)")
        }
    }

    @Test func theSkeletonIsNoLongerSeveralTimesTheDocument() throws {
        // The v1 fixture carries the same page as the current writer would; compare their skeletons.
        let v1 = try Data(contentsOf: Self.folder.appendingPathComponent("led-shop-light-lumenpro-4ft.de-DE.v1.xlf"))
        let document = try #require(try XLIFFReader().read(v1, file: "v1.xlf").first)
        let v2 = try XLIFFWriter(version: .v2_1).write([document])
        func skeletonBytes(_ xml: Data) throws -> Int {
            let s = String(decoding: xml, as: UTF8.self)
            let start = try #require(s.range(of: "<skeleton>")), end = try #require(s.range(of: "</skeleton>"))
            return s.utf8.distance(from: start.lowerBound, to: end.upperBound)
        }
        let original = document.skeleton.original.count
        let (old, new) = (try skeletonBytes(v1), try skeletonBytes(v2))
        print("skeleton of a \(original)-byte page: v1 \(old) bytes (\(Double(old) / Double(original))x), v2 \(new) bytes (\(Double(new) / Double(original))x)")
        #expect(Double(new) < Double(original) * 2, "v2 skeleton: \(new) bytes for \(original)")
        #expect(new * 2 < old)
        #expect(v2.count * 3 < v1.count * 2, "the whole XLIFF: \(v2.count) bytes now, \(v1.count) before")
    }

    @Test func anEditedSourceKeepsTheSkeletonData() throws {
        // A tool that rewrites the source codes without their attributes loses only what the
        // attributes said; the original data still comes from the skeleton.
        var b = DraftBuilder()
        b.unit(type: "md:paragraph", [.open("**", pair: "b", subType: "xlf:b"), .text("Bold"), .close("**", pair: "b", subType: "xlf:b"), .text(" text.")])
        b.raw("\n")
        let document = try b.build()
        var xml = String(decoding: try XLIFFWriter(version: .v2_1).write([document]), as: UTF8.self)
        let start = try #require(xml.range(of: "<source>")), end = try #require(xml.range(of: "</source>"))
        xml.replaceSubrange(start.lowerBound..<end.upperBound, with: #"<source><pc id="1">Bold</pc> text.</source>"#)
        let read = try #require(try XLIFFReader().read(Data(xml.utf8), file: "edited.xlf").first)
        #expect(read.skeleton.spans[0].codes.map(\.data) == ["**", "**"])
        let merged = try SkeletonMerger(escaper: VerbatimEscaper()).merge(read.mappingTargets { _, _ in Content([
            .code(InlineCode(kind: .open, id: "1", data: "")), .text("Fett"), .code(InlineCode(kind: .close, id: "1", data: "")), .text(" Text."),
        ]) })
        #expect(String(decoding: merged, as: UTF8.self) == "**Fett** Text.\n")
    }
}

/// XLIFF written by l10n 0.2 (skeleton encoding version 2, before subflows: a translatable
/// attribute inside a sentence was text between two codes that split its tag) still merges to
/// the same bytes.
@Suite struct SkeletonVersion2CompatibilityTests {
    static let folder = FixtureFolder.local.root!.appendingPathComponent("skeleton-v2")

    @Test(arguments: [
        ("camping-lantern-glowtrek-400.de-DE.v2.xlf", "corpora/camping-lantern-glowtrek-400.html"),
        ("tent-stakes-ridgegrip-aluminum.ja-JP.v2.xlf", "corpora/tent-stakes-ridgegrip-aluminum.md"),
        ("camping-lantern-glowtrek-400.qps.v2.xlf", "camping-lantern-glowtrek-400.qps.expected.html"),
        ("tent-stakes-ridgegrip-aluminum.qps.v2.xlf", "tent-stakes-ridgegrip-aluminum.qps.expected.md"),
    ])
    func version2XLIFFStillMerges(xliff: String, expected: String) throws {
        let documents = try XLIFFReader().read(try Data(contentsOf: Self.folder.appendingPathComponent(xliff)), file: xliff)
        let document = try #require(documents.first)
        #expect(document.skeleton.version == 2)
        #expect(document.skeleton.spans.allSatisfy { $0.parent == nil })
        // The old split tags are still there: what l10n 0.2 wrote is read as it was written.
        #expect(document.units.contains { $0.source.codes.contains { $0.subType == "html:tag-part" || $0.subType == "md:link-title" } })
        let expectedURL = expected.hasPrefix("corpora/")
            ? PackagePaths.corpora.appendingPathComponent(String(expected.dropFirst("corpora/".count)))
            : Self.folder.appendingPathComponent(expected)
        let merged = try SkeletonMerger(escaper: SkeletonCompatibilityTests.escaper(for: document)).merge(document)
        #expect(merged == (try Data(contentsOf: expectedURL)), "\(xliff)")

        // Written again it is a version 3 skeleton that merges the same.
        let rewritten = try XLIFFWriter(version: .v2_1).write([document])
        let again = try #require(try XLIFFReader().read(rewritten, file: "again.xlf").first)
        #expect(again.skeleton.version == Skeleton.currentVersion)
        #expect(try SkeletonMerger(escaper: SkeletonCompatibilityTests.escaper(for: again)).merge(again) == merged)
    }

    @Test func aNewerSkeletonIsRefusedByName() throws {
        var xml = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent("camping-lantern-glowtrek-400.de-DE.v2.xlf")), as: UTF8.self)
        xml = xml.replacingOccurrences(of: #"urn:x-l10n:skeleton:1" version="2""#, with: #"urn:x-l10n:skeleton:1" version="9""#)
        #expect {
            _ = try XLIFFReader().read(Data(xml.utf8), file: "future.xlf")
        } throws: { error in
            "\(error)".contains("skeleton version 9 is newer than this l10n understands (\(Skeleton.currentVersion))")
        }
    }
}
