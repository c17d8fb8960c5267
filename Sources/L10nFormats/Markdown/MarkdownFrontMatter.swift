import L10nCore

/// YAML front matter: a `---` line at the very top of the file, up to the next `---` or `...`
/// line. cmark knows nothing of it (it would read a thematic break and a setext heading), so it
/// is found first and hidden from cmark.
///
/// Keys and structure are never translatable. The value of a top-level key named in `keys`
/// (`title`, `description`…) becomes a unit when it is a single-line scalar: plain
/// (`md:front-matter`), double-quoted (`md:front-matter-dq`, the range inside the quotes) or
/// single-quoted (`md:front-matter-sq`) — a plain one may go on over indented lines, folded
/// into one — or a folded block scalar (`description: >-` and its
/// indented lines, `md:front-matter-folded`: the lines joined by spaces, as YAML folds them; the
/// description a site generator puts in its meta tag is usually written so). Its text is one
/// decoded, non-verbatim piece, so the value stays a single segment and the escaper can always
/// write it back as valid YAML (a folded value on one line of the block: the same value).
/// Literal block scalars (`|`), whose line breaks are part of the value, stay in the skeleton.
struct MarkdownFrontMatter {
    /// Byte range of the whole block, closing line included.
    var range: Range<Int>
    var drafts: [UnitDraft]

    static func find(in b: [UInt8], start: Int, keys: Set<String>) -> MarkdownFrontMatter? {
        guard let firstEnd = dashLine(b, at: start, marker: [UInt8]("---".utf8)) else { return nil }
        var drafts: [UnitDraft] = []
        var lineStart = firstEnd
        // The plain-scalar draft that indented lines may continue, and whether a blank line came
        // after it (a blank line inside a plain scalar is a line break: the value is left alone).
        var plain: (index: Int, blank: Bool)?
        while lineStart < b.count {
            let (lineEnd, next) = lineBounds(b, from: lineStart)
            if dashLine(b, at: lineStart, marker: [UInt8]("---".utf8)) != nil || dashLine(b, at: lineStart, marker: [UInt8]("...".utf8)) != nil {
                return MarkdownFrontMatter(range: start..<next, drafts: drafts)
            }
            let line = lineStart..<lineEnd
            if isBlank(b, line) {
                plain?.blank = true
            } else if MarkdownSource.isSpaceOrTab(b[line.lowerBound]) {
                // An indented line continues the previous value: a plain scalar folds it in (its
                // line breaks are spaces); after a blank line, or with what would end or break a
                // plain scalar (`: `, ` #`), the value stays in the skeleton.
                if let (index, blank) = plain {
                    if !blank, let extended = continued(drafts[index], b, line: line) {
                        drafts[index] = extended
                    } else {
                        drafts.remove(at: index)
                        plain = nil
                    }
                }
            } else {
                plain = nil
                if let draft = foldedBlock(b, line: line, next: next, keys: keys) {
                    drafts.append(draft)
                } else if let draft = value(b, line: line, keys: keys) {
                    drafts.append(draft.draft)
                    if draft.plain { plain = (drafts.count - 1, false) }
                }
            }
            lineStart = next
        }
        return nil
    }

    /// `draft`, a plain scalar, with the indented `line` folded in; nil when the line holds what a
    /// plain scalar cannot (`: `, a comment) or is not UTF-8.
    private static func continued(_ draft: UnitDraft, _ b: [UInt8], line: Range<Int>) -> UnitDraft? {
        guard case .text(let text, let bytes, _)? = draft.pieces.first, draft.pieces.count == 1 else { return nil }
        var start = line.lowerBound, end = line.upperBound
        while start < end, MarkdownSource.isSpaceOrTab(b[start]) { start += 1 }
        while end > start, MarkdownSource.isSpaceOrTab(b[end - 1]) { end -= 1 }
        let content = b[start..<end]
        guard content.first != UInt8(ascii: "#"),
              !content.indices.dropFirst().contains(where: { content[$0] == UInt8(ascii: "#") && MarkdownSource.isSpaceOrTab(content[$0 - 1]) }),
              !content.indices.dropLast().contains(where: { content[$0] == UInt8(ascii: ":") && MarkdownSource.isSpaceOrTab(content[$0 + 1]) }),
              content.last != UInt8(ascii: ":"), let more = String(validating: content, as: UTF8.self) else { return nil }
        var extended = draft
        extended.pieces = [.text(text + " " + more, bytes: bytes.lowerBound..<end, verbatim: false)]
        return extended
    }

