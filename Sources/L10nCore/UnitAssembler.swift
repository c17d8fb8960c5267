/// Makes one ``TextUnit`` at a time from a reader's ``UnitDraft``, for ``DocumentBuilder``:
/// protects spans, numbers codes, splits sentences, trims whitespace into ignorables, and records
/// the unit's parts of the skeleton.
///
/// It works on plain values over the document's bytes — a piece is a kind, a byte range and an
/// index into the unit's code or decoded-text table — and makes `String`s only for the content
/// it hands out. Verbatim text is read from the document itself (that is what verbatim means), so
/// cutting a sentence or trimming a space is arithmetic on offsets, not a new string; the tables
/// and scratch arrays are kept from unit to unit. (Pieces as owned strings and codes, copied
/// at every step, were most of extraction's time: docs/performance-plan.md.)
struct UnitAssembler {
    /// A piece of the unit being made.
    struct Item {
        enum Kind: UInt8 { case verbatim, decoded, code }
        var kind: Kind
        /// Its bytes in the document; for verbatim text, also its text.
        var bytes: Range<Int>
        /// For decoded text, its index in `texts`; for a code, in `codes`.
        var index: Int
    }

    private let source: UnsafeBufferPointer<UInt8>
    /// The breaker's method bound once: called through the optional existential, the breaker
    /// was copied out for every unit.
    private let sentenceBoundaries: (([UInt16]) -> [Int])?
    private let protectors: [any SpanProtecting]

    // Kept from unit to unit (emptied, capacity kept).
    private var items: [Item] = []
    private var texts: [String] = []
    private var codes: [InlineCode] = []
    private var cut: [Item] = []
    private var groupStarts: [Int] = []
    private var utf16: [UInt16] = []
    private var wide: [UInt16] = []
    private var starts: [Int] = []
    private var lead: [Item] = []
    private var trail: [Item] = []
    private var textBuffer: [UInt8] = []

    init(source: UnsafeBufferPointer<UInt8>, breaker: (any SentenceBreaking)?, protectors: [any SpanProtecting]) {
        self.source = source
        sentenceBoundaries = breaker.map { breaker in { breaker.sentenceBoundaries(inUTF16: $0) } }
        self.protectors = protectors
    }

    /// Appends the unit of `draft` (pieces tiling bytes inside the document, checked by the
    /// caller) to `units` and its skeleton span to `spans`; returns the bytes of its codes when the
    /// draft has subflows to place in them. Nil, with nothing appended, when it has nothing to
    /// translate or adapt. (Made in place: a unit and span returned and then appended were each
    /// copied on the way, a retain and a release per field.)
    /// (`draft` is read in place, field by field: a draft passed by value was copied out of the
    /// caller's array.)
    mutating func make(id: String, draft: UnsafePointer<UnitDraft>, into units: inout [TextUnit], _ spans: inout [Skeleton.UnitSpan]) -> [Range<Int>]? {
        load(draft.pointee.pieces)
        renumberCodes()
        split()

        // A unit is its sentences with translatable text; a unit with none but figures in it (a
        // price, a date, a measurement alone in a table cell) is a unit nobody translates but
        // adaptation may rewrite, its figure runs as segments. Anything else stays in the skeleton.
        // (Whitespace trimmed off a sentence holds neither, so the whole unit decides.)
        // (Loops, not `contains(where:)`: a closure would copy the assembler, tables and all.)
        let translate: Bool
        if holds(0..<cut.count, translatable: true) {
            translate = true
        } else if holds(0..<cut.count, translatable: false) {
            translate = false
        } else {
            return nil
        }
        var made = Made()
        for g in 0..<groupStarts.count - 1 {
            let body = trimWhitespace(groupStarts[g]..<groupStarts[g + 1])
            if g == 0 {
                // Sized once the first sentence is trimmed: exact for a one-sentence unit (most
                // units), and two more for each further sentence (its body and the whitespace
                // after it; whitespace before it joins the previous one's). Reserved for the most
                // a unit could have, most units' arrays were two thirds empty.
                let capacity = (lead.isEmpty ? 0 : 1) + (body.isEmpty ? 0 : 1) + (trail.isEmpty ? 0 : 1) + 2 * (groupStarts.count - 2)
                made.segments.reserveCapacity(capacity)
                made.parts.reserveCapacity(capacity)
            }
            add(lead.startIndex..<lead.endIndex, of: .lead, ignorable: true, to: &made)
            add(body, of: .cut, ignorable: !holds(body, translatable: translate), to: &made)
            add(trail.startIndex..<trail.endIndex, of: .trail, ignorable: true, to: &made)
        }
        guard made.segmentNumber > 0, let start = made.parts.first?.start, let end = made.parts.last?.end else { return nil }
        var codeBytes: [Range<Int>] = []
        if !draft.pointee.subflows.isEmpty {
            for item in cut where item.kind == .code { codeBytes.append(item.bytes) }
        }
        // Segments, parts and the unit moved, not copied: a copy retains and releases every field.
        units.append(TextUnit(id: id, type: draft.pointee.type, name: draft.pointee.name, segments: made.segments, notes: draft.pointee.notes,
                              glossary: [], translate: translate, cell: draft.pointee.cell))
        // A unit without codes gets its own empty table: sharing the assembler's (emptied, its
        // capacity kept) would make the next `load` allocate a new one for every such unit.
        spans.append(Skeleton.UnitSpan(unit: id, type: draft.pointee.type, start: start, end: end, parts: made.parts, codes: codes.isEmpty ? [] : codes))
        return codeBytes
    }

