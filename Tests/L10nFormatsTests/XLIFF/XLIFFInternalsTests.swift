import Foundation
import L10nCore
@testable import L10nFormats
import Testing

@Suite struct XLIFFInternalsTests {
    @Test func fastSkeletonJSONMatchesTheCoreEncoder() throws {
        for document in [try Samples.document(), try Samples.translated()] {
            #expect(SkeletonJSON.encode(document.skeleton) == Array(try document.skeleton.encoded()))
        }
        var b = DraftBuilder()
        b.unit([.text("Quote \" backslash \\ slash / ctl \u{1}\u{1F}\u{7F} tab\t nl\n cr\r bs\u{8} ff\u{C} é 😀 \u{FFFE}."),
                .ph("\"\\/\u{0}\u{2028}", type: .other, subType: "l10n:x", display: "d\"", equiv: "e\\")])
        var skeleton = try b.build().skeleton
        #expect(SkeletonJSON.encode(skeleton) == Array(try skeleton.encoded()))
        // A segment whose source was adapted keeps that fact through the XLIFF.
        skeleton.spans[0].parts[0].rewritten = true
        #expect(SkeletonJSON.encode(skeleton) == Array(try skeleton.encoded()))
    }

    @Test func xmlEscapingHandlesEveryClass() {
        var out: [UInt8] = []
        XMLEscaping.appendText("a<b>&c\r\n\t\"'\u{1}\u{FFFE}\u{FFFF}\u{FFFD}é😀", to: &out) { v, out in out.append(contentsOf: "[\(v)]".utf8) }
        #expect(String(decoding: out, as: UTF8.self) == "a&lt;b&gt;&amp;c&#13;\n\t\"'[1][65534][65535]\u{FFFD}é😀")
        out = []
        XMLEscaping.appendAttribute("a<\"&\t\n\r\u{2}", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "a&lt;&quot;&amp;&#9;&#10;&#13;\u{FFFD}")
    }

    @Test func largeSkeletonIsSplitIntoTextNodesUnderTheParserLimit() throws {
        var b = DraftBuilder()
        b.raw(String(repeating: "x", count: 9_000_000))
        b.unit([.text("Tail text.")])
        let document = try b.build()
        for version in [XLIFFVersion.v2_1, .v1_2] {
            let xml = try XLIFFWriter(version: version).write([document])
            #expect(String(decoding: xml, as: UTF8.self).contains("<!---->"))
            let read = try XLIFFReader().read(xml, file: "big.xlf")
            #expect(read[0].skeleton == document.skeleton)
        }
    }
}
