import Foundation
import L10nCore
import L10nTestSupport
@testable import L10nFormats
import Testing

@Suite struct XLIFFInternalsTests {
    /// A skeleton with everything the span map can hold: ids and part ids off the default
    /// numbering, `rewritten` both ways, codes whose data is not in the original, odd strings
    /// and every code field set away from its default.
    static func oddSkeleton() -> Skeleton {
        let original = Data("ab <b>X</b> c\r\n  é 😀 [link](u) <br/>\u{1} end".utf8)
        let text = String(decoding: original, as: UTF8.self)
        func offset(_ s: String) -> Int { text.utf8.distance(from: text.startIndex, to: text.range(of: s)!.lowerBound) }
        let b = offset("<b>"), br = offset("<br/>")
        return Skeleton(original: original, spans: [
            .init(unit: "u1", type: "md:paragraph", start: b, end: b + 10, parts: [
                .init(id: "s1", start: b, end: b + 3), .init(id: "i1", start: b + 3, end: b + 4, rewritten: false),
                .init(id: "seg-x", start: b + 4, end: b + 10, rewritten: true),
            ], codes: [
                InlineCode(kind: .open, id: "1", data: "<b>", type: .fmt, subType: "xlf:b", display: "<b>", equiv: "", canDelete: false),
                InlineCode(kind: .close, id: "1", data: "</b>", type: .fmt, subType: "xlf:b", display: "</b>", isolated: true),
                InlineCode(kind: .standalone, id: "007", data: "not in the original \"%<&>'\t\n\u{0}", type: .other,
                           subType: "l10n:sku", display: "d 😀", equiv: "e\r\n"),
                InlineCode(kind: .standalone, id: "p a", data: "", type: .image, display: ""),
            ]),
            .init(unit: "second unit", type: nil, start: br, end: br + 6, parts: [.init(id: "s1", start: br, end: br + 6)], codes: [
                InlineCode(kind: .standalone, id: "2", data: "<br/>", type: .ui, subType: "xlf:lb"),
                InlineCode(kind: .open, id: "3", data: "<br/>", type: .quote, display: "<br/>"),
                InlineCode(kind: .close, id: "3", data: "\u{1}", type: .link, equiv: "\u{1}", isolated: true, canDelete: false),
            ]),
            .init(unit: "u3", type: "t", start: original.count, end: original.count, parts: [], codes: []),
        ])
    }

    @Test func skeletonCodecKeepsEveryField() throws {
        let skeleton = Self.oddSkeleton()
        try skeleton.validate()
        let text = SkeletonCodec.encode(skeleton) { _, _ in nil }
        #expect(text.allSatisfy { $0 == 0x0A || (0x20...0x7E).contains($0) }, "ASCII only")
        #expect(!text.contains(where: { [UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: ">")].contains($0) }))
        let decoded = try text.withUnsafeBufferPointer { t in
            try skeleton.original.withUnsafeBytes { try SkeletonCodec.decode(t, original: $0.bindMemory(to: UInt8.self)) }
        }
        #expect(decoded.spans == skeleton.spans)
        // Data found in the original is stored as a byte range, not as text.
        let map = String(decoding: text, as: UTF8.self)
        #expect(map.contains("o1@0+3"), "\(map)")
        #expect(!map.contains("'%3Cb%3E"), "\(map)")
    }

