import Foundation
import L10nCore
@testable import L10nFormats
import L10nXML
import Testing

/// DOCTYPE entity declarations are refused before anything is expanded or fetched.
@Suite("XLIFF validator security")
struct XLIFFValidationSecurityTests {
    let validator = XLIFFValidator()

    @Test("entity declarations are rejected at the declaration", arguments: [
        ("security/xxe-external-entity.xlf", 3),
        ("security/xxe-network-parameter-entity.xlf", 3),
        ("security/billion-laughs.xlf", 3),
    ])
    func entityDeclarationsAreRejected(_ fixture: String, line: Int) throws {
        let result = validator.validate(try ValidationFixtures.data(fixture), file: fixture)
        // One finding, at the first declaration: the parser stopped there, so nothing was expanded
        // (no "lol" text, no /etc/passwd content) and nothing later was read.
        #expect(result.findings.count == 1)
        let finding = try #require(result.findings.first)
        #expect(finding.check == "xliff.entity-declaration")
        #expect(finding.severity == .error)
        #expect(finding.location?.line == line)
        #expect(finding.message.contains("entity"))
        #expect(!finding.message.contains("root:"))
        #expect(result.version == nil)
    }

    @Test("a DOCTYPE without entity declarations is fine")
    func plainDoctype() throws {
        let result = validator.validate(try ValidationFixtures.data("security/doctype-without-entities.xlf"), file: "d.xlf")
        #expect(result.isValid, "\(result.findings)")
        #expect(result.version == .v2_0)
    }

    @Test("the libxml2 parser itself stops at the first declaration")
    func parserStops() throws {
        let data = try ValidationFixtures.data("security/billion-laughs.xlf")
        let error = try #require(throws: FormatError.self) { try XMLTreeDocument.parse(data, file: "lol.xlf") }
        #expect(error.code == .forbiddenConstruct)
        #expect(error.message.contains("'lol'"))
        #expect(error.location?.line == 3)
    }
}
