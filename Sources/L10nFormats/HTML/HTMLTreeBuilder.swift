import Foundation
import L10nCore
import L10nXML

/// Turns the events of libxml2's forgiving HTML parser (through ``HTMLSAXDriver``, in L10nXML)
/// into an ``HTMLTree`` whose nodes carry exact byte ranges.
///
/// libxml2's HTML DOM has no byte offsets, so positions come from the parser itself: each event
/// says how far it has read (`input.consumed + (input.cur - input.base)`). Every event is
/// then matched against the raw bytes from the last accounted position (the *cursor*):
/// - a start tag is real when `<name` is found between the cursor and the position (where the
///   parser stands on `>` or `/>`), otherwise libxml2 implied it and it is zero-width;
/// - an end tag is real when `</name` is found there, otherwise it is implied;
/// - character data runs from the cursor to the position of the last text event;
/// - bytes libxml2 skipped silently (a stray `</span>`) become ``HTMLTree/Node/markup``.
/// So the tree always tiles the input, whatever libxml2 repaired.
final class HTMLTreeBuilder: HTMLEventHandler {
    /// Deeper nesting than this is rejected: the extractor walks the tree recursively.
    static let maxDepth = 400

    /// Attributes copied out of libxml2 events; the rest are never needed.
    private static let keptAttributes: Set<String> = [
        "translate", "class", "type", "name", "property", "content", "value",
        "alt", "title", "placeholder", "aria-label", "aria-description", "label",
        "colspan", "rowspan",  // whether a table's rows and columns are certain (``TableCell``)
    ]

