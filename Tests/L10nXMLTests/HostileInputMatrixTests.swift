import Foundation
import L10nCore
import L10nFormats
import L10nGlossary
import L10nMemory
@testable import L10nText
import L10nTestSupport
import L10nXML
import Testing

/// One table of hostile documents run against every XML entry point: the XLIFF 2 and 1.2 readers,
/// the XLIFF validator, the SRX loader, the TMX and the TBX readers must each refuse with a `FormatError` (for the
/// validator: a finding) of the expected code, naming the file and the line; the HTML reader,
/// whose parser is forgiving by design, must expand and fetch nothing and not crash. A local
/// listener checks that nothing touched the network.
@Suite("hostile XML × every entry point", .serialized)
struct HostileInputMatrixTests {
    static let probe = try! NetworkProbe()
    static let evilDTD: URL = {
        // In a folder of its own, removed when the tests end (TemporaryDirectory).
        let url = (try? TemporaryDirectory.make("l10n-evil"))!.appendingPathComponent("evil.dtd")
        try? Data("<!ENTITY evil SYSTEM \"file:///etc/passwd\">\n<!ATTLIST xliff injected CDATA \"yes\">\n".utf8).write(to: url)
        return url
    }()

    /// Where an entry point puts the hostile pieces: line 1 is the XML declaration, line 2 the
    /// prolog (a DOCTYPE or nothing), line 3 the opening markup, line 4 the payload (inside an
    /// element that holds text), line 5 the closing markup.
    struct EntryPoint: Sendable, CustomTestStringConvertible {
        enum Kind: Sendable { case xliff2, xliff12, validator, srx, html, tmx, tbx }
        let kind: Kind
        var testDescription: String { "\(kind)" }

        var opening: String {
            switch kind {
            case .xliff2, .validator:
                return #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"><file id="f"><unit id="u"><segment><source>"#
            case .xliff12:
                return #"<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a.md" source-language="en" target-language="de" datatype="x-markdown"><body><trans-unit id="u"><source>"#
            case .srx:
                return #"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header segmentsubflows="yes" cascade="yes"/><body><languagerules><languagerule languagerulename="Default"><rule break="yes"><beforebreak>"#
            case .html:
                return "<html><body><p>"
            case .tmx:
                return #"<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>"#
            case .tbx:
                return #"<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>"#
            }
        }

        var closing: String {
            switch kind {
            case .xliff2, .validator: return "</source></segment></unit></file></xliff>"
            case .xliff12: return "</source></trans-unit></body></file></xliff>"
            case .srx: return #"</beforebreak><afterbreak>\s</afterbreak></rule></languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="Default"/></maprules></body></srx>"#
            case .html: return "</p></body></html>"
            case .tmx: return #"</seg></tuv><tuv xml:lang="de"><seg>Text</seg></tuv></tu></body></tmx>"#
            case .tbx: return #"</term></termSec></langSec><langSec xml:lang="de"><termSec><term>Text</term></termSec></langSec></conceptEntry></body></text></tbx>"#
            }
        }

        var forbidsDoctype: Bool { kind == .srx }
        var file: String {
            switch kind {
            case .srx: return "hostile.srx"
            case .html: return "hostile.html"
            case .tmx: return "hostile.tmx"
            case .tbx: return "hostile.tbx"
            default: return "hostile.xlf"
            }
        }

