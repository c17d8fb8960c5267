import Foundation
import L10nCore
import L10nXML

/// What ``TMXEventHandler`` does with the SAX events of a TMX file: a small state machine over
/// `<header>`, `<tu>`, `<tuv>`, `<seg>` and the inline elements. End events carry no name, so it
/// keeps the stack of open elements.
///
/// A value the handler holds in one property, so that an event is one access to the handler's
/// storage: as the handler's own stored properties, every read and write of one was a dynamic
/// exclusivity check (~50 per unit, a tenth of the reader's instructions).
struct TMXParseState {
    private typealias OpenCode = (element: String, kind: InlineCode.Kind, id: String, isolated: Bool, data: String)

    private let file: String
    private let body: (TMXUnit) throws -> Void
    private(set) var report = TMXReader.Report()
    private(set) var sawRoot = false

    /// The open elements, as ``TMXElement``s (no `String` per event).
    private var stack: [TMXElement] = []
    /// Element names seen in this parse, by libxml2's interned name pointer.
    private var names: [(name: UnsafePointer<UInt8>, element: TMXElement)] = []
    private var headerSource: LanguageTag?
    private var headerAll = false
    /// The `xml:lang` values seen last and their tags: a TMX names the same few languages in
    /// every unit, parsed once each.
    private var languages: [(value: String, tag: LanguageTag)] = []

    // The <tu> being read, and why it cannot be used (first problem found).
    private var unit: TMXUnit?
    private var problem: String?
    // The <tuv> being read (nil inside a <tuv> whose language is unusable).
    private var variant: TMXUnit.Variant?
    private var inSeg = false
    private var runs: [Content.Run] = []
    private var text = ""
    // Inline codes: the one being read (its text is its data, <sub> included), <hi> ids open.
    private var code: OpenCode?
    private var codeDepth = 0
    private var hiIDs: [String] = []
    private var nextID = 1
    private var openByI: [String: String] = [:]
    // A <prop> or <note> being read.
    private var capture: String?
    private var propType: String?

    init(file: String, body: @escaping (TMXUnit) throws -> Void) {
        self.file = file
        self.body = body
    }

    /// The element `tag` opens: libxml2 interns names for the parse, so each distinct name is
    /// decoded once and then found by its pointer.
    private mutating func element(_ tag: XMLStartTag) -> TMXElement {
        for entry in names where entry.name == tag.localName { return entry.element }
        let element = TMXElement(tag.name)
        if names.count < 64 { names.append((tag.localName, element)) }
        return element
    }

    mutating func startElement(_ tag: XMLStartTag) throws {
        let name = element(tag)
        stack.append(name)
        if !sawRoot {
            guard name == .tmx else {
                throw FormatError(.malformed, "not a TMX file: the root element is <\(tag.name)>, not <tmx>", at: SourceLocation(file: file, line: tag.line))
            }
            sawRoot = true
            return
        }
        if code != nil { codeDepth += 1; return }
        if inSeg { startInline(name, tag); return }
        switch name {
        case .header:
            let src = tag.attributes["srclang"]
            report.headerSourceLanguage = src
            report.creationTool = tag.attributes["creationtool"]
            headerAll = src == "*all*"
            headerSource = src.flatMap(LanguageTag.init)
        case .tu:
            startUnit(tag)
        case .tuv where unit != nil:
            var lang: String?
            for a in tag.attributes where a.name == "lang" { lang = a.stringValue }
            if let lang, let language = self.language(lang) {
                variant = TMXUnit.Variant(language: language, content: Content(), properties: [], notes: [])
            } else {
                variant = nil
                problem = problem ?? (lang.map { "<tuv> language '\($0)' is not a language tag" } ?? "a <tuv> without xml:lang")
            }
        case .seg where variant != nil:
            inSeg = true
            runs = []
            text = ""
            nextID = 1
            openByI = [:]
            hiIDs = []
        case .prop, .note:
            propType = name == .prop ? (tag.attributes["type"] ?? "") : nil
            capture = ""
        default:
            break
        }
    }

    private mutating func language(_ value: String) -> LanguageTag? {
        for entry in languages where entry.value == value { return entry.tag }
        guard let tag = LanguageTag(value) else { return nil }
        if languages.count < 8 { languages.append((value, tag)) }
        return tag
    }

