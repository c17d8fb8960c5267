import L10nCore

/// Walks an ``HTMLTree`` and produces the unit drafts of a page, in byte order.
///
/// - A block element's direct inline content (text plus inline elements, up to the next block
///   child) is one *run*; each run with text becomes a unit typed after the block (`html:p`).
/// - Inline tags inside a run become codes: open/close pairs, standalones for void elements.
///   `code`/`kbd`/`samp`/`var`, `script`/`style`/`svg`… and anything not to be translated
///   (`translate="no"`, `class="notranslate"`) become one protected standalone code.
/// - Edges are trimmed: leading and trailing items without text (`<br>`, `<img>`, comments)
///   are left in the skeleton, and an inline element wrapping the whole run (`<li><a>Home</a></li>`)
///   is unwrapped, so segments do not start or end with tags the translator cannot move anyway.
/// - Translatable attributes (`alt`, `title`, `placeholder`, `aria-label`, `meta content`…) are
///   units of their own (`html:attr-alt`), quoted values only (an unquoted value could not take
///   arbitrary text back). Inside a unit the tag stays one code, which nobody may delete, and
///   its attribute units are *subflows* of that unit: a translation may move the tag anywhere
///   and its attributes still merge back into it.
/// - Inside a unit, a `translate="no"` inline element is one protected code as a whole, so a
///   `translate="yes"` descendant of it stays untranslated; at block level it is honoured.
struct HTMLUnitExtractor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let tree: HTMLTree
    private var decoder: HTMLCharacterDecoder
    private var drafts: [UnitDraft] = []
    /// Attribute units of tags inside the unit being built, attached to it when it is done.
    private var subflows: [UnitDraft] = []
    private var nextCode = 0
    /// The table position of each `td`/`th` element, by element index.
    private let cells: [Int: TableCell]
    /// What codes of each element name look like, by ``HTMLTree/Element/nameID``: made once per
    /// name, not per tag (a switch on the name and three interpolated strings each time).
    private var styles: [HTMLCodeStyle?] = []
    /// Whether each element name is one of ``sentenceContainers``, by ``HTMLTree/Element/nameID``
    /// (the set hashed the name for every container).
    private var sentenceByName: [Bool?] = []

    init(bytes: UnsafeBufferPointer<UInt8>, tree: HTMLTree) {
        self.bytes = bytes
        self.tree = tree
        self.decoder = HTMLCharacterDecoder(bytes: bytes)
        self.cells = Self.tableCells(in: tree)
    }

    /// Rows and columns of every table whose shape is certain: cells of its own rows (in
    /// `thead`, `tbody`, `tfoot` or directly under it; nested tables are tables of their own), no
    /// `colspan` or `rowspan` above 1. A row is a header row inside `thead` or when all its cells
    /// are `th` (a `th` beside `td`s labels its row).
    static func tableCells(in tree: HTMLTree) -> [Int: TableCell] {
        var out: [Int: TableCell] = [:]
        // A table's cells, kept if its shape turns out certain: a list reused from table to
        // table, then added to `out` sized for them (a dictionary per table, merged, rehashed both).
        var found: [(element: Int, cell: TableCell)] = []
        var cellsOfRow: [Int] = []
        var number = 0
        // By index, names compared in place: `for table in tree.elements` copied every element out.
        for t in tree.elements.indices where tree.elements[t].name == "table" {
            var rows: [(index: Int, inHead: Bool)] = []
            for case .element(let i) in tree.children(of: t) {
                let name = tree.elements[i].name
                if name == "tr" { rows.append((i, false)) }
                if name == "thead" || name == "tbody" || name == "tfoot" {
                    for case .element(let r) in tree.children(of: i) where tree.elements[r].name == "tr" { rows.append((r, name == "thead")) }
                }
            }
            found.removeAll(keepingCapacity: true)
            var certain = true
            rows: for (r, row) in rows.enumerated() {
                cellsOfRow.removeAll(keepingCapacity: true)
                for case .element(let c) in tree.children(of: row.index) where tree.elements[c].name == "td" || tree.elements[c].name == "th" {
                    let spans = tree.elements[c].attributes.filter { $0.name == "colspan" || $0.name == "rowspan" }
                    if spans.contains(where: { ($0.value.flatMap { Int(String($0.filter { !$0.isWhitespace })) } ?? 1) != 1 }) {
                        certain = false
                        break rows
                    }
                    cellsOfRow.append(c)
                }
                let header = row.inHead || (!cellsOfRow.isEmpty && cellsOfRow.allSatisfy { tree.elements[$0].name == "th" })
                for (column, c) in cellsOfRow.enumerated() {
                    found.append((c, TableCell(table: number, row: r, column: column, isHeader: header)))
                }
            }
            number += 1
            if certain {
                out.reserveCapacity(out.count + found.count)
                for (element, cell) in found where out[element] == nil { out[element] = cell }
            }
        }
        return out
    }

    mutating func extract() -> [UnitDraft] {
        walkContainer(0, translatable: true)
        return drafts
    }

    // MARK: - Blocks

    private mutating func walkContainer(_ index: Int, translatable: Bool) {
        if translatable { emitAttributes(of: index) }
        let sentence = isSentenceContainer(index)
        // A run is a stretch of consecutive children: handed on as a slice of them, not
        // collected into an array of its own (an allocation per container).
        let children = tree.children(of: index)
        var runStart = children.startIndex
        for i in children.indices {
            let child = children[i]
            if isRunItem(child), sentence || !isFlexible(child) { continue }
            flush(children[runStart..<i], container: index, translatable: translatable)
            runStart = i + 1
            if case .element(let c) = child { blockChild(c, inherited: translatable) }
        }
        flush(children[runStart...], container: index, translatable: translatable)
    }

    private mutating func blockChild(_ index: Int, inherited: Bool) {
        let t = isTranslatable(tree.elements[index], inherited: inherited)
        if tree.elements[index].role == .preformatted, !explicitlyTranslatable(tree.elements[index]) {
            if t { emitAttributes(of: index) }
            return
        }
        walkContainer(index, translatable: t)
    }

    /// Blocks whose text reads as one sentence or phrase: a `label` or `button` in them is part
    /// of that sentence. Elsewhere (`form`, `div`, `fieldset`) they are captions of their own.
    private static let sentenceContainers: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "caption", "figcaption",
        "summary", "legend", "title", "option", "blockquote", "address",
    ]

    private mutating func isSentenceContainer(_ index: Int) -> Bool {
        let id = tree.elements[index].nameID
        guard id >= 0 else { return Self.sentenceContainers.contains(tree.elements[index].name) }
        if id < sentenceByName.count, let known = sentenceByName[id] { return known }
        let answer = Self.sentenceContainers.contains(tree.elements[index].name)
        if id >= sentenceByName.count { sentenceByName += Array(repeating: nil, count: id + 1 - sentenceByName.count) }
        sentenceByName[id] = answer
        return answer
    }

    private func isFlexible(_ node: HTMLTree.Node) -> Bool {
        if case .element(let i) = node { return tree.elements[i].role == .flexible }
        return false
    }

    private func isRunItem(_ node: HTMLTree.Node) -> Bool {
        guard case .element(let i) = node else { return true }
        switch tree.elements[i].role {  // read in place: called for every child of every container
        case .block, .preformatted: return false
        case .inline, .flexible: return !tree.elements[i].containsBlock
        case .void, .literal, .raw: return true
        }
    }

    // MARK: - Runs

    private mutating func flush(_ run: ArraySlice<HTMLTree.Node>, container: Int, translatable: Bool) {
        guard !run.isEmpty else { return }
        guard translatable else {
            for node in run { if case .element(let i) = node { findReenabled(i) } }
            return
        }
        var items = run[...]
        // The element that names the unit (its type is `html:` and the name): the string is
        // made only for a run that becomes a draft, not for every run.
        var naming = container
        var trailing: [[HTMLTree.Node]] = []
        while true {
            while let first = items.first, !carriesContent(first, inherited: true) {
                emitAllAttributes(first, inherited: true)
                items.removeFirst()
            }
            var tail: [HTMLTree.Node] = []
            while let last = items.last, !carriesContent(last, inherited: true) {
                tail.insert(last, at: 0)
                items.removeLast()
            }
            // Empty tails add nothing below: not kept, so most runs allocate no list of them.
            if !tail.isEmpty { trailing.append(tail) }
            guard items.count == 1, case .element(let i) = items.first! else { break }
            let e = tree.elements[i]
            guard e.role == .inline || e.role == .flexible, isTranslatable(e, inherited: true) else { break }
            emitAttributes(of: i)
            if e.role == .flexible { naming = i }
            items = tree.nodes[e.children]
        }
        if !items.isEmpty {
            var pieces: [Piece] = []
            // Room for a piece per text and two codes per element (grown from empty, an array
            // was reallocated and copied ≈ 1.7 times a run).
            pieces.reserveCapacity(2 * items.count + 1)
            subflows.removeAll()
            for node in items { appendPieces(of: node, inherited: true, to: &pieces) }
            if !pieces.isEmpty {
                // Appended, then completed in place: a local draft was copied into the array.
                let name = tree.elements[naming].name
                drafts.append(UnitDraft(type: "html:" + name, name: name, pieces: pieces, subflows: subflows))
                drafts[drafts.count - 1].cell = cells[container]
            } else {
                drafts += subflows
            }
            subflows.removeAll()
        }
        for tail in trailing.reversed() {
            for node in tail { emitAllAttributes(node, inherited: true) }
        }
    }

    /// Under `translate="no"`: only descendants that switch translation back on are units.
    private mutating func findReenabled(_ index: Int) {
        let e = tree.elements[index]
        if e.role == .raw || e.role == .preformatted { return }
        if isTranslatable(e, inherited: false) {
            walkContainer(index, translatable: true)
            return
        }
        for child in tree.nodes[e.children] { if case .element(let c) = child { findReenabled(c) } }
    }

    /// Whether an item holds something a sentence needs (text, or protected content such as a
    /// product name marked `notranslate`), as opposed to markup that can stay in the skeleton.
    private func carriesContent(_ node: HTMLTree.Node, inherited: Bool) -> Bool {
        switch node {
        case .text(let r):
            return bytes[r].contains { !(($0 == 0x20) || ($0 >= 0x09 && $0 <= 0x0D)) }
        case .comment, .markup:
            return false
        case .element(let i):
            let e = tree.elements[i]
            switch e.role {
            case .void, .raw: return false
            case .literal, .block, .preformatted: return true
            case .inline, .flexible:
                let t = isTranslatable(e, inherited: inherited)
                if !t { return e.end > e.start }
                return tree.nodes[e.children].contains { carriesContent($0, inherited: t) }
            }
        }
    }

    // MARK: - Pieces

    private mutating func appendPieces(of node: HTMLTree.Node, inherited: Bool, to pieces: inout [Piece]) {
        switch node {
        case .text(let r):
            decoder.appendPieces(r, inAttribute: false, nextCode: &nextCode, to: &pieces)
        case .comment(let r):
            pieces.append(standalone(r, type: .other, subType: "html:comment", display: "<!--…-->", canDelete: true))
        case .markup(let r):
            pieces.append(standalone(r, type: .other, subType: "html:markup", display: decoder.string(r), canDelete: false))
        case .element(let i):
            let e = tree.elements[i]
            let t = isTranslatable(e, inherited: inherited)
            switch e.role {
            case .raw:
                if e.end > e.start {
                    pieces.append(standalone(e.start..<e.end, type: .other, subType: "html:" + e.name, display: "<\(e.name)/>", canDelete: false))
                }
            case .literal where !(t && explicitlyTranslatable(e)):
                appendProtected(e, subType: t ? "l10n:code" : "l10n:notranslate", to: &pieces)
            case .void:
                appendTag(i, kind: .standalone, translatable: t, to: &pieces)
            case _ where !t:
                appendProtected(e, subType: "l10n:notranslate", to: &pieces)
            default:
                let carriesSubflows = appendTag(i, kind: .open, translatable: t, to: &pieces)
                for child in tree.nodes[e.children] { appendPieces(of: child, inherited: t, to: &pieces) }
                if let r = e.endTag, !r.isEmpty {
                    var close = code(for: e, kind: .close, id: Self.id(UInt8(ascii: "e"), i), data: decoder.string(r))
                    close.canDelete = !carriesSubflows  // the halves of a pair say the same
                    pieces.append(.code(close, bytes: r))
                }
            }
        }
    }

    /// A whole element as one code nobody may delete or translate into.
    private mutating func appendProtected(_ e: HTMLTree.Element, subType: String, to pieces: inout [Piece]) {
        guard e.end > e.start else { return }
        let text = textContent(of: e)
        nextCode += 1
        let c = InlineCode(kind: .standalone, id: Self.id(UInt8(ascii: "p"), nextCode), data: decoder.string(e.start..<e.end), type: .other,
                           subType: subType, display: text, equiv: text, canDelete: false)
        pieces.append(.code(c, bytes: e.start..<e.end))
    }

    /// The start tag of element `index` as one code; its translatable attribute values become
    /// subflows of the unit, and the code may not be deleted, since it carries them. Returns
    /// whether it carries any.
    @discardableResult
    private mutating func appendTag(_ index: Int, kind: InlineCode.Kind, translatable: Bool, to pieces: inout [Piece]) -> Bool {
        let e = tree.elements[index]
        guard let tag = e.startTag else { return false }
        var c = code(for: e, kind: kind, id: Self.id(UInt8(ascii: "e"), index), data: decoder.string(tag))
        if translatable {
            let nested = attributeDrafts(of: index)
            if !nested.isEmpty {
                c.canDelete = false
                subflows += nested
            }
        }
        pieces.append(.code(c, bytes: tag))
        return !c.canDelete
    }

    private mutating func standalone(_ r: Range<Int>, type: InlineCode.CodeType, subType: String, display: String, canDelete: Bool) -> Piece {
        nextCode += 1
        let c = InlineCode(kind: .standalone, id: Self.id(UInt8(ascii: "c"), nextCode), data: decoder.string(r), type: type, subType: subType,
                           display: display, canDelete: canDelete)
        return .code(c, bytes: r)
    }

    /// `e12`: a letter and a number, without string interpolation's generic path.
    static func id(_ letter: UInt8, _ n: Int) -> String { DecimalID.string(n, after: letter) }

    private mutating func code(for e: HTMLTree.Element, kind: InlineCode.Kind, id: String, data: String) -> InlineCode {
        let style: HTMLCodeStyle
        if e.nameID >= 0, e.nameID < styles.count, let known = styles[e.nameID] {
            style = known
        } else {
            style = Self.style(of: e.name)
            if e.nameID >= 0 {
                if e.nameID >= styles.count { styles += Array(repeating: nil, count: e.nameID + 1 - styles.count) }
                styles[e.nameID] = style
            }
        }
        let display = switch kind {
        case .open: style.openDisplay
        case .close: style.closeDisplay
        case .standalone: style.standaloneDisplay
        }
        return InlineCode(kind: kind, id: id, data: data, type: style.type, subType: style.subType, display: display, equiv: style.equiv)
    }

    /// What codes of elements named `name` look like.
    private static func style(of name: String) -> HTMLCodeStyle {
        let (type, subType): (InlineCode.CodeType, String?) = switch name {
        case "a": (.link, nil)
        case "img", "image": (.image, nil)
        case "b", "strong": (.fmt, "xlf:b")
        case "i", "em": (.fmt, "xlf:i")
        case "u": (.fmt, "xlf:u")
        case "br": (.fmt, "xlf:lb")
        case "input", "label", "button", "select": (.ui, nil)
        case "q", "cite": (.quote, nil)
        default: (.fmt, nil)
        }
        return HTMLCodeStyle(type: type, subType: subType, openDisplay: "<\(name)>", closeDisplay: "</\(name)>",
                             standaloneDisplay: "<\(name)/>", equiv: name == "br" ? "\n" : nil)
    }

    /// What a protected element reads as: its decoded text, `<br>` as a line break.
    private mutating func textContent(of e: HTMLTree.Element) -> String {
        var s = ""
        for child in tree.nodes[e.children] {
            switch child {
            case .text(let r): s += decoder.decode(r, inAttribute: false)
            case .element(let i):
                let c = tree.elements[i]
                if c.name == "br" { s += "\n" } else if c.role != .raw { s += textContent(of: c) }
            case .comment, .markup: break
            }
        }
        return s
    }

    // MARK: - Attributes

    /// Attribute units of an item left outside a unit, and of everything inside it.
    private mutating func emitAllAttributes(_ node: HTMLTree.Node, inherited: Bool) {
        guard case .element(let i) = node else { return }
        let e = tree.elements[i]
        let t = isTranslatable(e, inherited: inherited)
        if t { emitAttributes(of: i) }
        guard e.role != .raw, e.role != .literal else { return }
        for child in tree.nodes[e.children] { emitAllAttributes(child, inherited: t) }
    }

    private mutating func emitAttributes(of index: Int) {
        drafts += attributeDrafts(of: index)
    }

    /// A unit draft per quoted translatable attribute value of element `index`, in tag order.
    private mutating func attributeDrafts(of index: Int) -> [UnitDraft] {
        // Asked of every element; most keep no attribute at all, and are answered without a copy.
        guard !tree.elements[index].attributes.isEmpty else { return [] }
        let e = tree.elements[index]
        var out: [UnitDraft] = []
        for value in translatableValues(of: e) where value.quote != nil {
            let pieces = decoder.pieces(value.value, inAttribute: true, nextCode: &nextCode)
            guard !pieces.isEmpty else { continue }
            let label = e.name == "meta" ? "meta[\(metaKey(e) ?? "")]@content" : "\(e.name)@\(value.name)"
            out.append(UnitDraft(type: "html:attr-" + value.name, name: label, pieces: pieces))
        }
        return out
    }

    /// The translatable attribute values of an element's start tag whose bytes decode to exactly
    /// what libxml2 reported (anything else is left alone rather than guessed).
    private mutating func translatableValues(of e: HTMLTree.Element) -> [HTMLAttributeScanner.Found] {
        guard let tag = e.startTag, e.attributes.contains(where: { Self.isTranslatable(attribute: $0.name, of: e) }) else { return [] }
        return HTMLAttributeScanner(bytes: bytes).scan(tag).filter { found in
            guard Self.isTranslatable(attribute: found.name, of: e), !found.value.isEmpty,
                  let reported = e.attribute(found.name)?.value else { return false }
            return decoder.decode(found.value, inAttribute: true) == reported
        }
    }

    private static let metaKeys: Set<String> = [
        "description", "keywords", "og:title", "og:description", "og:site_name", "og:image:alt",
        "twitter:title", "twitter:description", "twitter:image:alt",
    ]

    private func metaKey(_ e: HTMLTree.Element) -> String? {
        (e.attribute("name")?.value ?? e.attribute("property")?.value)?.lowercased()
    }

    private static func isTranslatable(attribute name: String, of e: HTMLTree.Element) -> Bool {
        switch name {
        case "title", "aria-label", "aria-description": return true
        case "alt": return ["img", "area", "image"].contains(e.name) || (e.name == "input" && inputType(e) == "image")
        case "placeholder": return e.name == "input" || e.name == "textarea"
        case "label": return ["option", "optgroup", "track"].contains(e.name)
        case "content":
            guard e.name == "meta", let key = (e.attribute("name")?.value ?? e.attribute("property")?.value)?.lowercased() else { return false }
            return metaKeys.contains(key)
        case "value": return e.name == "input" && ["button", "submit", "reset"].contains(inputType(e))
        default: return false
        }
    }

    private static func inputType(_ e: HTMLTree.Element) -> String {
        e.attribute("type")?.value?.lowercased() ?? "text"
    }

    // MARK: - translate="no"

    /// `translate="no"` / `class="notranslate"` switch translation off for an element and its
    /// descendants; `translate="yes"` switches it back on.
    private func isTranslatable(_ e: HTMLTree.Element, inherited: Bool) -> Bool {
        switch e.translate {
        case .inherit: return inherited
        case .yes: return true
        case .no: return false
        }
    }

    private func explicitlyTranslatable(_ e: HTMLTree.Element) -> Bool { e.translate == .yes }
}