    @Test func skeletonCodecLeavesOutWhatTheBaseSays() throws {
        let skeleton = Self.oddSkeleton()
        // A base that agrees on everything but the display: only the display is written.
        let base: (Int, Int) -> InlineCode? = { s, c in
            var code = skeleton.spans[s].codes[c]
            code.display = "other"
            return code
        }
        let full = SkeletonCodec.encode(skeleton) { _, _ in nil }
        let lean = SkeletonCodec.encode(skeleton, base: base)
        #expect(lean.count < full.count)
        let decoded = try lean.withUnsafeBufferPointer { t in
            try skeleton.original.withUnsafeBytes { try SkeletonCodec.decode(t, original: $0.bindMemory(to: UInt8.self)) }
        }
        #expect(decoded.spans.count == skeleton.spans.count)
        #expect(decoded.spans.contains { !$0.codes.isEmpty }, "the sample must have codes, or the loop checks nothing")
        for (s, span) in decoded.spans.enumerated() {
            for (c, code) in span.codes.enumerated() {
                #expect(decoded.overrides[span: s, code: c] == [.display])
                #expect(SkeletonCodec.complete(code, overrides: decoded.overrides[span: s, code: c], base: base(s, c)) == skeleton.spans[s].codes[c])
            }
        }
    }