    private mutating func startUnit(_ tag: XMLStartTag) {
        let src = tag.attributes["srclang"]
        problem = nil
        var source: LanguageTag?
        if let src, src != "*all*" {
            source = LanguageTag(src)
            if source == nil { problem = "srclang '\(src)' is not a language tag" }
        } else if src == nil, !headerAll {
            source = headerSource
            if source == nil { problem = "no source language (neither the <tu> nor the <header> has a usable srclang)" }
        }
        unit = TMXUnit(tuid: tag.attributes["tuid"], sourceLanguage: source, variants: [], properties: [], notes: [],
                       created: tag.attributes["creationdate"].flatMap(TMXDate.parse),
                       changed: tag.attributes["changedate"].flatMap(TMXDate.parse), line: tag.line)
    }

    private mutating func startInline(_ name: TMXElement, _ tag: XMLStartTag) {
        let attributes = tag.attributes
        switch name {
        case .bpt:
            let id = attributes["x"] ?? attributes["i"].map { "i" + $0 } ?? freshID()
            if let i = attributes["i"] { openByI[i] = id }
            code = ("bpt", .open, id, false, "")
        case .ept:
            let id = attributes["i"].flatMap { openByI.removeValue(forKey: $0) }
            code = ("ept", .close, id ?? freshID(), id == nil, "")
        case .it:
            code = ("it", attributes["pos"] == "end" ? .close : .open, attributes["x"] ?? freshID(), true, "")
        case .ph, .ut:
            code = (name == .ph ? "ph" : "ut", .standalone, attributes["x"] ?? freshID(), false, "")
        case .hi:
            flushText()
            let id = attributes["x"] ?? freshID()
            hiIDs.append(id)
            let type = attributes["type"].map { " type=\"\($0)\"" } ?? ""
            runs.append(.code(InlineCode(kind: .open, id: id, data: "<hi\(type)>", type: .fmt, subType: "tmx:hi", display: "<hi>")))
        default:
            break  // not allowed in <seg>: the tag is dropped, its text kept
        }
        codeDepth = 0
    }

    private mutating func freshID() -> String {
        defer { nextID += 1 }
        return "n\(nextID)"
    }

    private mutating func flushText() {
        if !text.isEmpty { runs.append(.text(text)); text = "" }
    }

    mutating func endElement(line: Int) throws {
        let name = stack.popLast() ?? .other
        if let open = code {
            if codeDepth > 0 { codeDepth -= 1; return }
            code = nil
            flushText()
            runs.append(.code(InlineCode(kind: open.kind, id: open.id, data: open.data, type: open.element == "ph" ? .other : .fmt,
                                         subType: "tmx:" + open.element, isolated: open.isolated)))
            return
        }
        switch name {
        case .hi where inSeg:
            flushText()
            if let id = hiIDs.popLast() {
                runs.append(.code(InlineCode(kind: .close, id: id, data: "</hi>", type: .fmt, subType: "tmx:hi", display: "</hi>")))
            }
        case .seg where inSeg:
            flushText()
            inSeg = false
            // Normal already: text runs are flushed only when non-empty, and only before a code
            // or here (no second pass over the runs).
            variant?.content = Content(normalRuns: runs)
        case .prop, .note:
            guard let value = capture else { return }
            capture = nil
            if let type = propType {
                let property = TranslationUnit.Property(type: type, value: value)
                if variant != nil { variant!.properties.append(property) } else { unit?.properties.append(property) }
            } else if stack.last != .header {
                if variant != nil { variant!.notes.append(value) } else { unit?.notes.append(value) }
            }
            propType = nil
        case .tuv:
            if let v = variant { unit?.variants.append(v) }
            variant = nil
        case .tu:
            if let u = unit { try finish(u) }
            unit = nil
        default:
            break
        }
    }

    private mutating func finish(_ u: TMXUnit) throws {
        if let problem {
            report.skipped.append(.init(line: u.line, reason: problem))
            return
        }
        var nonEmpty = 0
        for v in u.variants where !v.content.isEmpty { nonEmpty += 1 }
        if nonEmpty < 2 {
            report.skipped.append(.init(line: u.line, reason: "fewer than two <tuv> with a non-empty <seg>"))
            return
        }
        if let source = u.sourceLanguage, !u.variants.contains(where: { $0.language == source }) {
            report.skipped.append(.init(line: u.line, reason: "no <tuv> in the source language \(source)"))
            return
        }
        report.units += 1
        try body(u)
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws {
        guard code != nil || inSeg || capture != nil else { return }
        let s = String(decoding: bytes, as: UTF8.self)
        if code != nil {
            code!.data += s
        } else if inSeg {
            if text.isEmpty { text = s } else { text += s }
        } else {
            capture! += s
        }
    }
}