    /// Which of the item lists a range is in.
    private enum List { case cut, lead, trail }

    private func item(_ i: Int, of list: List) -> Item {
        switch list {
        case .cut: return cut[i]
        case .lead: return lead[i]
        case .trail: return trail[i]
        }
    }

    /// The segments and parts made so far for a unit.
    private struct Made {
        var segments: [Segment] = []
        var parts: [Skeleton.PartSpan] = []
        var segmentNumber = 0, ignorableNumber = 0
    }

    /// Items `range` of `list` as the next segment (or ignorable) of `made`.
    private mutating func add(_ range: Range<Int>, of list: List, ignorable: Bool, to made: inout Made) {
        guard !range.isEmpty else { return }
        let first = item(range.lowerBound, of: list), last = item(range.upperBound - 1, of: list)
        let content = self.content(range, of: list)
        if ignorable, let previous = made.segments.indices.last, made.segments[previous].isIgnorable {
            // Two ignorables in a row become one (in place: `segments.last` would copy the segment out).
            made.segments[previous].source = Content(made.segments[previous].source.runs + content.runs)
            made.parts[made.parts.count - 1].end = last.bytes.upperBound
            return
        }
        let partID: String
        if ignorable {
            made.ignorableNumber += 1
            partID = Self.partID(UInt8(ascii: "i"), made.ignorableNumber)
        } else {
            made.segmentNumber += 1
            partID = Self.partID(UInt8(ascii: "s"), made.segmentNumber)
        }
        made.segments.append(Segment(id: partID, source: content, target: nil, state: nil, provenance: nil, isIgnorable: ignorable))
        made.parts.append(Skeleton.PartSpan(id: partID, start: first.bytes.lowerBound, end: last.bytes.upperBound))
    }

    /// `s1`, `i2`…: a letter and a number (``DecimalID``).
    static func partID(_ letter: UInt8, _ n: Int) -> String { DecimalID.string(n, after: letter) }

    // MARK: - Pieces in, protected

    /// The draft's pieces as items, protected spans of verbatim text made standalone codes.
    private mutating func load(_ pieces: [Piece]) {
        items.empty()
        texts.empty()
        // A code table goes to the unit's span as it is, so a new one is sized for this draft's
        // codes (protected spans, found below, grow it). Emptied instead, it kept the capacity
        // of the largest table so far, and every span after that held one as large (≈ 5% of a
        // page's memory).
        if !codes.isEmpty { codes = [] }
        var codeCount = 0
        for i in pieces.indices { if case .code = pieces[i] { codeCount += 1 } }
        if codeCount > codes.capacity { codes.reserveCapacity(codeCount) }
        var protected = 0
        // Each piece switched on in place: `for piece in` copied every piece out before its
        // code or text was copied again into the tables.
        pieces.withUnsafeBufferPointer { pieces in
            for i in pieces.indices {
                switch pieces[i] {
                case .code(let c, let r):
                    items.append(Item(kind: .code, bytes: r, index: codes.count))
                    codes.append(c)
                case .text(let t, let r, false):
                    items.append(Item(kind: .decoded, bytes: r, index: texts.count))
                    texts.append(t)
                case .text(_, let r, true), .verbatim(let r):
                    protect(r, counter: &protected)
                }
            }
        }
    }

