import CLibXML2
import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nFormats

/// Shared helpers for the HTML filter tests: fixture loading, the read → build → merge pipeline,
/// a compact notation for segments, and libxml2's own view of a page for comparisons.
enum HTMLTestSupport {
    static let fixtureNames = [
        "attributes-alt-title.html", "crlf-bom.html", "entities.html", "fragment-product.html", "full-page.html",
        "inline-nesting.html", "meta-charset-latin1.html", "notranslate.html", "script-style.html", "unclosed-paragraphs.html",
        "uppercase-unquoted.html",
    ]

    static func fixture(_ name: String) throws -> Data { try FixtureFolder.local.data("html/\(name)") }

    static func document(_ data: Data, file: String = "test.html") throws -> Document {
        let text = try TextInput.decodeUTF8(data, file: file)
        let drafts = try HTMLFilter().read(data, text: text, file: file)
        return try DocumentBuilder().build(original: file, format: HTMLFilter.formatID, bytes: data,
                                           sourceLanguage: "en", drafts: drafts)
    }

    static func document(_ html: String) throws -> Document { try document(Data(html.utf8)) }

    static func merge(_ document: Document) throws -> Data {
        try SkeletonMerger(escaper: HTMLFilter().escaper).merge(document)
    }

    /// The document with targets equal to sources, but segment ids renamed so the merger cannot
    /// copy original bytes and must write every segment from its runs.
    static func forcingRerender(_ document: Document) -> Document {
        var copy = document
        for u in copy.units.indices {
            for s in copy.units[u].segments.indices {
                copy.units[u].segments[s].target = copy.units[u].segments[s].source
                copy.units[u].segments[s].id += "-re"
            }
        }
        return copy
    }

    /// `text {1}bold{/1} {2/}`: open, close and standalone codes by id, text as is.
    static func notation(_ content: Content) -> String {
        content.runs.map { run -> String in
            switch run {
            case .text(let t): return t
            case .code(let c):
                switch c.kind {
                case .open: return "{\(c.id)}"
                case .close: return "{/\(c.id)}"
                case .standalone: return "{\(c.id)/}"
                }
            }
        }.joined()
    }

    /// Every unit as `type: segment | segment`, ignorables left out.
    static func outline(_ document: Document) -> [String] {
        document.units.map { unit in
            "\(unit.type ?? "-"): " + unit.translatableSegments.map { notation($0.source) }.joined(separator: " | ")
        }
    }

    /// All text runs of all segments, ignorables included.
    static func allTextRuns(_ document: Document) -> [String] {
        document.units.flatMap { $0.segments.flatMap { $0.source.runs } }.compactMap {
            if case .text(let t) = $0 { return t } else { return nil }
        }
    }

    /// libxml2's tree of `data` as lines: elements with sorted attributes, and text nodes (adjacent
    /// ones merged). `mask` lists attribute names whose values are replaced by `*`; with
    /// `maskText`, non-blank text becomes `#text` (for comparing structure after translation).
    static func libxml2Outline(_ data: Data, mask: Set<String> = [], maskText: Bool = false) -> [String] {
        var lines: [String] = []
        let options = Int32(bitPattern: HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let doc = data.withUnsafeBytes { raw in
            htmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(data.count), nil, "UTF-8", options)
        }
        guard let doc else { return ["<unparsable>"] }
        defer { xmlFreeDoc(doc) }
        func text(_ node: xmlNodePtr) -> String {
            guard let c = xmlNodeGetContent(node) else { return "" }
            defer { free(c) }  // xmlFree is free unless an app swaps allocators
            return String(cString: c)
        }
        func walk(_ first: xmlNodePtr?, depth: Int) {
            var node = first
            var pendingText: String?
            func flushText() {
                if let t = pendingText {
                    let shown = maskText && !t.allSatisfy(\.isWhitespace) ? "#text" : t.debugDescription
                    lines.append(String(repeating: " ", count: depth) + shown)
                }
                pendingText = nil
            }
            while let n = node {
                switch n.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    pendingText = (pendingText ?? "") + text(n)
                case XML_ELEMENT_NODE:
                    flushText()
                    var attrs: [String] = []
                    var a = n.pointee.properties
                    while let attr = a {
                        let name = String(cString: attr.pointee.name)
                        let value = mask.contains(name) ? "*" : text(UnsafeMutableRawPointer(attr).assumingMemoryBound(to: xmlNode.self))
                        attrs.append("\(name)=\(value.debugDescription)")
                        a = attr.pointee.next
                    }
                    lines.append(String(repeating: " ", count: depth) + "<\(String(cString: n.pointee.name))" + attrs.sorted().map { " " + $0 }.joined() + ">")
                    walk(n.pointee.children, depth: depth + 1)
                case XML_COMMENT_NODE:
                    flushText()
                    lines.append(String(repeating: " ", count: depth) + "<!--\(text(n))-->")
                default:
                    flushText()
                }
                node = n.pointee.next
            }
            flushText()
        }
        walk(xmlDocGetRootElement(doc), depth: 0)
        return lines
    }

    static let translatableAttributes: Set<String> = ["alt", "title", "placeholder", "aria-label", "aria-description", "label", "content", "value"]
}