    /// End of the line (after its line ending) when the line at `at` is `marker` plus optional
    /// trailing blanks.
    private static func dashLine(_ b: [UInt8], at: Int, marker: [UInt8]) -> Int? {
        guard at + marker.count <= b.count, b[at..<at + marker.count].elementsEqual(marker) else { return nil }
        var i = at + marker.count
        while i < b.count, MarkdownSource.isSpaceOrTab(b[i]) { i += 1 }
        if i == b.count { return i }
        if b[i] == 0x0A { return i + 1 }
        if b[i] == 0x0D { return i + 1 < b.count && b[i + 1] == 0x0A ? i + 2 : i + 1 }
        return nil
    }

    /// The top-level key of `line` when it is one of `keys`, and where its value starts (after
    /// the colon and blanks); nil for another line, or a key with nothing after it.
    private static func keyAndValue(_ b: [UInt8], line: Range<Int>, keys: Set<String>) -> (key: String, value: Int)? {
        var i = line.lowerBound
        while i < line.upperBound, b[i].isASCIIAlphanumeric || b[i] == UInt8(ascii: "_") || b[i] == UInt8(ascii: "-") { i += 1 }
        guard i > line.lowerBound, i < line.upperBound, b[i] == UInt8(ascii: ":") else { return nil }
        let key = String(decoding: b[line.lowerBound..<i], as: UTF8.self)
        guard keys.contains(key.lowercased()) else { return nil }
        i += 1
        guard i < line.upperBound, MarkdownSource.isSpaceOrTab(b[i]) else { return nil }
        while i < line.upperBound, MarkdownSource.isSpaceOrTab(b[i]) { i += 1 }
        guard i < line.upperBound else { return nil }
        return (key, i)
    }

    /// `key: >` (or `>-`, `>+`) and the lines indented under it, when they are one paragraph:
    /// every line indented alike, none blank, no explicit indentation indicator. Anything else
    /// (a more-indented line, a blank line, which folding keeps as a line break) stays in the
    /// skeleton. The piece spans the first line's text to the last line's end.
    private static func foldedBlock(_ b: [UInt8], line: Range<Int>, next: Int, keys: Set<String>) -> UnitDraft? {
        guard let (key, start) = keyAndValue(b, line: line, keys: keys), b[start] == UInt8(ascii: ">") else { return nil }
        var i = start + 1
        if i < line.upperBound, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        guard restIsComment(b, i..<line.upperBound) else { return nil }
        var lines: [Range<Int>] = []
        var indent: Int?
        var lineStart = next
        while lineStart < b.count {
            let (lineEnd, next) = lineBounds(b, from: lineStart)
            var k = lineStart
            while k < lineEnd, b[k] == 0x20 { k += 1 }
            if k == lineStart || isBlank(b, lineStart..<lineEnd) { break }  // the next key, the closing line, or a blank line
            guard b[k] != 0x09, indent == nil || indent == k - lineStart else { return nil }
            indent = k - lineStart
            var end = lineEnd
            while end > k, MarkdownSource.isSpaceOrTab(b[end - 1]) { end -= 1 }
            lines.append(k..<end)
            lineStart = next
        }
        // A blank line ends the paragraph only if no more of the block follows it.
        if lineStart < b.count, let indent, blankLineContinuesBlock(b, from: lineStart, indent: indent) { return nil }
        guard let first = lines.first, let last = lines.last,
              let text = String(validating: lines.map { Array(b[$0]) }.joined(separator: [0x20]), as: UTF8.self) else { return nil }
        return UnitDraft(type: "md:front-matter-folded", name: key, pieces: [.text(text, bytes: first.lowerBound..<last.upperBound, verbatim: false)])
    }