    @Test(arguments: ["V1", "U", "U0 s99", "s1", "U0 x1", "U0 x1@9999+1", "U0 ox", "U0 x1@0+1 q", "U0 t5", "'%G1", "U0 s1 yZ", "U0 s1abc"])
    func damagedSpanMapsAreRefused(_ map: String) {
        let original = Data("hello".utf8)
        #expect(throws: SkeletonCodec.Malformed.self) {
            try Array(map.utf8).withUnsafeBufferPointer { t in
                try original.withUnsafeBytes { try SkeletonCodec.decode(t, original: $0.bindMemory(to: UInt8.self)) }
            }
        }
    }

    @Test(arguments: XLIFFVersion.allCases)
    func oddSkeletonSurvivesTheXLIFF(version: XLIFFVersion) throws {
        let skeleton = Self.oddSkeleton()
        var document = try Samples.document()
        document.units = []
        document.skeleton = skeleton
        let read = try XLIFFReader().read(try XLIFFWriter(version: version).write([document]), file: "odd.xlf")
        #expect(read[0].skeleton == skeleton)
    }

    /// The decoder reads four digits at a time where it can: on random texts of digits, layout,
    /// padding and garbage it must answer as a one-digit-at-a-time reading of the same rules.
    @Test func base64DecodingMatchesADigitByDigitReading() {
        func reference(_ text: String) -> [UInt8]? {
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
            var out: [UInt8] = []
            var quad: UInt32 = 0, count = 0, padding = 0
            for b in text.utf8 {
                if let v = alphabet.firstIndex(of: b) {
                    guard padding == 0 else { return nil }
                    quad = quad << 6 | UInt32(v)
                    count += 1
                    if count == 4 { out += [UInt8(quad >> 16), UInt8(quad >> 8 & 0xFF), UInt8(quad & 0xFF)]; quad = 0; count = 0 }
                } else if [0x20, 0x0A, 0x0D, 0x09].contains(b) {
                    continue
                } else if b == UInt8(ascii: "=") {
                    padding += 1
                    guard padding <= 2 else { return nil }
                } else {
                    return nil
                }
            }
            switch (count, padding) {
            case (0, 0): return out
            case (2, 2), (2, 0): return out + [UInt8(quad >> 4)]
            case (3, 1), (3, 0): return out + [UInt8(quad >> 10), UInt8(quad >> 2 & 0xFF)]
            default: return nil
            }
        }
        var random = SplitMix64(seed: 64)
        let pieces = ["QUJD", "ZGVm", "a", "Zw", "+/9", "\n", "  ", "\r\n", "=", "==", "*", "é"]
        var valid = 0
        for _ in 0..<4_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let expected = reference(text)
            if expected != nil { valid += 1 }
            #expect(XLIFFSkeletonEmbedding.base64Decode(text) == expected, "\(text.debugDescription)")
        }
        #expect(valid > 400, "the generator makes valid texts too (\(valid))")
    }

    @Test func base64DecodingSkipsLayoutAndRefusesGarbage() {
        #expect(XLIFFSkeletonEmbedding.base64Decode("aGVs\n  bG8=\r\n") == Array("hello".utf8))
        #expect(XLIFFSkeletonEmbedding.base64Decode("aGVsbA==") == Array("hell".utf8))
        #expect(XLIFFSkeletonEmbedding.base64Decode("") == [])
        #expect(XLIFFSkeletonEmbedding.base64Decode("aGVs*G8=") == nil)
        #expect(XLIFFSkeletonEmbedding.base64Decode("aGVsbA==bA==") == nil)
        #expect(XLIFFSkeletonEmbedding.base64Decode("a") == nil)
        for n in 0..<70 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            var out = XMLOutput(declaration: false)
            bytes.withUnsafeBufferPointer { XLIFFSkeletonEmbedding.appendBase64($0, to: &out) }
            #expect(XLIFFSkeletonEmbedding.base64Decode(String(decoding: out.bytes, as: UTF8.self)) == bytes)
            #expect(String(decoding: out.bytes, as: UTF8.self) == (n == 0 ? "" : Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]) + "\n"))
        }
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

    @Test func codeBasesKeepTheFirstElementAndFindCodesOutOfOrder() {
        var bases = XLIFFCodeBases(units: 2)
        func code(_ kind: InlineCode.Kind, _ id: String, _ display: String) -> InlineCode { InlineCode(kind: kind, id: id, data: "", display: display) }
        bases.note(.open, "1", code(.open, "1", "first"))
        bases.note(.close, "1", code(.close, "1", "end"))
        bases.note(.open, "1", code(.open, "1", "second"))  // a later element of the same code: ignored
        bases.endUnit()
        // A unit past the linear limit, noted out of order.
        for n in (1...40).reversed() { bases.note(.standalone, String(n), code(.standalone, String(n), "x\(n)")) }
        bases.note(.standalone, "7", code(.standalone, "7", "again"))
        bases.endUnit()
        #expect(bases.base(unit: 0, hint: 0, .open, "1")?.display == "first")
        #expect(bases.base(unit: 0, hint: 0, .close, "1")?.display == "end", "found by search when the hint is wrong")
        #expect(bases.base(unit: 0, hint: 1, .standalone, "1") == nil)
        #expect(bases.base(unit: 1, hint: 39, .standalone, "1")?.display == "x1")
        #expect(bases.base(unit: 1, hint: 0, .standalone, "7")?.display == "x7")
        #expect(bases.base(unit: 2, hint: 0, .open, "1") == nil, "no such unit")
    }

    @Test func inlineCodeLayoutPairsNestedCodesAndLeavesOverlapsApart() {
        func c(_ kind: InlineCode.Kind, _ id: String) -> Content.Run { .code(InlineCode(kind: kind, id: id, data: "")) }
        // <b> <i> </i> </b> <u> <s> </u> </s>: b and i pair; u and s overlap, so neither does.
        let runs: [Content.Run] = [c(.open, "1"), c(.open, "2"), .text("x"), c(.close, "2"), c(.close, "1"),
                                   c(.open, "3"), c(.open, "4"), c(.close, "3"), c(.close, "4")]
        let layout = InlineCodeLayout(runs)
        #expect(layout.closeOf(0) == 4 && layout.closeOf(1) == 3)
        #expect(layout.openOf(4) == 0 && layout.openOf(3) == 1)
        #expect(layout.isPairedClose(3) && layout.isPairedClose(4))
        #expect(layout.closeOf(5) == nil && layout.closeOf(6) == nil && !layout.isPairedClose(7) && !layout.isPairedClose(8))
        #expect(layout.pairedIDs.sorted() == ["1", "2"])
        // A target may pair only what its source paired; `separate` ids never pair.
        #expect(InlineCodeLayout(runs, allowed: ["2"]).pairedIDs == ["2"])
        #expect(InlineCodeLayout(runs, separate: ["1"]).pairedIDs == ["2"])
        #expect(InlineCodeLayout([c(.open, "1"), c(.standalone, "2")]).closeOf(0) == nil)
    }
}