    /// Appends verbatim text `r` as items: text, and a standalone code per protected span.
    private mutating func protect(_ r: Range<Int>, counter: inout Int) {
        let text = UnsafeBufferPointer(rebasing: source[r])
        var spans: [ProtectedByteSpan] = []
        // By index: `for protector in` copies each existential out of the array.
        for p in protectors.indices {
            let found = protectors[p].protectedSpans(inUTF8: text)
            guard !found.isEmpty else { continue }
            if spans.isEmpty { spans = found } else { spans += found }
        }
        guard !spans.isEmpty else {
            items.append(Item(kind: .verbatim, bytes: r, index: -1))
            return
        }
        // Earliest first; on overlap the longer one wins.
        spans.sort { a, b in
            a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound < b.range.lowerBound : a.range.count > b.range.count
        }
        var cursor = 0
        for span in spans where span.range.lowerBound >= cursor && !span.range.isEmpty {
            if span.range.lowerBound > cursor {
                items.append(Item(kind: .verbatim, bytes: r.lowerBound + cursor..<r.lowerBound + span.range.lowerBound, index: -1))
            }
            let matched = String(decoding: UnsafeBufferPointer(rebasing: text[span.range]), as: UTF8.self)
            counter += 1
            items.append(Item(kind: .code, bytes: r.lowerBound + span.range.lowerBound..<r.lowerBound + span.range.upperBound, index: codes.count))
            codes.append(InlineCode(
                kind: .standalone, id: DecimalID.string(counter, after: UInt8(ascii: "p")), data: matched, type: .other, subType: span.subType,
                display: matched, equiv: matched, canDelete: false))
            cursor = span.range.upperBound
        }
        if cursor < text.count {
            items.append(Item(kind: .verbatim, bytes: r.lowerBound + cursor..<r.upperBound, index: -1))
        }
    }

    /// Codes numbered 1, 2, 3… in order of appearance, each close taking the number of the
    /// latest unclosed open with the same reader id (so readers may reuse ids for sibling pairs);
    /// a half whose partner is not in the unit is marked isolated.
    private mutating func renumberCodes() {
        var counter = 0
        var openStack: [(readerID: String, index: Int, newID: String)] = []
        for index in codes.indices {
            switch codes[index].kind {
            case .open:
                counter += 1
                let id = DecimalID.string(counter)
                openStack.append((codes[index].id, index, id))
                codes[index].id = id
                codes[index].isolated = false
            case .close:
                let readerID = codes[index].id
                if let k = openStack.lastIndex(where: { $0.readerID == readerID }) {
                    codes[index].id = openStack[k].newID
                    codes[index].isolated = false
                    openStack.remove(at: k)
                } else {
                    counter += 1
                    codes[index].id = DecimalID.string(counter)
                    codes[index].isolated = true
                }
            case .standalone:
                counter += 1
                codes[index].id = DecimalID.string(counter)
                codes[index].isolated = false
            }
        }
        for open in openStack { codes[open.index].isolated = true }
    }

    // MARK: - Sentences

