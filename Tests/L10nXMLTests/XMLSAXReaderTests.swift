import Foundation
import L10nCore
@testable import L10nXML
import Testing

/// The shared reader: events, lines, no DTD loading, and the process-wide loader's refusals.
@Suite struct XMLSAXReaderTests {
    /// Records events as strings, interning names by pointer as a real reader would.
    final class Recorder: XMLEventHandler {
        var events: [String] = []
        var namePointers: [UnsafePointer<UInt8>: String] = [:]
        var failAt: String?

        func startElement(_ tag: XMLStartTag) throws {
            if namePointers[tag.localName] == nil { namePointers[tag.localName] = tag.name }
            let attributes = tag.attributes.map { "\($0.name)=\($0.stringValue)" }.joined(separator: ",")
            events.append("<\(tag.name)\(tag.prefix.map { " prefix=" + String(cString: $0) } ?? "") ns=\(tag.namespace ?? "-") line=\(tag.line) depth=\(tag.depth) [\(attributes)]")
            if tag.name == failAt { throw FormatError(.invalidXLIFF, "no \(tag.name) here", at: SourceLocation(file: "r.xml", line: tag.line)) }
        }
        func endElement(line: Int) { events.append(">") }
        func text(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) { events.append("text(\(String(decoding: bytes, as: UTF8.self)))") }
    }

    @Test func eventsCarryNamesAttributesTextAndLines() throws {
        let xml = """
            <?xml version="1.0"?>
            <r xmlns="urn:a" xmlns:b="urn:b" x="a&amp;b &#38; &lt;">
            <!-- c --><b:e b:y="1"><![CDATA[<cd>]]></b:e><e/><e/>
            </r>
            """
        let recorder = Recorder()
        try XMLSAXReader.parse(Data(xml.utf8), file: "r.xml", handler: recorder)
        #expect(recorder.events == [
            "<r ns=urn:a line=2 depth=1 [x=a&b & <]", "text(\n)",
            "<e prefix=b ns=urn:b line=3 depth=2 [y=1]", "text(<cd>)", ">",
            "<e ns=urn:a line=3 depth=2 []", ">", "<e ns=urn:a line=3 depth=2 []", ">", "text(\n)", ">",
        ])
        // Two distinct names, so two pointers: the same name is the same pointer all along.
        #expect(Set(recorder.namePointers.values) == ["r", "e"] && recorder.namePointers.count == 2)
    }

    @Test func aHandlerErrorStopsTheParseAndComesBackAsIs() throws {
        let recorder = Recorder()
        recorder.failAt = "stop"
        let error = try #require(throws: FormatError.self) {
            try XMLSAXReader.parse(Data("<r>\n<stop/>\n<after/></r>".utf8), file: "r.xml", handler: recorder)
        }
        #expect(error.code == .invalidXLIFF && error.location?.line == 2)
        #expect(!recorder.events.contains { $0.hasPrefix("<after") })
    }

    /// An external DTD that would add a default attribute and declare an entity is never read.
    @Test func theExternalDTDIsNeverLoaded() throws {
        let dtd = FileManager.default.temporaryDirectory.appendingPathComponent("l10n-defaults-\(getpid()).dtd")
        try Data("<!ATTLIST r injected CDATA \"yes\">\n".utf8).write(to: dtd)
        defer { try? FileManager.default.removeItem(at: dtd) }
        let xml = Data("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"\(dtd.absoluteString)\">\n<r a=\"1\"/>".utf8)
        let recorder = Recorder()
        try XMLSAXReader.parse(xml, file: "d.xml", handler: recorder)
        #expect(recorder.events == ["<r ns=- line=3 depth=1 [a=1]", ">"])
        var attributes: [String] = []
        try XMLTreeDocument.parse(xml, file: "d.xml").walk { node in
            if case .element(_, _, let a, _) = node { attributes += a.map(\.name) }
        }
        #expect(attributes == ["a"])
    }

    @Test func aForbiddenDoctypeIsRefusedWhereItIs() throws {
        let error = try #require(throws: FormatError.self) {
            try XMLSAXReader.parse(Data("<?xml version=\"1.0\"?>\n\n<!DOCTYPE r>\n<r/>".utf8), file: "n.srx", policy: .noDoctype, handler: Recorder())
        }
        #expect(error.code == .forbiddenConstruct && error.location?.line == 3 && error.location?.file == "n.srx")
        // The standard policy lets a bare DOCTYPE through.
        try XMLSAXReader.parse(Data("<!DOCTYPE r>\n<r/>".utf8), file: "n.xml", handler: Recorder())
    }

    @Test func emptyAndRootlessInputAreRefused() throws {
        let empty = try #require(throws: FormatError.self) { try XMLSAXReader.parse(Data(), file: "e.xml", handler: Recorder()) }
        #expect(empty.code == .emptyInput)
        let blank = try #require(throws: FormatError.self) { try XMLSAXReader.parse(Data("  \n".utf8), file: "b.xml", handler: Recorder()) }
        #expect(blank.code == .malformed && blank.location?.file == "b.xml")
        let unbound = try #require(throws: FormatError.self) { try XMLSAXReader.parse(Data("<r>\n<x:y/></r>".utf8), file: "u.xml", handler: Recorder()) }
        #expect(unbound.code == .malformed && unbound.location?.line == 2)
    }

    @Test func limitsAreValuesWithLibxml2sDepthAsCeiling() {
        #expect(XMLPolicy.standard.maxDepth == 256)
        #expect(XMLPolicy(maxDepth: 10_000).maxDepth == XMLPolicy.libxml2MaxDepth)
        #expect(XMLPolicy(maxDocumentBytes: .max).maxDocumentBytes < Int(Int32.max))
        #expect(XMLPolicy.noDoctype.doctype == .forbidden && XMLPolicy.standard.doctype == .allowedWithoutEntities)
    }

    @Test(arguments: [
        ("http://example.com/x.dtd", true), ("HTTPS://example.com/x", true), ("ftp://h/x", true), ("jar:file:/x!/y", true),
        ("file:///etc/x.xsd", false), ("/usr/share/x.xsd", false), ("relative/x.xsd", false), ("C:/x.xsd", false),
    ])
    func theLoaderRefusesEverySchemeButFile(_ url: String, refused: Bool) {
        #expect(url.withCString { LibXML2.hasNonFileScheme($0) } == refused)
    }

    /// The one global libxml2 setting: the XSD compiler's imports cannot reach the network.
    @Test func schemaImportsNeverReachTheNetwork() throws {
        let probe = try NetworkProbe()
        let xsd = FileManager.default.temporaryDirectory.appendingPathComponent("l10n-import-\(getpid()).xsd")
        try Data("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
              <xs:import namespace="urn:remote" schemaLocation="\(probe.url)/remote.xsd"/>
              <xs:element name="r"/>
            </xs:schema>
            """.utf8).write(to: xsd)
        defer { try? FileManager.default.removeItem(at: xsd) }
        let schema = try? XMLSchema(contentsOfFile: xsd.path)
        #expect(probe.connections() == 0)
        if let schema {
            let issues = try schema.validate(XMLTreeDocument.parse(Data("<r xmlns=\"urn:t\"/>".utf8), file: "t.xml"))
            #expect(issues.isEmpty)
        }
    }
}