        /// Runs the entry point. nil: it read the document; otherwise the refusal as a FormatError
        /// (for the validator, rebuilt from its one error finding).
        func run(_ data: Data, policy: XMLPolicy) throws -> FormatError? {
            do {
                switch kind {
                case .xliff2, .xliff12:
                    _ = try XLIFFReader(xmlPolicy: policy).read(data, file: file)
                case .srx:
                    _ = try SRXParser.parse(data, source: file, policy: XMLPolicy(
                        doctype: .forbidden, maxDocumentBytes: policy.maxDocumentBytes, maxDepth: policy.maxDepth,
                        maxAttributeValueBytes: policy.maxAttributeValueBytes, maxTextRunBytes: policy.maxTextRunBytes))
                case .tmx:
                    _ = try TMXReader(policy: policy).read(data, file: file) { _ in }
                case .tbx:
                    _ = try TBXReader(policy: policy).read(data, file: file)
                case .html:
                    let text = try TextInput.decodeUTF8(data, file: file)
                    let drafts = try HTMLFilter().read(data, text: text, file: file)
                    let out = "\(drafts)"
                    #expect(!out.contains("root:"), "the HTML reader expanded an external entity")
                    #expect(out.utf8.count < 40 * data.count + 4096, "the HTML reader expanded something")
                case .validator:
                    let result = XLIFFValidator(options: .init(xmlPolicy: policy)).validate(data, file: file)
                    guard let finding = result.findings.first, result.findings.count == 1 else {
                        Issue.record("expected one finding: \(result.findings)")
                        return nil
                    }
                    let code: FormatError.Code = switch finding.check {
                    case "xliff.entity-declaration": .forbiddenConstruct
                    case "xliff.too-large": .tooLarge
                    case "xliff.well-formed": .malformed
                    default: FormatError.Code(rawValue: finding.check)
                    }
                    #expect(finding.severity == .error)
                    return FormatError(code, finding.message, at: finding.location)
                }
                return nil
            } catch let error as FormatError {
                return error
            }
        }

        static let all: [EntryPoint] = [.init(kind: .xliff2), .init(kind: .xliff12), .init(kind: .validator), .init(kind: .srx), .init(kind: .html), .init(kind: .tmx), .init(kind: .tbx)]
    }

    /// A hostile document: what goes on line 2 and line 4, and what the XML entry points must say.
    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        var prolog: String = ""
        var payload: [UInt8] = Array("text".utf8)
        var policy: XMLPolicy = .standard
        /// The expected code and the lines it may name; for an entry point that refuses any
        /// DOCTYPE, a row with one is refused on line 2 instead.
        let code: FormatError.Code
        let lines: ClosedRange<Int>
        var utf16 = false
        var truncate = false
        var testDescription: String { name }

