import Foundation
import L10nCore
import L10nFormats
import Testing

@Suite("XLIFF validator")
struct XLIFFValidationTests {
    let validator = XLIFFValidator()

    func validate(_ xml: String) -> XLIFFValidationResult {
        validator.validate(Data(xml.utf8), file: "test.xlf")
    }

    static let header = #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">"#

    @Test("malformed XML gives one well-formedness finding with line and column")
    func malformed() {
        let result = validate("<?xml version=\"1.0\"?>\n\(Self.header)\n <file id=\"f1\">\n  <unit id=\"u1\"></file>\n</xliff>\n")
        #expect(result.findings.count == 1)
        let finding = result.findings[0]
        #expect(finding.check == "xliff.well-formed")
        #expect(finding.location?.file == "test.xlf")
        #expect(finding.location?.line == 4)
        #expect((finding.location?.column ?? 0) > 1)
    }

    @Test("an empty file is not well-formed")
    func empty() {
        let result = validator.validate(Data(), file: "empty.xlf")
        #expect(result.findings.map(\.check) == ["xliff.well-formed"])
    }

    @Test("a non-XLIFF root is reported as such")
    func notXLIFF() {
        let result = validate("<html><body/></html>")
        #expect(result.findings.map(\.check) == ["xliff.version"])
        #expect(result.version == nil)
    }

    @Test("the version comes from namespace and version attribute", arguments: [
        ("urn:oasis:names:tc:xliff:document:2.0", "2.0", XLIFFVersion.v2_0),
        ("urn:oasis:names:tc:xliff:document:2.0", "2.1", .v2_1),
        ("urn:oasis:names:tc:xliff:document:2.2", "2.2", .v2_2),
    ])
    func version(_ namespace: String, _ attribute: String, _ expected: XLIFFVersion) {
        let xml = #"<xliff xmlns="\#(namespace)" version="\#(attribute)" srcLang="en"><file id="f"><unit id="u"><segment><source>a</source></segment></unit></file></xliff>"#
        let result = validate(xml)
        #expect(result.version == expected)
        #expect(result.isValid, "\(result.findings)")
    }

    @Test("findings carry the line of the offending element, sorted by line")
    func linesAndOrder() {
        let xml = """
        \(Self.header)
         <file id="f1">
          <unit id="u1">
           <segment id="s1">
            <source><ec startRef="9"/>text</source>
           </segment>
           <segment id="s1">
            <source><sc id="2"/>text</source>
           </segment>
          </unit>
         </file>
        </xliff>
        """
        let result = validate(xml)
        let summary = result.findings.map { "\($0.location?.line ?? 0) \($0.check)" }
        #expect(summary == ["5 xliff.sc-ec-pairing", "7 xliff.unique-id.segment", "8 xliff.sc-ec-pairing"])
        #expect(validate(xml) == result, "same input, same findings")
    }

    @Test("schema errors come from the bundled OASIS XSDs with line numbers")
    func schemaError() {
        let xml = "\(Self.header)\n <file id=\"f1\">\n  <unit id=\"u1\">\n   <segment state=\"done\"><source>a</source></segment>\n  </unit>\n </file>\n</xliff>"
        let result = validate(xml)
        let finding = result.findings.first { $0.check == "xliff.schema" }
        #expect(finding?.location?.line == 4)
        #expect(finding?.message.contains("state") == true)
    }

    @Test("every rule id is unique, and every reported check is in the catalog")
    func catalog() throws {
        let ids = XLIFFValidator.rules.map(\.id)
        #expect(!ids.isEmpty)
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        #expect(XLIFFValidator.rules.allSatisfy { !$0.summary.isEmpty })
        var reported = Set<String>()
        for file in ConformanceSuite.cases(valid: false) + ConformanceSuite.cases(valid: true) {
            reported.formUnion(validator.validate(try Data(contentsOf: file.url), file: file.name).findings.map(\.check))
        }
        #expect(!reported.isEmpty, "the conformance suites produced no findings: nothing was checked")
        #expect(reported.isSubset(of: Set(ids)), "\(reported.subtracting(ids))")
    }

    @Test("fragment identifiers from registered extensions are accepted; others can be registered")
    func extensionPrefixes() {
        let xml = """
        \(Self.header)
         <file id="f1">
          <unit id="u1">
           <segment><source><mrk id="m1" type="my:term" ref="#/f=f1/u=u1/acme=t1">a</mrk></source></segment>
          </unit>
         </file>
        </xliff>
        """
        #expect(validate(xml).errors.map(\.check) == ["xliff.fragment-id"])
        let registered = XLIFFValidator(options: .init(extensionFragmentPrefixes: ["acme": "urn:acme"]))
        #expect(registered.validate(Data(xml.utf8), file: "t.xlf").errors.isEmpty)
    }

    @Test("validation is safe to run concurrently")
    func concurrent() async throws {
        let files = ConformanceSuite.cases(valid: false).prefix(40)
        #expect(files.count == 40)
        let expected = try files.map { validator.validate(try Data(contentsOf: $0.url), file: $0.name) }
        let results = try await withThrowingTaskGroup(of: (Int, XLIFFValidationResult).self) { group in
            for (i, file) in files.enumerated() {
                group.addTask { (i, XLIFFValidator().validate(try Data(contentsOf: file.url), file: file.name)) }
            }
            var out = [XLIFFValidationResult?](repeating: nil, count: files.count)
            for try await (i, r) in group { out[i] = r }
            return out
        }
        #expect(results.map { $0! } == expected)
    }
}