    // The state is touched only from the parse's own callbacks, one at a time, so its accesses
    // go unchecked: a dynamic exclusivity check per access cost ≈ 2.5% of extracting HTML.
    private let bytes: UnsafeBufferPointer<UInt8>
    @exclusivity(unchecked) private(set) var tree = HTMLTree()
    /// The open elements, innermost last, each with where its children start in `pending`.
    @exclusivity(unchecked) private var stack: [(index: Int, firstChild: Int)] = [(0, 0)]
    /// The children of the open elements, in stack order: an element's move to the tree's
    /// ``HTMLTree/nodes`` when it closes (its descendants' have moved already), so each
    /// element's children are one range there.
    @exclusivity(unchecked) private var pending: [HTMLTree.Node] = []
    @exclusivity(unchecked) private var cursor: Int
    @exclusivity(unchecked) private var textEnd: Int
    /// Where nesting first went deeper than ``maxDepth``.
    @exclusivity(unchecked) private(set) var tooDeepAt: Int?
    /// libxml2 interns element and attribute names in its dictionary, so a name's pointer is
    /// stable for one parse: Swift strings and roles are made once per distinct name.
    @exclusivity(unchecked) private var names = NameCache<(name: String, id: Int, role: HTMLElementRole)>()
    @exclusivity(unchecked) private var attributeNames = NameCache<String?>()

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        cursor = bom ? 3 : 0
        textEnd = cursor
    }

    /// The tree of `bytes` (UTF-8, already validated), or a `FormatError` naming `file`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> HTMLTree {
        let builder = HTMLTreeBuilder(bytes: bytes)
        try HTMLSAXDriver.parse(bytes, file: file, handler: builder)
        builder.finish()
        if let at = builder.tooDeepAt {
            throw FormatError(.tooLarge, "elements are nested more than \(maxDepth) levels deep",
                              at: SourceLocation.at(byteOffset: at, in: bytes, file: file))
        }
        return builder.tree
    }

    // MARK: - HTMLEventHandler

    func startElement(_ name: UnsafePointer<UInt8>, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, position: Int?) -> Bool {
        startElement(name, attributes, at: clamped(position))
        return tooDeepAt == nil
    }

    func endElement(_ name: UnsafePointer<UInt8>, position: Int?) { endElement(name, at: clamped(position)) }

    func characters(position: Int?) {
        let p = clamped(position)
        if p > textEnd { textEnd = p }
    }

    func markup(opener: (UInt8, UInt8), position: Int?) { token(opener: [opener.0, opener.1], at: clamped(position)) }

    // MARK: - Positions

    /// How far libxml2 has read, in bytes of the original input, never behind the cursor.
    private func clamped(_ position: Int?) -> Int {
        guard let p = position else { return cursor }
        return min(max(p, cursor), bytes.count)
    }

    /// Closes the pending character data before an event at `limit`. libxml2 reports text in
    /// chunks and may stand at the start of the chunk's last character when it reports a full
    /// buffer, so the text is extended to the next `<` or `&` (where libxml2 stops text).
    private func flushText(before limit: Int) {
        guard textEnd > cursor else { return }
        while textEnd < limit, bytes[textEnd] != UInt8(ascii: "<"), bytes[textEnd] != UInt8(ascii: "&") { textEnd += 1 }
        append(.text(cursor..<textEnd))
        cursor = textEnd
    }

    private func append(_ node: HTMLTree.Node) {
        pending.append(node)
    }

    /// Moves the children of the innermost open element, `index`, into the tree.
    private func closeChildren(of index: Int, from first: Int) {
        let start = tree.nodes.count
        tree.nodes.append(contentsOf: pending[first...])
        tree.elements[index].children = start..<tree.nodes.count
        pending.removeLast(pending.count - first)
    }

    private func skipTo(_ index: Int) {
        if index > cursor { append(.markup(cursor..<index)) }
        cursor = max(cursor, index)
    }

    // MARK: - Events

    private func startElement(_ cName: UnsafePointer<UInt8>, _ atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, at p: Int) {
        flushText(before: p)
        let known = intern(cName)
        var start = cursor, startTagEnd: Int?, end = cursor
        if let lt = findTag(cName, closing: false, in: cursor..<p) {
            skipTo(lt)
            var tagEnd = p
            if p < bytes.count, bytes[p] == UInt8(ascii: ">") { tagEnd = p + 1 }
            else if p + 1 < bytes.count, bytes[p] == UInt8(ascii: "/"), bytes[p + 1] == UInt8(ascii: ">") { tagEnd = p + 2 }
            start = lt
            startTagEnd = tagEnd
            end = tagEnd
            cursor = tagEnd
            textEnd = tagEnd
        }
        var attributes: [HTMLTree.Attribute] = []
        var translate = HTMLTree.TranslateFlag.inherit
        if let atts {
            var i = 0
            while let n = atts[i] {
                let kept: String?
                if let cached = attributeNames.value(n) {
                    kept = cached
                } else {
                    let attName = String(cString: n)
                    kept = Self.keptAttributes.contains(attName) ? attName : nil
                    attributeNames.set(kept, for: n)
                }
                if let kept {
                    attributes.append(.init(name: kept, value: atts[i + 1].map { String(cString: $0) }))
                }
                i += 2
            }
            translate = HTMLTree.Element.translateFlag(attributes)
        }
        let index = tree.elements.count
        // Made in the append by the memberwise initializer: a local element, completed and then
        // appended, was copied into the array (and the local destroyed).
        tree.elements.append(HTMLTree.Element(
            name: known.name, nameID: known.id, role: known.role, start: start, startTagEnd: startTagEnd, endTagStart: nil,
            end: end, attributes: attributes, translate: translate, children: 0..<0, containsBlock: false))
        append(.element(index))
        stack.append((index, pending.count))
        if stack.count > Self.maxDepth, tooDeepAt == nil {
            tooDeepAt = start  // the driver then stops libxml2
        }
    }

    private func endElement(_ cName: UnsafePointer<UInt8>, at p: Int) {
        flushText(before: p)
        let id = intern(cName).id
        guard let depth = stack.lastIndex(where: { tree.elements[$0.index].nameID == id }), depth > 0 else {
            // libxml2 closed something it never opened for us: keep its bytes, change nothing.
            if let lt = findTag(cName, closing: true, in: cursor..<p) { skipTo(lt); skipTo(p) }
            return
        }
        var endTag: Range<Int>?
        if let lt = findTag(cName, closing: true, in: cursor..<p) {
            skipTo(lt)
            endTag = lt..<p
        }
        // Elements above it were closed by libxml2 without an event (a start tag missing its
        // `>`); they end where this end tag begins.
        while stack.count - 1 > depth { close(endTag: nil) }
        close(endTag: endTag)
        if let endTag { cursor = endTag.upperBound; textEnd = cursor }
    }

    private func intern(_ cName: UnsafePointer<UInt8>) -> (name: String, id: Int, role: HTMLElementRole) {
        if let known = names.value(cName) { return known }
        let name = String(cString: cName)
        // Names libxml2 passes as C literals (implied `html`, `body`, `p`) are not interned: look
        // for the same text under another pointer.
        let id = names.values.first { $0.name == name }?.id ?? names.count
        let entry = (name: name, id: id, role: HTMLElementRole.of(name))
        names.set(entry, for: cName)
        return entry
    }

    /// What was made of each name pointer, with a direct-mapped cache in front of the
    /// dictionary: a page uses a few dozen names, so one slot comparison answers nearly every
    /// lookup without hashing the pointer (≈ 140 instructions a lookup through the dictionary).
    private struct NameCache<Value> {
        private var dictionary: [UnsafePointer<UInt8>: Value] = [:]
        private var slots = [(pointer: UnsafePointer<UInt8>?, value: Value?)](repeating: (nil, nil), count: 64)

        private static func slot(_ p: UnsafePointer<UInt8>) -> Int { Int(truncatingIfNeeded: UInt(bitPattern: p) >> 3) & 63 }

        var count: Int { dictionary.count }
        var values: Dictionary<UnsafePointer<UInt8>, Value>.Values { dictionary.values }

        mutating func value(_ p: UnsafePointer<UInt8>) -> Value? {
            let s = Self.slot(p)
            if slots[s].pointer == p { return slots[s].value }
            guard let value = dictionary[p] else { return nil }
            slots[s] = (p, value)
            return value
        }

        mutating func set(_ value: Value, for p: UnsafePointer<UInt8>) {
            dictionary[p] = value
            slots[Self.slot(p)] = (p, value)
        }
    }

    /// Closes the innermost open element.
    private func close(endTag: Range<Int>?) {
        let (index, firstChild) = stack.removeLast()
        closeChildren(of: index, from: firstChild)
        tree.elements[index].endTagStart = endTag?.lowerBound
        tree.elements[index].end = endTag?.upperBound ?? cursor
        let breaks: Bool
        switch tree.elements[index].role {  // fields read in place: an element copy retains three arrays and a string
        case .block, .preformatted: breaks = true
        case .inline, .flexible: breaks = tree.elements[index].containsBlock
        case .void, .literal, .raw: breaks = false
        }
        if breaks, let parent = stack.last { tree.elements[parent.index].containsBlock = true }
    }

    /// A comment, doctype or processing instruction ending at the parser's position.
    private func token(opener: [UInt8], at p: Int) {
        flushText(before: p)
        var i = cursor
        while i + 1 < p, !(bytes[i] == opener[0] && bytes[i + 1] == opener[1]) { i += 1 }
        guard i + 1 < p else { return }
        skipTo(i)
        append(.comment(i..<p))
        cursor = p
        textEnd = p
    }

    private func finish() {
        flushText(before: bytes.count)
        while stack.count > 1 { close(endTag: nil) }
        skipTo(bytes.count)
        closeChildren(of: 0, from: 0)
        tree.elements[0].end = bytes.count
    }

    // MARK: - Matching tags against the bytes

    /// The `<` of `<name` (or `</name`, for `closing`) within `range`: the first one for a start
    /// tag, the last one for an end tag. The name must be followed by a byte that cannot continue
    /// it, so `<p` does not match `<pre`.
    private func findTag(_ name: UnsafePointer<UInt8>, closing: Bool, in range: Range<Int>) -> Int? {
        let n = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
        let prefix = closing ? 2 : 1
        guard range.count >= prefix + n else { return nil }
        func matches(at i: Int) -> Bool {
            guard bytes[i] == UInt8(ascii: "<") else { return false }
            if closing, bytes[i + 1] != UInt8(ascii: "/") { return false }
            for k in 0..<n where lower(bytes[i + prefix + k]) != name[k] { return false }
            let after = i + prefix + n
            return after >= bytes.count || !isNameByte(bytes[after])
        }
        if closing {
            var i = range.upperBound - prefix - n
            while i >= range.lowerBound { if matches(at: i) { return i }; i -= 1 }
        } else {
            var i = range.lowerBound
            while i <= range.upperBound - prefix - n { if matches(at: i) { return i }; i += 1 }
        }
        return nil
    }

    private func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    /// Bytes libxml2 accepts inside a tag name.
    private func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: ":") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }
}