        func document(for entry: EntryPoint) -> Data {
            let head = "<?xml version=\"1.0\" encoding=\"\(utf16 ? "UTF-16" : "UTF-8")\"?>\n\(prolog)\n\(entry.opening)\n"
            var bytes = Array(head.utf8) + payload + Array("\n".utf8)
            if !truncate { bytes += Array("\(entry.closing)\n".utf8) }
            guard utf16 else { return Data(bytes) }
            var wide = Data([0xFF, 0xFE])
            for unit in String(decoding: bytes, as: UTF8.self).utf16 { wide.append(UInt8(unit & 0xFF)); wide.append(UInt8(unit >> 8)) }
            return wide
        }
    }

    static let rows: [Row] = {
        let lol = "<!ENTITY lol \"lol\">" + (1...9).map { n in
            "<!ENTITY lol\(n) \"" + String(repeating: "&lol\(n == 1 ? "" : String(n - 1));", count: 10) + "\">"
        }.joined()
        let small = XMLPolicy(maxDocumentBytes: 4096, maxTextRunBytes: 1024)
        return [
            Row(name: "XXE: external entity file:///etc/passwd", prolog: #"<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#,
                payload: Array("&xxe;".utf8), code: .forbiddenConstruct, lines: 2...2),
            Row(name: "external parameter entity over http", prolog: "<!DOCTYPE xliff [<!ENTITY % ext SYSTEM \"\(probe.url)/ext.dtd\"> %ext;]>",
                code: .forbiddenConstruct, lines: 2...2),
            Row(name: "billion laughs", prolog: "<!DOCTYPE xliff [\(lol)]>", payload: Array("&lol9;".utf8), code: .forbiddenConstruct, lines: 2...2),
            Row(name: "quadratic blowup", prolog: "<!DOCTYPE xliff [<!ENTITY a \"\(String(repeating: "a", count: 50_000))\">]>",
                payload: Array(String(repeating: "&a;", count: 10_000).utf8), code: .forbiddenConstruct, lines: 2...2),
            Row(name: "external DTD via SYSTEM (file)", prolog: "<!DOCTYPE xliff SYSTEM \"\(evilDTD.absoluteString)\">",
                payload: Array("&evil;".utf8), code: .forbiddenConstruct, lines: 4...4),
            Row(name: "external DTD via PUBLIC over http", prolog: "<!DOCTYPE xliff PUBLIC \"-//EVIL//DTD X//EN\" \"\(probe.url)/evil.dtd\">",
                payload: Array("&evil;".utf8), code: .forbiddenConstruct, lines: 4...4),
            Row(name: "XInclude", payload: Array(#"<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>"#.utf8),
                code: .forbiddenConstruct, lines: 4...4),
            Row(name: "nesting deeper than the limit", payload: Array((String(repeating: "<x>", count: 300) + String(repeating: "</x>", count: 300)).utf8),
                code: .tooLarge, lines: 4...4),
            Row(name: "document larger than the limit", payload: Array(String(repeating: "0123456789abcdef <b/>", count: 400).utf8),
                policy: small, code: .tooLarge, lines: 4...4),
            Row(name: "text run longer than the limit", payload: Array(String(repeating: "x", count: 3000).utf8),
                policy: small, code: .tooLarge, lines: 4...4),
            Row(name: "huge attribute", payload: Array("<x a=\"\(String(repeating: "A", count: (1 << 20) + 1))\"/>".utf8),
                code: .tooLarge, lines: 4...4),
            Row(name: "invalid UTF-8", payload: [0x61, 0xC3, 0x28, 0x62], code: .malformed, lines: 4...4),
            Row(name: "truncated document", payload: Array("cut here".utf8), code: .malformed, lines: 4...5, truncate: true),
            Row(name: "UTF-16 with BOM declaring an entity", prolog: #"<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#,
                payload: Array("&xxe;".utf8), code: .forbiddenConstruct, lines: 2...2, utf16: true),
        ]
    }()

    @Test(arguments: rows, EntryPoint.all)
    func refused(_ row: Row, _ entry: EntryPoint) throws {
        let data = row.document(for: entry)
        _ = Self.probe.connections()
        let error = try entry.run(data, policy: row.policy)
        #expect(Self.probe.connections() == 0, "\(entry) touched the network")
        guard entry.kind != .html else { return }  // harmless is enough for HTML (checked in run)
        let refusal = try #require(error, "\(entry) accepted \(row.name)")
        let doctypeRefused = entry.forbidsDoctype && !row.prolog.isEmpty
        #expect(refusal.code == (doctypeRefused ? .forbiddenConstruct : row.code), "\(refusal)")
        #expect(refusal.location?.file == entry.file, "\(refusal)")
        let line = try #require(refusal.location?.line, "no line in \(refusal)")
        #expect((doctypeRefused ? 2...2 : row.lines).contains(line), "\(refusal)")
        #expect(!refusal.message.contains("root:"))
    }

    @Test("each entry point reads the envelope itself", arguments: EntryPoint.all)
    func envelopeIsFine(_ entry: EntryPoint) throws {
        let row = Row(name: "benign", code: .malformed, lines: 1...1)
        let data = row.document(for: entry)
        if entry.kind == .validator {
            // Schema findings, expected for this bare unit; no XML-level refusal among them.
            let checks = XLIFFValidator().validate(data, file: entry.file).findings.map(\.check)
            #expect(!checks.contains("xliff.well-formed") && !checks.contains("xliff.entity-declaration") && !checks.contains("xliff.too-large"))
            return
        }
        let error = try entry.run(data, policy: .standard)
        if entry.kind == .tmx || entry.kind == .tbx { #expect(error == nil, "the \(entry) reader refused a benign document: \(String(describing: error))") }
        // The XLIFF readers need the skeleton l10n writes, so they stop later, at XLIFF level:
        // what matters is that the XML layer let the document through.
        if let error { #expect(![.forbiddenConstruct, .tooLarge, .malformed].contains(error.code), "\(error)") }
    }
}