    /// The items grouped into sentences: `cut`, with group `k` at `groupStarts[k]..<groupStarts[k + 1]`.
    private mutating func split() {
        cut.empty()
        groupStarts.empty()
        guard let sentenceBoundaries else { return oneGroup() }
        // The unit's text as the breaker sees it: text, U+FFFC for standalone codes.
        utf16.empty()
        starts.empty()
        for item in items {
            starts.append(utf16.count)
            switch item.kind {
            case .verbatim: Self.appendUTF16(UnsafeBufferPointer(rebasing: source[item.bytes]), to: &utf16, wide: &wide)
            case .decoded:
                texts[item.index].withUTF8Bytes { Self.appendUTF16($0, to: &utf16, wide: &wide) }
            case .code: if codes[item.index].kind == .standalone { utf16.append(0xFFFC) }
            }
        }
        let total = utf16.count
        starts.append(total)
        let boundaries = sentenceBoundaries(utf16).filter { $0 > 0 && $0 < total }
        guard !boundaries.isEmpty else { return oneGroup() }

        // Cut verbatim text at boundaries that fall inside it, and note where each sentence's
        // group starts. Boundaries and items are both in order: one index walks the boundaries.
        var lastGroup = -1
        var atOrBefore = 0  // boundaries <= the current start
        func place(_ item: Item, start: Int) {
            while atOrBefore < boundaries.count, boundaries[atOrBefore] <= start { atOrBefore += 1 }
            var index = atOrBefore
            if item.kind == .code, codes[item.index].kind == .close, atOrBefore > 0, boundaries[atOrBefore - 1] == start {
                index -= 1  // a close code at a boundary stays with the sentence it closes
            }
            if item.kind != .code, isEmptyText(item) { return }
            // Group indexes never decrease (a close code goes back only to a group it follows).
            if index > lastGroup {
                groupStarts.append(cut.count)
                lastGroup = index
            }
            cut.append(item)
        }
        var next = 0  // first boundary after the current item's start
        for (i, item) in items.enumerated() {
            let start = starts[i], end = starts[i + 1]
            while next < boundaries.count, boundaries[next] <= start { next += 1 }
            guard item.kind == .verbatim, next < boundaries.count, boundaries[next] < end else {
                place(item, start: start)
                continue
            }
            if end - start == item.bytes.count {
                // ASCII (as many UTF-16 units as bytes, which only ASCII text has): each boundary
                // is a byte offset, no walk needed.
                var last = 0
                var k = next
                while k < boundaries.count, boundaries[k] < end {
                    let local = boundaries[k] - start
                    place(Item(kind: .verbatim, bytes: item.bytes.lowerBound + last..<item.bytes.lowerBound + local, index: -1), start: start + last)
                    last = local
                    k += 1
                }
                place(Item(kind: .verbatim, bytes: item.bytes.lowerBound + last..<item.bytes.upperBound, index: -1), start: start + last)
                continue
            }
            // Walk the text's UTF-8 once, cutting where a boundary falls between two scalars (a
            // boundary inside a surrogate pair is not a place to cut). Offsets are counted in
            // UTF-16 (what the breaker saw) and UTF-8 (where to cut) side by side.
            var lastByte = item.bytes.lowerBound, lastUTF16 = 0
            var utf16Offset = 0, byte = item.bytes.lowerBound
            var k = next
            while k < boundaries.count, boundaries[k] < end, byte < item.bytes.upperBound {
                let local = boundaries[k] - start
                if utf16Offset == local {
                    place(Item(kind: .verbatim, bytes: lastByte..<byte, index: -1), start: start + lastUTF16)
                    (lastByte, lastUTF16) = (byte, local)
                    k += 1
                } else if utf16Offset > local {
                    k += 1  // inside the previous scalar's surrogate pair
                } else {
                    // One scalar: its UTF-8 length from the lead byte, its UTF-16 length from that.
                    let lead = source[byte]
                    let n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    utf16Offset += n == 4 ? 2 : 1
                    byte += n
                }
            }
            place(Item(kind: .verbatim, bytes: lastByte..<item.bytes.upperBound, index: -1), start: start + lastUTF16)
        }
        groupStarts.append(cut.count)
    }

    /// All items one sentence.
    private mutating func oneGroup() {
        swap(&cut, &items)
        groupStarts.append(0)
        groupStarts.append(cut.count)
    }

    /// `text`'s UTF-16 code units; ASCII (the usual case) widened into `wide` (scratch, grown
    /// as needed) and appended from there as one block: appended one by one, each unit cost a
    /// capacity check and a store of the count (≈ 13 instructions a byte).
    private static func appendUTF16(_ text: UnsafeBufferPointer<UInt8>, to units: inout [UInt16], wide: inout [UInt16]) {
        var any: UInt8 = 0
        for b in text { any |= b }
        if any < 0x80 {
            let n = text.count
            if wide.count < n { wide = [UInt16](repeating: 0, count: max(n, 2 * wide.count)) }
            wide.withUnsafeMutableBufferPointer { wide in
                for i in 0..<n { wide[i] = UInt16(text[i]) }
                units.append(contentsOf: UnsafeBufferPointer(rebasing: wide[0..<n]))
            }
        } else if !transcode(text, to: &units) {
            units.append(contentsOf: String(decoding: text, as: UTF8.self).utf16)
        }
    }

