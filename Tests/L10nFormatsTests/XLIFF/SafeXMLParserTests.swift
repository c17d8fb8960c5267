import Foundation
import L10nCore
@testable import L10nFormats
import Testing

/// The SAX-built arena reads documents the way libxml2's tree did.
@Suite struct SafeXMLParserTests {
    @Test func referencesTextAndLinesComeOutAsInTheDocument() throws {
        let xml = """
            <?xml version="1.0"?>
            <root xmlns="urn:a" xmlns:b="urn:b" x="a&amp;b &#38; &lt;c&gt; &#x41;&#13;&#10;&#9;tab" b:y="q&quot;">
              <e id="1">one <!-- dropped --> two<![CDATA[ <three> & ]]>&amp;<?pi x?>four</e>
              <b:f/>
              <e id="2"/>
            </root>
            """
        let root = try SafeXMLParser.parse(Data(xml.utf8), file: "t.xml")
        #expect(root.name == "root" && root.namespace == "urn:a" && root.line == 2)
        #expect(root["x"] == "a&b & <c> A\r\n\ttab")
        #expect(root.attribute("y", namespace: "urn:b") == "q\"")
        #expect(root["y"] == nil)
        let elements = root.elements
        #expect(elements.map(\.name) == ["e", "f", "e"])
        #expect(elements[1].namespace == "urn:b")
        #expect(elements[0].text == "one  two <three> & &four")
        var childCount = 0
        elements[0].forEachChild { _ in childCount += 1 }
        #expect(childCount == 1)
        #expect(elements[2].line == 5)
        #expect(root.first("e", namespace: "urn:a")?["id"] == "1")
        #expect(root.elements(named: "e", namespace: "urn:a").map { $0["id"] } == ["1", "2"])
        #expect(root.first("e", namespace: nil) == nil)
        var first: XMLElement.Child?
        root.forEachChild { if first == nil { first = $0 } }
        if case .text(let t) = first { #expect(t.elementsEqual("\n  ".utf8)) } else { Issue.record("whitespace text kept") }
    }

    @Test func entityDeclarationsAndMalformedInputAreRefused() {
        let entity = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>"#
        let e = #expect(throws: FormatError.self) { try SafeXMLParser.parse(Data(entity.utf8), file: "e.xml") }
        #expect(e?.code == .forbiddenConstruct)
        let broken = "<r>\n<a></b>\n</r>"
        let b = #expect(throws: FormatError.self) { try SafeXMLParser.parse(Data(broken.utf8), file: "b.xml") }
        #expect(b?.code == .malformed)
        #expect(b?.description.hasPrefix("b.xml:2") == true, "\(String(describing: b))")
        let undefined = "<r>&nope;</r>"
        #expect(throws: FormatError.self) { try SafeXMLParser.parse(Data(undefined.utf8), file: "u.xml") }
        #expect(throws: FormatError.self) { try SafeXMLParser.parse(Data("   ".utf8), file: "s.xml") }
    }
}
