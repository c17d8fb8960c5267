import Foundation
import L10nCore
import L10nXML

/// The SAX side of ``TBXReader``: one state machine for the three shapes of TBX-Basic, told apart
/// by element names only (namespaces are not needed to read them):
/// - TBX v3 DCA: `<conceptEntry>` → `<langSec xml:lang>` → `<termSec>` → `<term>`, data
///   categories as `<termNote type="partOfSpeech">`, `<descrip type="definition">`;
/// - TBX v3 DCT: the same structure, data categories as elements of their module's namespace
///   (`<basic:partOfSpeech>`, `<basic:administrativeStatus>`, `<basic:definition>`);
/// - TBX 2008 (`<martif>`): `<termEntry>` → `<langSet xml:lang>` → `<tig>`/`<ntig>` → `<term>`.
final class TBXEventHandler: XMLEventHandler {
    /// A term of one language as read.
    struct Term {
        var text = ""
        var partOfSpeech: String?
        var status: String?
        var note: String?
        var line: Int
    }

    /// A language section: its terms and its definition.
    struct Language {
        var tag: String
        var terms: [Term] = []
        var definition: String?
    }

    /// A concept entry being read.
    struct Entry {
        var line: Int
        var languages: [Language] = []
        var definition: String?
    }

    private let file: String
    private let body: (Entry) throws -> Void
    private(set) var sawRoot = false

    private var stack: [String] = []
    private var entry: Entry?
    private var language: Language?
    private var term: Term?
    private var inTerm = false
    /// The data category whose text is being read (`partOfSpeech`, `definition`, `note`…).
    private var category: String?
    private var categoryDepth = 0
    private var captured = ""

    init(file: String, body: @escaping (Entry) throws -> Void) {
        self.file = file
        self.body = body
    }

    func startElement(_ tag: XMLStartTag) throws {
        let name = tag.name
        stack.append(name)
        if !sawRoot {
            // DCA and DCT need not be told apart: both shapes are read by element names.
            guard name == "tbx" || name == "martif" else {
                throw FormatError(.malformed, "not a TBX file: the root element is <\(name)>, not <tbx> or <martif>",
                                  at: SourceLocation(file: file, line: tag.line))
            }
            sawRoot = true
            return
        }
        if category != nil { categoryDepth += 1; return }
        switch name {
        case "conceptEntry", "termEntry":
            entry = Entry(line: tag.line)
        case "langSec", "langSet":
            guard entry != nil else { return }
            var lang = ""
            for a in tag.attributes where a.name == "lang" { lang = a.stringValue }
            language = Language(tag: lang)
        case "termSec", "tig", "ntig":
            guard language != nil else { return }
            term = Term(line: tag.line)
        case "term" where term != nil:
            inTerm = true
        case "termNote", "descrip", "admin":
            startCategory(tag.attributes["type"] ?? "")
        case "note":
            startCategory("note")
        default:
            // DCT: a data category is an element of a module's namespace, named after it.
            if tag.namespace != nil, tag.prefix != nil, Self.categories.contains(name) { startCategory(name) }
        }
    }

    /// The data categories kept; the others (subjectField, source, customerSubset…) are read past.
    private static let categories: Set<String> = ["partOfSpeech", "administrativeStatus", "definition", "note"]

    private func startCategory(_ type: String) {
        guard Self.categories.contains(type) else { return }
        category = type
        categoryDepth = 0
        captured = ""
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws {
        if category != nil { captured += String(decoding: bytes, as: UTF8.self) }
        else if inTerm { term?.text += String(decoding: bytes, as: UTF8.self) }
    }

    private static func append(_ value: String, to text: String?) -> String {
        text.map { $0 + " " + value } ?? value
    }

    func endElement(line: Int) throws {
        let name = stack.popLast() ?? ""
        if let open = category {
            if categoryDepth > 0 { categoryDepth -= 1; return }
            category = nil
            let value = captured.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { return }
            if var t = term {
                switch open {
                case "partOfSpeech": t.partOfSpeech = value
                case "administrativeStatus": t.status = value
                default: t.note = Self.append(value, to: t.note)
                }
                term = t
            } else if var l = language, open == "definition" || open == "note" {
                l.definition = Self.append(value, to: l.definition)
                language = l
            } else if var e = entry, open == "definition" || open == "note" {
                e.definition = Self.append(value, to: e.definition)
                entry = e
            }
            return
        }
        switch name {
        case "term" where inTerm:
            inTerm = false
        case "termSec", "tig", "ntig":
            if let t = term { language?.terms.append(t) }
            term = nil
        case "langSec", "langSet":
            if let l = language { entry?.languages.append(l) }
            language = nil
        case "conceptEntry", "termEntry":
            if let e = entry { try body(e) }
            entry = nil
        default:
            break
        }
    }
}