    /// Well-formed UTF-8 `text` as UTF-16, decoded here rather than through a `String` and its
    /// generic UTF-16 view (≈ 4 k instructions per text with a non-ASCII character). False, with
    /// `units` as it was, for anything ill-formed (which the caller repairs as `String` would).
    private static func transcode(_ text: UnsafeBufferPointer<UInt8>, to units: inout [UInt16]) -> Bool {
        let before = units.count
        units.reserveCapacity(before + text.count)
        let n = text.count
        var i = 0
        @inline(__always) func continuation(_ k: Int) -> UInt32? {
            guard k < n, text[k] & 0xC0 == 0x80 else { return nil }
            return UInt32(text[k] & 0x3F)
        }
        while i < n {
            let lead = text[i]
            if lead < 0x80 {
                units.append(UInt16(lead))
                i += 1
                continue
            }
            let scalar: UInt32
            switch lead {
            case 0xC2...0xDF:
                guard let c1 = continuation(i + 1) else { break }
                units.append(UInt16(UInt32(lead & 0x1F) << 6 | c1))
                i += 2
                continue
            case 0xE0...0xEF:
                guard let c1 = continuation(i + 1), let c2 = continuation(i + 2) else { break }
                scalar = UInt32(lead & 0x0F) << 12 | c1 << 6 | c2
                // Not overlong (E0 needs at least U+0800), not a surrogate (ED A0–BF).
                guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar) else { break }
                units.append(UInt16(scalar))
                i += 3
                continue
            case 0xF0...0xF4:
                guard let c1 = continuation(i + 1), let c2 = continuation(i + 2), let c3 = continuation(i + 3) else { break }
                scalar = UInt32(lead & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
                guard scalar >= 0x10000, scalar <= 0x10FFFF else { break }
                let u = scalar - 0x10000
                units.append(UInt16(0xD800 + (u >> 10)))
                units.append(UInt16(0xDC00 + (u & 0x3FF)))
                i += 4
                continue
            default:
                break
            }
            units.removeSubrange(before...)
            return false
        }
        return true
    }

    // MARK: - Whitespace

    /// Trims group `range` of `cut`: its leading and trailing whitespace into `lead` and
    /// `trail` (verbatim text cut where the whitespace ends), the body's range returned.
    private mutating func trimWhitespace(_ range: Range<Int>) -> Range<Int> {
        lead.empty()
        trail.empty()
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, cut[lo].kind != .code {
            let item = cut[lo]
            if isAllWhitespace(item) { lead.append(item); lo += 1; continue }
            guard item.kind == .verbatim else { break }
            let n = Self.leadingWhitespaceCount(UnsafeBufferPointer(rebasing: source[item.bytes]))
            if n > 0 {
                lead.append(Item(kind: .verbatim, bytes: item.bytes.lowerBound..<item.bytes.lowerBound + n, index: -1))
                cut[lo].bytes = item.bytes.lowerBound + n..<item.bytes.upperBound
            }
            break
        }
        while lo < hi, cut[hi - 1].kind != .code {
            let item = cut[hi - 1]
            if isAllWhitespace(item) { trail.append(item); hi -= 1; continue }
            guard item.kind == .verbatim else { break }
            let n = Self.trailingWhitespaceCount(UnsafeBufferPointer(rebasing: source[item.bytes]))
            if n > 0 {
                trail.append(Item(kind: .verbatim, bytes: item.bytes.upperBound - n..<item.bytes.upperBound, index: -1))
                cut[hi - 1].bytes = item.bytes.lowerBound..<item.bytes.upperBound - n
            }
            break
        }
        trail.reverse()
        return lo..<hi
    }

    // Whitespace as `Character.isWhitespace` sees it (whole grapheme clusters). ASCII text, by
    // far the usual case, is decided byte by byte: no ASCII character joins a cluster with its
    // neighbour except CR LF, which is whitespace either way.

    @inline(__always) private static func isASCIIWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    static func isAllWhitespace(_ t: String) -> Bool {
        for b in t.utf8 {
            if b >= 0x80 { return t.allSatisfy(\.isWhitespace) }
            if !isASCIIWhitespace(b) { return false }
        }
        return true
    }

    static func isAllWhitespace(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in t {
            if b >= 0x80 { return isAllWhitespace(String(decoding: t, as: UTF8.self)) }
            if !isASCIIWhitespace(b) { return false }
        }
        return true
    }

    static func leadingWhitespaceCount(_ t: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in t {
            if b >= 0x80 { return leadingWhitespaceCount(String(decoding: t, as: UTF8.self)) }
            if !isASCIIWhitespace(b) { return n }
            n += 1
        }
        return n
    }

