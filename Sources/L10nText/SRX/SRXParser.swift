import Foundation
import L10nCore
import L10nXML

/// Reads SRX 1.0/2.0 XML into an ``SRXDocument``.
///
/// Streams the file through the shared ``XMLSAXReader`` under ``XMLPolicy/noDoctype``: SRX needs
/// no DTD, so any DOCTYPE is refused, and with it external entity loading and entity-expansion
/// bombs; every element keeps its line number for error messages.
enum SRXParser {
    static func parse(_ data: Data, source: String, policy: XMLPolicy = .noDoctype) throws -> SRXDocument {
        let handler = Handler(source: source)
        do {
            try XMLSAXReader.parse(data, file: source, policy: policy, handler: handler)
        } catch let error as FormatError where error.code == .malformed {
            throw FormatError(.malformed, "the SRX file is not well-formed XML (\(error.message))", at: error.location)
        }
        guard handler.sawRoot else {
            throw FormatError(.invalidSRX, "not an SRX file: the root element must be <srx>", at: SourceLocation(file: source, line: 1))
        }
        return SRXDocument(
            header: handler.header, languageRules: handler.languageRules, mapRules: handler.maps, source: source)
    }

    private final class Handler: XMLEventHandler {
        let source: String
        var sawRoot = false
        var header = SRXDocument.Header()
        var languageRules: [SRXDocument.LanguageRule] = []
        var maps: [SRXDocument.LanguageMap] = []

        /// Open elements: the SRX name, or "" for an element of another vocabulary (`okpsrx:…`).
        private var path: [String] = []
        private var currentRule: SRXDocument.Rule?
        private var text: String?

        init(source: String) { self.source = source }

        private func failure(_ message: String, line: Int) -> FormatError {
            FormatError(.invalidSRX, message, at: SourceLocation(file: source, line: line))
        }

        private func yesNo(_ value: String?, _ name: String, default fallback: Bool, line: Int) throws -> Bool {
            guard let value else { return fallback }
            switch value.lowercased() {
            case "yes", "true": return true
            case "no", "false": return false
            default: throw failure("\(name)=\"\(value)\" must be \"yes\" or \"no\"", line: line)
            }
        }

        func startElement(_ tag: XMLStartTag) throws {
            // Elements of other vocabularies (okpsrx:…) are extensions: skip them.
            let isSRX = tag.prefix == nil
            let name = isSRX ? tag.name : ""
            path.append(name)
            guard isSRX else { return }
            let line = tag.line
            let attributes = tag.attributes
            if path.count == 1 {
                guard name == "srx" else { throw failure("not an SRX file: the root element is <\(name)>, not <srx>", line: line) }
                sawRoot = true
                if let version = attributes["version"], version != "2.0", version != "1.0" {
                    throw failure("unsupported SRX version \"\(version)\" (expected 2.0)", line: line)
                }
                return
            }
            switch name {
            case "header":
                header.segmentSubflows = try yesNo(attributes["segmentsubflows"], "segmentsubflows", default: true, line: line)
                header.cascade = try yesNo(attributes["cascade"], "cascade", default: true, line: line)
            case "languagerule":
                guard let ruleName = attributes["languagerulename"], !ruleName.isEmpty else {
                    throw failure("<languagerule> needs a languagerulename", line: line)
                }
                languageRules.append(SRXDocument.LanguageRule(name: ruleName, rules: [], line: line))
            case "rule":
                guard path.dropLast().last == "languagerule", !languageRules.isEmpty else {
                    throw failure("<rule> outside a <languagerule>", line: line)
                }
                currentRule = SRXDocument.Rule(
                    isBreak: try yesNo(attributes["break"], "break", default: true, line: line), beforeBreak: "", afterBreak: "", line: line)
            case "beforebreak", "afterbreak":
                guard currentRule != nil else { throw failure("<\(name)> outside a <rule>", line: line) }
                text = ""
            case "languagemap":
                guard let pattern = attributes["languagepattern"], let ruleName = attributes["languagerulename"] else {
                    throw failure("<languagemap> needs languagepattern and languagerulename", line: line)
                }
                maps.append(SRXDocument.LanguageMap(languagePattern: pattern, languageRuleName: ruleName, line: line))
            default:
                break  // body, languagerules, maprules, maprule (SRX 1.0), formathandle
            }
        }

        func text(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) {
            text?.append(String(decoding: bytes, as: UTF8.self))
        }

        func endElement(line: Int) {
            switch path.removeLast() {
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
