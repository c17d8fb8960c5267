import Foundation
import L10nCore
import Testing
@testable import L10nText

@Suite struct SRXDocumentTests {
    static let sample = """
    <?xml version="1.0" encoding="UTF-8"?>
    <srx xmlns="http://www.lisa.org/srx20" xmlns:x="urn:ext" version="2.0">
    <header segmentsubflows="no" cascade="no"><x:options foo="bar"/></header>
    <body>
    <languagerules>
    <languagerule languagerulename="English">
    <rule break="no">
    <beforebreak>\\bDr\\.</beforebreak>
    <afterbreak>\\s</afterbreak>
    </rule>
    </languagerule>
    <languagerule languagerulename="Default">
    <rule><beforebreak>[.?!]</beforebreak><afterbreak><![CDATA[\\s+\\p{Lu}]]></afterbreak></rule>
    </languagerule>
    </languagerules>
    <maprules>
    <languagemap languagepattern="en.*" languagerulename="English"/>
    <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
    </body>
    </srx>
    """

    func parse(_ xml: String, source: String = "test.srx") throws -> SRXDocument {
        try SRXDocument(data: Data(xml.utf8), source: source)
    }

    @Test func readsHeaderRulesAndMaps() throws {
        let doc = try parse(Self.sample)
        #expect(doc.header == SRXDocument.Header(segmentSubflows: false, cascade: false))
        #expect(doc.languageRules.map(\.name) == ["English", "Default"])
        #expect(doc.languageRules[0].rules == [SRXDocument.Rule(isBreak: false, beforeBreak: #"\bDr\."#, afterBreak: #"\s"#, line: 7)])
        // break defaults to yes; CDATA is read as text.
        #expect(doc.languageRules[1].rules.first?.isBreak == true)
        #expect(doc.languageRules[1].rules.first?.afterBreak == #"\s+\p{Lu}"#)
        #expect(doc.mapRules.map(\.languageRuleName) == ["English", "Default"])
    }

    @Test func cascadeDecidesHowManyMapsApply() throws {
        var doc = try parse(Self.sample)
        #expect(doc.languageRules(for: "en-US").map(\.name) == ["English"])
        #expect(doc.languageRules(for: "de").map(\.name) == ["Default"])
        doc.header.cascade = true
        #expect(doc.languageRules(for: "en-US").map(\.name) == ["English", "Default"])
    }

    @Test func aRuleThatDoesNotCompileNamesFileLineAndRule() throws {
        let bad = Self.sample.replacingOccurrences(of: "<beforebreak>[.?!]</beforebreak>", with: "<beforebreak>[.?!(</beforebreak>")
        let error = try #require(throws: FormatError.self) { try parse(bad, source: "rules/bad.srx") }
        #expect(error.code == .invalidSRX)
        #expect(error.location?.file == "rules/bad.srx")
        #expect(error.location?.line == 13)
        #expect(error.message.contains("languagerule \"Default\", rule 1"))
        #expect(error.message.contains("beforebreak"))
        #expect(error.message.contains("U_REGEX"))
    }

    @Test func malformedXMLNamesTheLine() throws {
        let bad = Self.sample.replacingOccurrences(of: "</languagerule>\n<languagerule languagerulename=\"Default\">", with: "</languagerul>\n<languagerule languagerulename=\"Default\">")
        let error = try #require(throws: FormatError.self) { try parse(bad) }
        #expect(error.code == .malformed)
        #expect(error.location?.file == "test.srx")
        #expect((error.location?.line ?? 0) >= 11)
    }

    /// Foundation's XMLParser on Linux accepts a document cut off mid-way; the parser must not.
    @Test(arguments: [200, 400, 600])
    func truncatedFileIsMalformed(length: Int) throws {
        let cut = String(Self.sample.utf8.prefix(min(length, Self.sample.utf8.count - 10)))!
        let error = try #require(throws: FormatError.self) { try parse(cut) }
        #expect(error.code == .malformed)
        #expect(error.location?.file == "test.srx")
    }

    @Test func doctypesAndEntitiesAreRefused() throws {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE srx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <srx version="2.0"><body><languagerules/><maprules/></body></srx>
        """
        let error = try #require(throws: FormatError.self) { try parse(xxe) }
        #expect(error.code == .forbiddenConstruct)
        #expect(error.location?.line == 2)
    }

    @Test(arguments: [
        ("<notsrx/>", "root element"),
        ("<srx version=\"3.1\"/>", "version"),
        ("<srx version=\"2.0\"><body><languagerules><languagerule languagerulename=\"A\"><rule break=\"maybe\"/></languagerule></languagerules></body></srx>", "break=\"maybe\""),
        ("<srx version=\"2.0\"><body><languagerules/><maprules><languagemap languagepattern=\".*\" languagerulename=\"Nope\"/></maprules></body></srx>", "unknown languagerule \"Nope\""),
        ("<srx version=\"2.0\"><body><languagerules><languagerule languagerulename=\"A\"/><languagerule languagerulename=\"A\"/></languagerules></body></srx>", "duplicate"),
    ])
    func invalidDocumentsAreExplained(xml: String, fragment: String) throws {
        let error = try #require(throws: FormatError.self) { try parse(xml) }
        #expect(error.message.contains(fragment), "\(error)")
        #expect(error.location?.file == "test.srx")
    }

    @Test func unreadableFileIsAnError() throws {
        let url = URL(fileURLWithPath: "/nonexistent/dir/rules.srx")
        let error = try #require(throws: FormatError.self) { try SRXDocument(contentsOf: url) }
        #expect(error.location?.file == url.path)
    }

    @Test func builtInRulesLoadAndCoverTheEightLanguages() throws {
        let doc = try SRXDocument.builtIn()
        // Loading skips validation (a run compiles only its languages' rules): validate here.
        try doc.validate()
        for language in ["en", "pt-BR", "es", "de", "fr", "it", "ja", "zh"] {
            let names = doc.languageRules(for: language).map(\.name)
            #expect(names.count == 2 && names.last == "Default", "\(language): \(names)")
        }
        #expect(doc.languageRules(for: "nl").map(\.name) == ["Default"])
    }
}

@Suite struct CompiledRulePrefilterTests {
    @Test(arguments: [
        (#"\b(?:Mr|Dr|St)\."#, true),
        (#"\b\p{Lu}\.\s\p{Lu}\."#, true),
        (#"(?<!taille\s)\b(?:M|MM)\."#, true),
        (#"(?:^|\p{Ll}{3}\.\s{1,4}|[!?:;]\s{1,4}|\n[ \t]{0,8})\d{1,3}\."#, true),
        (#"[a\]]\."#, true),
        (#"Dr\.|Mr"#, false),           // top-level alternation: a match may end in "r"
        (#"Dr\\."#, false),             // an escaped backslash, then any character
        (#"(?x) Dr \."#, false),        // free-spacing mode
        (#"\QDr\."#, false),
        (#"…[\p{Pe}\p{Pf}"'’”»]*"#, false),
        (#"[.]"#, false),
        ("", false),
    ])
    func periodEndingBeforePatternsAreRecognized(pattern: String, fixed: Bool) {
        #expect((CompiledRule.fixedLastUnit(pattern) == 0x2E) == fixed, "\(pattern)")
    }
}
