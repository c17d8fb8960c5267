import Foundation
import L10nCore
import Testing
@testable import L10nFormats

/// Merging translated segments: written from runs, escaped for their place, tags kept exactly.
@Suite struct HTMLRerenderTests {
    @Test(arguments: HTMLTestSupport.fixtureNames) func forcedRerenderParsesToTheSameTree(_ name: String) throws {
        let data = try HTMLTestSupport.fixture(name)
        let doc = try HTMLTestSupport.document(data, file: name)
        let forced = try HTMLTestSupport.merge(HTMLTestSupport.forcingRerender(doc))
        #expect(HTMLTestSupport.libxml2Outline(forced) == HTMLTestSupport.libxml2Outline(data))
    }

    @Test(arguments: HTMLTestSupport.fixtureNames) func pseudoTranslationKeepsEveryTag(_ name: String) throws {
        let data = try HTMLTestSupport.fixture(name)
        let doc = try HTMLTestSupport.document(data, file: name)
        let translated = doc.mappingTargets { _, segment in segment.source.mapText(Self.pseudo) }
        let output = try HTMLTestSupport.merge(translated)
        #expect(output != data)
        let mask = HTMLTestSupport.translatableAttributes
        #expect(HTMLTestSupport.libxml2Outline(output, mask: mask, maskText: true)
            == HTMLTestSupport.libxml2Outline(data, mask: mask, maskText: true))
        let text = String(decoding: output, as: UTF8.self)
        for fragment in Self.fixedFragments(of: doc) {
            #expect(text.contains(fragment), "lost \(fragment.debugDescription)")
        }
    }

    /// The data of every code, cut where a subflow (a translated attribute value) sits in it:
    /// what must come out of a merge unchanged.
    static func fixedFragments(of doc: Document) -> [String] {
        let spans = doc.skeleton.spans
        var fragments: [String] = []
        for (s, span) in spans.enumerated() {
            for (k, code) in span.codes.enumerated() {
                let data = Array(code.data.utf8)
                var cursor = 0
                for child in spans[(s + 1)...] where child.parent?.unit == span.unit && child.parent?.code == k {
                    let offset = child.parent!.offset
                    fragments.append(String(decoding: data[cursor..<offset], as: UTF8.self))
                    cursor = offset + child.end - child.start
                }
                fragments.append(String(decoding: data[cursor...], as: UTF8.self))
            }
        }
        return fragments.filter { !$0.isEmpty }
    }

    @Test func specialCharactersInTranslationsAreEscapedForTheirPlace() throws {
        let html = "<p title=\"t\">Hello <a href=\"/x\" title=\"inline\">link</a></p><img alt='single' src=x>"
        let doc = try HTMLTestSupport.document(html)
        let evil = "Tom \"<b>&amp;</b>\" O'Neil\u{A0}é"
        let translated = doc.mappingTargets { _, segment in
            Content(segment.source.runs.map { run in
                if case .text = run { return .text(evil) }
                return run
            })
        }
        let output = try HTMLTestSupport.merge(translated)
        let tree = HTMLTestSupport.libxml2Outline(output)
        #expect(tree.contains("  <p title=\(evil.debugDescription)>"))
        #expect(tree.contains("   <a href=\"/x\" title=\(evil.debugDescription)>"))
        #expect(tree.contains("    \(evil.debugDescription)"))
        #expect(tree.contains("  <img alt=\(evil.debugDescription) src=\"x\">"))
        #expect(String(decoding: output, as: UTF8.self).contains("&nbsp;"))
    }

    @Test func untranslatedContentNeverReachesTextRuns() throws {
        let markers = ["SCRIPTMARK", "STYLEMARK", "PREMARK", "TEMPLATEMARK", "TEXTAREAMARK", "COMMENTMARK", "PIMARK",
                       "CDATAMARK", "CODEMARK", "NOTRANSLATEMARK"]
        for name in ["script-style.html", "notranslate.html"] {
            let data = try HTMLTestSupport.fixture(name)
            let source = String(decoding: data, as: UTF8.self)
            let present = markers.filter { source.contains($0) }
            #expect(!present.isEmpty)
            let runs = HTMLTestSupport.allTextRuns(try HTMLTestSupport.document(data, file: name))
            for marker in present {
                #expect(!runs.contains { $0.contains(marker) }, "\(marker) leaked into \(name)")
            }
        }
    }

    /// Accented and bracketed, whitespace left alone, so structure can be compared.
    static func pseudo(_ text: String) -> String {
        guard !text.allSatisfy(\.isWhitespace) else { return text }
        let map: [Character: Character] = ["a": "á", "e": "é", "i": "î", "o": "ö", "u": "ü", "A": "Å", "E": "É", "n": "ñ"]
        return "⟦" + String(text.map { map[$0] ?? $0 }) + "⟧"
    }
}
