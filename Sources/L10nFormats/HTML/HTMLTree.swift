/// The element tree libxml2 found, with every node tied to the exact bytes it came from.
///
/// libxml2 decides the structure (implied `</p>`, `<li>` closed by the next `<li>`, implied
/// `<html>`/`<body>` around fragments); the byte ranges come from where its parser stood when it
/// reported each event, checked against the raw bytes. Elements live in one array and refer to
/// each other by index, so a 50 MB page is a few flat arrays rather than millions of objects.
struct HTMLTree: Sendable {
    /// One node in an element's content, in document order.
    enum Node: Hashable, Sendable {
        case element(Int)
        /// Character data as it stands in the bytes (entities not yet decoded).
        case text(Range<Int>)
        /// A comment, doctype or processing instruction.
        case comment(Range<Int>)
        /// Bytes libxml2 skipped without an event (a stray `</span>`, a misplaced `<body>`).
        case markup(Range<Int>)
    }

    struct Attribute: Hashable, Sendable {
        /// Lower case, as libxml2 reports it.
        var name: String
        /// Decoded by libxml2 (`nil` for a bare attribute such as `checked`).
        var value: String?
    }

    /// What an element's own `translate` attribute or `notranslate` class says.
    enum TranslateFlag: Sendable {
        case inherit, yes, no
    }

    struct Element: Sendable {
        var name: String
        /// Same id for the same name within one tree (libxml2 interns names).
        var nameID: Int
        var role: HTMLElementRole
        /// Where the element begins: its `<` or, when libxml2 implied the start tag, the place
        /// where it did so.
        var start: Int
        /// The end of the start tag (just past `>`); `nil` when the start tag is implied.
        var startTagEnd: Int?
        /// The `<` of the end tag; `nil` when the end tag is implied or the element is void.
        var endTagStart: Int?
        /// Where the element ends (just past the end tag, or where libxml2 implied it).
        var end: Int
        /// Only the attributes the filter looks at (see ``HTMLTreeBuilder``).
        var attributes: [Attribute]
        var translate: TranslateFlag
        /// Its child nodes: a range of ``HTMLTree/nodes``.
        var children: Range<Int>
        /// Some descendant starts a block, so this element cannot be an inline code.
        var containsBlock: Bool

        func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }

        /// ITS 2.0 / HTML `translate` (an empty value means yes), else Google's `notranslate`
        /// class.
        static func translateFlag(_ attributes: [Attribute]) -> TranslateFlag {
            for a in attributes where a.name == "translate" {
                switch a.value?.lowercased() ?? "" {
                case "no": return .no
                case "yes", "": return .yes
                default: break
                }
            }
            for a in attributes where a.name == "class" {
                if let v = a.value, hasClass(v, "notranslate") { return .no }
            }
            return .inherit
        }

        /// Whether `classes` (a `class` value: names separated by ASCII whitespace) has `name`;
        /// on bytes, as it runs for every element with a class.
        static func hasClass(_ classes: String, _ name: StaticString) -> Bool {
            let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            var classes = classes
            return classes.withUTF8 { v in
                var start = 0
                for i in 0...v.count {
                    let separator = i == v.count || v[i] == 0x20 || v[i] == 0x09 || v[i] == 0x0A || v[i] == 0x0D || v[i] == 0x0C
                    guard separator else { continue }
                    if i - start == wanted.count, v[start..<i].elementsEqual(wanted) { return true }
                    start = i + 1
                }
                return false
            }
        }

        var startTag: Range<Int>? { startTagEnd.map { start..<$0 } }
        var endTag: Range<Int>? { endTagStart.map { $0..<end } }
    }

    /// Index 0 is a synthetic `#root` holding the doctype, comments and the `html` element.
    var elements: [Element]
    /// The child nodes of all elements, each element's in one range (``Element/children``): one
    /// array for the page, where an array per element cost an allocation and its regrowth each.
    var nodes: [Node] = []

    init() {
        elements = [Element(name: "#root", nameID: -1, role: .block, start: 0, startTagEnd: nil, endTagStart: nil, end: 0,
                            attributes: [], translate: .inherit, children: 0..<0, containsBlock: true)]
    }

    /// The child nodes of element `index`.
    func children(of index: Int) -> ArraySlice<Node> { nodes[elements[index].children] }
}