    /// Whether, after blank lines starting at `from`, a line indented by `indent` or more goes on
    /// with the block scalar.
    private static func blankLineContinuesBlock(_ b: [UInt8], from: Int, indent: Int) -> Bool {
        var lineStart = from
        while lineStart < b.count {
            let (lineEnd, next) = lineBounds(b, from: lineStart)
            if !isBlank(b, lineStart..<lineEnd) {
                return (lineStart..<lineEnd).prefix { MarkdownSource.isSpaceOrTab(b[$0]) }.count >= indent
            }
            lineStart = next
        }
        return false
    }

    /// Where the line starting at `from` ends (before its line ending) and where the next begins
    /// (after LF, CR or CR LF).
    private static func lineBounds(_ b: [UInt8], from: Int) -> (end: Int, next: Int) {
        var end = from
        while end < b.count, b[end] != 0x0A, b[end] != 0x0D { end += 1 }
        guard end < b.count else { return (end, end) }
        return (end, end + (b[end] == 0x0D && end + 1 < b.count && b[end + 1] == 0x0A ? 2 : 1))
    }

    /// Whether `line` holds nothing but spaces and tabs.
    private static func isBlank(_ b: [UInt8], _ line: Range<Int>) -> Bool {
        !line.contains { !MarkdownSource.isSpaceOrTab(b[$0]) }
    }

    private static func value(_ b: [UInt8], line: Range<Int>, keys: Set<String>) -> (draft: UnitDraft, plain: Bool)? {
        guard let (key, start) = keyAndValue(b, line: line, keys: keys) else { return nil }
        let i = start
        let first = b[i]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard let (end, text) = quoted(b, from: i, end: line.upperBound), restIsComment(b, end + 1..<line.upperBound) else { return nil }
            let type = first == UInt8(ascii: "\"") ? "md:front-matter-dq" : "md:front-matter-sq"
            guard end > i + 1 else { return nil }
            return (UnitDraft(type: type, name: key, pieces: [.text(text, bytes: i + 1..<end, verbatim: false)]), false)
        }
        // Plain scalar: indicators that start flow collections, anchors, tags, block scalars…
        // leave the value alone.
        if "[]{}&*!|>%@`#,?:-".utf8.contains(first) { return nil }
        var end = i
        var k = i
        while k < line.upperBound {
            if b[k] == UInt8(ascii: "#"), MarkdownSource.isSpaceOrTab(b[k - 1]) { break }
            k += 1
            if !MarkdownSource.isSpaceOrTab(b[k - 1]) { end = k }
        }
        guard let text = String(validating: b[i..<end], as: UTF8.self) else { return nil }
        return (UnitDraft(type: "md:front-matter", name: key, pieces: [.text(text, bytes: i..<end, verbatim: false)]), true)
    }

    private static func restIsComment(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound, MarkdownSource.isSpaceOrTab(b[i]) { i += 1 }
        return i == r.upperBound || (b[i] == UInt8(ascii: "#") && i > r.lowerBound)
    }

    /// The closing quote's offset and the decoded value of a YAML quoted scalar on one line.
    private static func quoted(_ b: [UInt8], from start: Int, end: Int) -> (Int, String)? {
        let q = b[start]
        var out: [UInt8] = []
        var i = start + 1
        while i < end {
            let c = b[i]
            if q == UInt8(ascii: "'") {
                if c == q {
                    if i + 1 < end, b[i + 1] == q { out.append(q); i += 2; continue }
                    return String(validating: out, as: UTF8.self).map { (i, $0) }
                }
            } else {
                if c == q { return String(validating: out, as: UTF8.self).map { (i, $0) } }
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < end else { return nil }
                    switch b[i + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(b[i + 1])
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: " "): out.append(0x20)
                    default: return nil  // \u, \x… : left in the skeleton rather than decoded half-way
                    }
                    i += 2
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return nil
    }
}
