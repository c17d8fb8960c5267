import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import L10nCore

/// Reads SRX 1.0/2.0 XML into an ``SRXDocument``.
///
/// Uses the streaming `XMLParser` so every element keeps its line number for error messages.
/// Documents with a DOCTYPE are refused outright: SRX needs no DTD, and refusing one rules out
/// external entity loading and entity-expansion bombs whatever the XML library's defaults are.
enum SRXParser {
    static func parse(_ data: Data, source: String) throws -> SRXDocument {
        if let doctype = data.firstRange(of: Data("<!DOCTYPE".utf8)) ?? data.firstRange(of: Data("<!ENTITY".utf8)) {
            throw FormatError(.forbiddenConstruct, "SRX files must not declare a DOCTYPE or entities (they are not loaded, for safety)",
                              at: SourceLocation.at(byteOffset: doctype.lowerBound - data.startIndex, in: data, file: source))
        }
        let handler = Handler(source: source)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        handler.parser = parser
        let ok = parser.parse()
        if let failure = handler.failure { throw failure }
        guard ok else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
            throw FormatError(.malformed, "the SRX file is not well-formed XML (\(reason))",
                              at: SourceLocation(file: source, line: parser.lineNumber, column: parser.columnNumber))
        }
        // Foundation's XMLParser on Linux reports success for a document cut off mid-way; an
        // element still open at the end means the file is truncated.
        if let open = handler.path.last {
            throw FormatError(.malformed, "the SRX file is not well-formed XML: it ends inside <\(open.isEmpty ? "…" : open)>",
                              at: SourceLocation(file: source, line: parser.lineNumber))
        }
        guard handler.sawRoot else {
            throw FormatError(.invalidSRX, "not an SRX file: the root element must be <srx>", at: SourceLocation(file: source, line: 1))
        }
        return SRXDocument(
            header: handler.header, languageRules: handler.languageRules, mapRules: handler.maps, source: source)
    }

    private final class Handler: NSObject, XMLParserDelegate {
        let source: String
        weak var parser: XMLParser?
        var failure: FormatError?
        var sawRoot = false
        var header = SRXDocument.Header()
        var languageRules: [SRXDocument.LanguageRule] = []
        var maps: [SRXDocument.LanguageMap] = []

        private(set) var path: [String] = []
        private var currentRule: SRXDocument.Rule?
        private var text: String?

        init(source: String) { self.source = source }

        private var line: Int { parser?.lineNumber ?? 0 }

        private func fail(_ message: String) {
            guard failure == nil else { return }
            failure = FormatError(.invalidSRX, message, at: SourceLocation(file: source, line: line))
            parser?.abortParsing()
        }

        private func yesNo(_ value: String?, _ name: String, default fallback: Bool) -> Bool {
            guard let value else { return fallback }
            switch value.lowercased() {
            case "yes", "true": return true
            case "no", "false": return false
            default:
                fail("\(name)=\"\(value)\" must be \"yes\" or \"no\"")
                return fallback
            }
        }

        func parser(_ parser: XMLParser, didStartElement qName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            // Elements of other vocabularies (okpsrx:…) are extensions: skip them.
            let isSRX = !qName.contains(":")
            path.append(isSRX ? qName : "")
            guard isSRX else { return }
            if path.count == 1 {
                guard qName == "srx" else { return fail("not an SRX file: the root element is <\(qName)>, not <srx>") }
                sawRoot = true
                if let version = attributes["version"], version != "2.0", version != "1.0" {
                    fail("unsupported SRX version \"\(version)\" (expected 2.0)")
                }
                return
            }
            switch qName {
            case "header":
                header.segmentSubflows = yesNo(attributes["segmentsubflows"], "segmentsubflows", default: true)
                header.cascade = yesNo(attributes["cascade"], "cascade", default: true)
            case "languagerule":
                guard let name = attributes["languagerulename"], !name.isEmpty else {
                    return fail("<languagerule> needs a languagerulename")
                }
                languageRules.append(SRXDocument.LanguageRule(name: name, rules: [], line: line))
            case "rule":
                guard path.dropLast().last == "languagerule", !languageRules.isEmpty else {
                    return fail("<rule> outside a <languagerule>")
                }
                currentRule = SRXDocument.Rule(
                    isBreak: yesNo(attributes["break"], "break", default: true), beforeBreak: "", afterBreak: "", line: line)
            case "beforebreak", "afterbreak":
                guard currentRule != nil else { return fail("<\(qName)> outside a <rule>") }
                text = ""
            case "languagemap":
                guard let pattern = attributes["languagepattern"], let name = attributes["languagerulename"] else {
                    return fail("<languagemap> needs languagepattern and languagerulename")
                }
                maps.append(SRXDocument.LanguageMap(languagePattern: pattern, languageRuleName: name, line: line))
            default:
                break  // body, languagerules, maprules, maprule (SRX 1.0), formathandle
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text?.append(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            text?.append(String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, didEndElement qName: String, namespaceURI: String?, qualifiedName: String?) {
            path.removeLast()
            switch qName {
            case "beforebreak":
                currentRule?.beforeBreak = text ?? ""
                text = nil
            case "afterbreak":
                currentRule?.afterBreak = text ?? ""
                text = nil
            case "rule":
                if let rule = currentRule, !languageRules.isEmpty {
                    languageRules[languageRules.count - 1].rules.append(rule)
                }
                currentRule = nil
            default:
                break
            }
        }
    }
}
