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

    struct Element: Sendable {
        var name: String
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
        var children: [Node]
        /// Some descendant starts a block, so this element cannot be an inline code.
        var containsBlock: Bool

        func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }

        var startTag: Range<Int>? { startTagEnd.map { start..<$0 } }
        var endTag: Range<Int>? { endTagStart.map { $0..<end } }
    }

    /// Index 0 is a synthetic `#root` holding the doctype, comments and the `html` element.
    var elements: [Element]

    init() {
        elements = [Element(name: "#root", role: .block, start: 0, startTagEnd: nil, endTagStart: nil, end: 0,
                            attributes: [], children: [], containsBlock: true)]
    }
}
