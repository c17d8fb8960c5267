import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nFormats

/// Every CommonMark 0.31.2 example, through the Markdown filter.
@Suite("CommonMark spec examples")
struct CommonMarkSpecTests {
    typealias Support = MarkdownTestSupport

    @Test func allExamplesAreLoaded() {
        #expect(Support.specExamples.count == 652)
    }

    @Test("extract → merge without translation is byte-exact", arguments: [false, true])
    func roundTrip(withBreaker: Bool) throws {
        try Support.eachExample { ex in
            let doc = try Support.document(ex.markdown, file: "example-\(ex.example).md", breaker: withBreaker ? Support.PeriodBreaker() : nil)
            var echoed = doc
            echoed = echoed.mappingTargets { _, segment in segment.source }
            #expect(try Support.merge(echoed) == ex.markdown, "example \(ex.example)")
            #expect(try Support.merge(doc) == ex.markdown, "example \(ex.example)")
        }
    }

    @Test("forced re-render of every segment renders the same HTML")
    func forcedRerender() throws {
        try Support.eachExample { ex in
            let doc = try Support.document(ex.markdown, breaker: Support.PeriodBreaker())
            guard !doc.units.isEmpty else { return }
            let rerendered = try Support.forcedRerender(doc)
            #expect(Support.normalizedHTML(rerendered) == Support.normalizedHTML(ex.markdown),
                    "example \(ex.example) (\(ex.section)):\n\(ex.markdown)\n→\n\(rerendered)")
        }
    }

    @Test("pseudo-translation keeps the HTML tag structure")
    func pseudoTranslation() throws {
        try Support.eachExample { ex in
            let doc = try Support.document(ex.markdown)
            guard !doc.units.isEmpty else { return }
            let translated = try Support.forcedRerender(doc, transform: Support.pseudo)
            #expect(Support.tagStructure(translated) == Support.tagStructure(ex.markdown),
                    "example \(ex.example) (\(ex.section)):\n\(ex.markdown)\n→\n\(translated)")
        }
    }

    @Test("pieces tile their units; code spans, code blocks, HTML and URLs never reach text")
    func piecesTileAndProtect() throws {
        try Support.eachExample { ex in
            let bytes = Array(ex.markdown.utf8)
            let drafts = try Support.filter.read(Data(bytes), text: ex.markdown, file: "x.md")
            let tree = try MarkdownSyntaxTree.parse(bytes)
            let source = MarkdownSource(bytes: bytes, start: 0)
            var blockRanges: [Range<Int>] = []
            var codeSpans = 0, inlineHTML = 0
            func walk(_ node: MarkdownNode) {
                switch node.kind {
                case .codeBlock, .htmlBlock:
                    // The first line only: cmark-gfm 0.29 sometimes extends a block's end into the next block.
                    if let s = source.lineStart(node.startLine), let e = source.lineEnd(node.startLine), s < e {
                        blockRanges.append(s..<e)
                    }
                case .code: codeSpans += 1
                case .htmlInline: inlineHTML += 1
                default: break
                }
                tree.children(of: node).forEach(walk)
            }
            walk(tree.root)
            var lastEnd = 0
            var codeCodes = 0, htmlCodes = 0
            for draft in drafts {
                guard let first = draft.pieces.first else { continue }
                #expect(first.bytes.lowerBound >= lastEnd, "example \(ex.example): units overlap")
                var p = first.bytes.lowerBound
                for piece in draft.pieces {
                    #expect(piece.bytes.lowerBound == p, "example \(ex.example): gap or overlap at \(p)")
                    p = piece.bytes.upperBound
                    for r in blockRanges { #expect(!r.overlaps(piece.bytes), "example \(ex.example): a unit reaches into a code or HTML block") }
                    switch piece {
                    case .text(let t, let r, let verbatim):
                        if verbatim { #expect(Array(t.utf8) == Array(bytes[r]), "example \(ex.example): verbatim text differs from its bytes") }
                    case .verbatim(let r):
                        #expect(String(validating: bytes[r], as: UTF8.self) != nil, "example \(ex.example): verbatim bytes are not whole characters")
                    case .code(let c, let r):
                        // Shortcut and collapsed references spell their label out (`][label]`).
                        let spelledOut = c.subType == "md:reference" && c.data.hasPrefix("][") && c.data.hasSuffix("]")
                        #expect(spelledOut || Array(c.data.utf8) == Array(bytes[r]), "example \(ex.example): code data differs from its bytes")
                        if c.subType == "l10n:code" { codeCodes += 1 }
                        if c.subType == "md:html" { htmlCodes += 1 }
                    }
                }
                lastEnd = p
            }
            #expect(codeCodes == codeSpans, "example \(ex.example): every code span is a code")
            #expect(htmlCodes == inlineHTML, "example \(ex.example): every inline HTML tag is a code")
        }
    }

    @Test("damaged input works or throws FormatError, never traps")
    func damagedInput() throws {
        var rng = SplitMix64(seed: 0x5EED)
        var failures = 0, worked = 0
        try Support.eachExample { ex in
            let b = Array(ex.markdown.utf8)
            var variants: [[UInt8]] = []
            if b.count > 1 { variants.append(Array(b[0..<Int(rng.next() % UInt64(b.count))])) }
            variants.append(Array(ex.markdown.replacingOccurrences(of: "\n", with: "\r\n").utf8))
            variants.append(Array(ex.markdown.replacingOccurrences(of: "\n", with: "\r").utf8))
            var tabbed = b
            for _ in 0..<3 where !tabbed.isEmpty { tabbed.insert(0x09, at: Int(rng.next() % UInt64(tabbed.count))) }
            variants.append(tabbed)
            variants.append(Array("> - ".utf8) + b.flatMap { $0 == 0x0A ? Array("\n>   ".utf8) : [$0] })
            for v in variants {
                let data = Data(v)
                guard let text = try? TextInput.decodeUTF8(data, file: "fuzz.md") else { continue }
                do {
                    let drafts = try Support.filter.read(data, text: text, file: "fuzz.md")
                    let doc = try DocumentBuilder(breaker: Support.PeriodBreaker()).build(original: "fuzz.md", format: "markdown", bytes: data, sourceLanguage: "en", drafts: drafts)
                    #expect(try SkeletonMerger(escaper: MarkdownEscaper()).merge(doc) == data, "example \(ex.example) damaged")
                    _ = try Support.forcedRerender(doc, transform: Support.pseudo)
                    worked += 1
                } catch let error as FormatError {
                    failures += 1
                    print("damaged example \(ex.example): \(error) in \(String(decoding: v, as: UTF8.self).debugDescription)")
                }
            }
        }
        #expect(failures == 0, "\(failures) of \(worked + failures) damaged inputs were refused")
    }
}

