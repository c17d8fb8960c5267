import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nFormats

/// Read → build → merge with no translation must give back the input byte for byte, for every
/// fixture and for generated tag soup; nothing may crash on any input.
@Suite struct HTMLRoundTripTests {
    @Test(arguments: HTMLTestSupport.fixtureNames) func fixtureRoundTripsExactly(_ name: String) throws {
        let data = try HTMLTestSupport.fixture(name)
        let doc = try HTMLTestSupport.document(data, file: name)
        #expect(!doc.units.isEmpty)
        #expect(try HTMLTestSupport.merge(doc) == data)
        let targetsEqualSources = doc.mappingTargets { _, segment in segment.source }
        #expect(try HTMLTestSupport.merge(targetsEqualSources) == data)
    }

    @Test func mutatedDocumentsRoundTripAndNeverCrash() throws {
        var rng = SplitMix64(seed: 0x4854_4D4C)
        var sources: [String] = []
        for name in HTMLTestSupport.fixtureNames {
            sources.append(String(decoding: try HTMLTestSupport.fixture(name), as: UTF8.self))
        }
        var checked = 0, rerendered = 0, sameTree = 0
        for round in 0..<360 {
            let html = round % 4 == 3
                ? TagSoup.random(using: &rng)
                : TagSoup.mutate(sources[round % sources.count], using: &rng)
            let data = Data(html.utf8)
            guard !data.isEmpty else { continue }
            let doc: Document
            // Only nesting beyond the limit may be refused; anything else (an internal tiling error) fails.
            do { doc = try HTMLTestSupport.document(data) } catch let error as FormatError where error.code == .tooLarge { continue }
            let merged = try HTMLTestSupport.merge(doc)
            #expect(merged == data, "round \(round): \(html.debugDescription)")
            checked += 1
            // Writing every segment from its runs must also work and keep libxml2's reading.
            let forced = try HTMLTestSupport.merge(HTMLTestSupport.forcingRerender(doc))
            rerendered += 1
            if HTMLTestSupport.libxml2Outline(forced) == HTMLTestSupport.libxml2Outline(data) { sameTree += 1 }
            else if ProcessInfo.processInfo.environment["HTML_DEBUG"] != nil {
                print("TREE MISMATCH \(round): \(html.debugDescription)\nFORCED: \(String(decoding: forced, as: UTF8.self).debugDescription)")
            }
        }
        #expect(checked > 300)
        #expect(rerendered == checked)
        // Tag soup can hold references libxml2 reads differently once re-escaped; nearly all
        // documents must still parse to the same tree.
        #expect(sameTree * 100 >= checked * 95, "\(sameTree) of \(checked) kept libxml2's tree")
    }
}


/// Broken HTML on purpose: truncations, deletions and stray tokens inserted anywhere.
enum TagSoup {
    static let tokens = [
        "<p>", "</p>", "<b>", "</b>", "<i>", "</span>", "<div>", "</div>", "<li>", "<br>", "<br/>",
        "<img alt=\"x\" src=y>", "<a title=\"t\" href='h'>", "</a>", "&amp;", "&", "&#", "&#x110000;", "&nbsp",
        "&eacute;", "<", ">", "\"", "'", "<!--", "-->", "<![CDATA[", "]]>", "<?", "<!DOCTYPE html>", "<script>",
        "</script>", "<style>", "<code>", "<span translate=\"no\">", "<p class=notranslate>", "\r\n", "é", "日本語",
        "<table><tr><td>", "<select><option>", "<textarea>", "<label>", "<button>", "=", " ", "<p title=\"a",
        "<html>", "<body>", "</body>", "<head>", "<title>", "<meta name=\"description\" content=\"d\">", "Text ",
        "word. ", "<P ALT=x>", "</>", "<p <b>", "\u{FEFF}", "<pre>", "<input value=\"Go\" type=submit>",
    ]

    static func random(using rng: inout SplitMix64) -> String {
        (0..<Int.random(in: 1...60, using: &rng)).map { _ in tokens.randomElement(using: &rng)! }.joined()
    }

    static func mutate(_ source: String, using rng: inout SplitMix64) -> String {
        var chars = Array(source)
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            guard !chars.isEmpty else { break }
            let i = Int.random(in: 0...chars.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: chars.removeSubrange(i...)
            case 1:
                let j = min(chars.count, i + Int.random(in: 1...20, using: &rng))
                chars.removeSubrange(i..<j)
            case 2: chars.insert(contentsOf: tokens.randomElement(using: &rng)!, at: i)
            default:
                let j = min(chars.count, i + Int.random(in: 1...40, using: &rng))
                chars.insert(contentsOf: chars[i..<j], at: i)
            }
        }
        return String(chars)
    }
}