    static func trailingWhitespaceCount(_ t: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in t.reversed() {
            if b >= 0x80 { return trailingWhitespaceCount(String(decoding: t, as: UTF8.self)) }
            if !isASCIIWhitespace(b) { return n }
            n += 1
        }
        return n
    }

    /// UTF-8 length of the leading whitespace.
    static func leadingWhitespaceCount(_ t: String) -> Int {
        var n = 0
        for b in t.utf8 {
            if b >= 0x80 { return t.prefix { $0.isWhitespace }.utf8.count }
            if !isASCIIWhitespace(b) { return n }
            n += 1
        }
        return n
    }

    /// UTF-8 length of the trailing whitespace.
    static func trailingWhitespaceCount(_ t: String) -> Int {
        var n = 0
        for b in t.utf8.reversed() {
            if b >= 0x80 {
                // Whole characters from the end, as `reversed()` walks them, without building strings.
                var start = t.endIndex
                while start > t.startIndex {
                    let before = t.index(before: start)
                    guard t[before].isWhitespace else { break }
                    start = before
                }
                return t.utf8.distance(from: start, to: t.endIndex)
            }
            if !isASCIIWhitespace(b) { return n }
            n += 1
        }
        return n
    }

    private func isAllWhitespace(_ item: Item) -> Bool {
        item.kind == .verbatim
            ? Self.isAllWhitespace(UnsafeBufferPointer(rebasing: source[item.bytes]))
            : Self.isAllWhitespace(texts[item.index])
    }

    private func isEmptyText(_ item: Item) -> Bool {
        item.kind == .verbatim ? item.bytes.isEmpty : texts[item.index].isEmpty
    }

    // MARK: - Content

    /// The content of items `range` of `list`: adjacent texts joined, empty ones dropped, as ``Content/init(_:)``
    /// would; a `String` per text run and nothing else.
    private mutating func content(_ range: Range<Int>, of list: List) -> Content {
        var runs: [Content.Run] = []
        runs.reserveCapacity(range.count)
        textBuffer.empty()
        for i in range {
            let item = item(i, of: list)
            switch item.kind {
            case .verbatim:
                textBuffer.append(contentsOf: UnsafeBufferPointer(rebasing: source[item.bytes]))
            case .decoded:
                textBuffer.append(contentsOf: texts[item.index].utf8)
            case .code:
                if !textBuffer.isEmpty {
                    runs.append(.text(String(decoding: textBuffer, as: UTF8.self)))
                    textBuffer.empty()
                }
                runs.append(.code(codes[item.index]))
            }
        }
        if !textBuffer.isEmpty { runs.append(.text(String(decoding: textBuffer, as: UTF8.self))) }
        return Content(normalRuns: runs)
    }

    // MARK: - What a text holds

    /// Whether items `range` of `cut` hold translatable text (`translatable`), or a figure.
    private func holds(_ range: Range<Int>, translatable: Bool) -> Bool {
        for i in range where translatable ? hasTranslatableText(cut[i]) : hasFigure(cut[i]) { return true }
        return false
    }

    /// Whether the item is text holding an ASCII digit: a figure adaptation may rewrite.
    private func hasFigure(_ item: Item) -> Bool {
        switch item.kind {
        case .code: return false
        case .verbatim: return source[item.bytes].contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        case .decoded: return texts[item.index].utf8.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
    }

    /// Whether the item is text holding a letter.
    private func hasTranslatableText(_ item: Item) -> Bool {
        switch item.kind {
        case .code: return false
        case .verbatim: return Self.hasLetter(UnsafeBufferPointer(rebasing: source[item.bytes]))
        case .decoded:
            return texts[item.index].withUTF8Bytes(Self.hasLetter)
        }
    }

    /// An ASCII letter anywhere answers first (the only alphabetic ASCII scalars): the Unicode
    /// property is looked up only for text without one.
    private static func hasLetter(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var nonASCII = false
        for b in text {
            if (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") { return true }
            if b >= 0x80 { nonASCII = true }
        }
        return nonASCII && String(decoding: text, as: UTF8.self).unicodeScalars.contains { $0.properties.isAlphabetic }
    }
}

private extension Array {
    /// Emptied, its capacity kept: `removeAll(keepingCapacity:)` (≈ 80 instructions a call, through
    /// `replaceSubrange`) only when there is something to remove — most of the assembler's scratch
    /// arrays are empty already for most units.
    @inline(__always) mutating func empty() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }
}
