/// The raw bytes of a Markdown document with a line index, and the container-prefix logic that
/// finds where a block's content starts on each of its lines.
///
/// cmark reports block positions (line and byte column) but not where content resumes on a
/// continuation line after `> ` markers and list indentation, so that is recomputed here from the
/// block's ancestors, the way cmark's own block parser matches containers line by line.
struct MarkdownSource {
    let bytes: [UInt8]
    /// Byte offset where each line starts (line 1 at index 0), after any byte-order mark.
    private(set) var lineStarts: [Int] = []
    /// Byte offset where each line's content ends (before `\n`, `\r\n` or `\r`).
    private(set) var lineEnds: [Int] = []

    init(bytes: [UInt8], start: Int) {
        self.bytes = bytes
        var starts: [Int] = [], ends: [Int] = []
        // Sized for lines of 32 bytes (product pages average about 45), not grown from empty.
        starts.reserveCapacity(bytes.count / 32 + 1)
        ends.reserveCapacity(bytes.count / 32 + 1)
        starts.append(start)
        // Over the raw buffer: the array's subscript checks bounds on every byte of the document.
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = start
            while i < n {
                // Eight bytes at a time up to one that may be a line break (below 0x0E: exact,
                // since the subtraction borrows only from a byte that is).
                while i + 8 <= n {
                    let word = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    guard (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 == 0 else { break }
                    i += 8
                }
                guard i < n else { break }
                let b = p[i]
                // One comparison decides nearly every byte: line breaks are below 0x0E.
                guard b <= 0x0D, b == 0x0A || b == 0x0D else { i += 1; continue }
                ends.append(i)
                i += (b == 0x0D && i + 1 < n && p[i + 1] == 0x0A) ? 2 : 1
                starts.append(i)
            }
        }
        ends.append(bytes.count)
        lineStarts = starts
        lineEnds = ends
    }

    var lineCount: Int { lineStarts.count }

    func lineStart(_ line: Int) -> Int? { line >= 1 && line <= lineStarts.count ? lineStarts[line - 1] : nil }
    func lineEnd(_ line: Int) -> Int? { line >= 1 && line <= lineEnds.count ? lineEnds[line - 1] : nil }
    /// End of the line including its line ending.
    func lineBreakEnd(_ line: Int) -> Int? { line >= 1 && line < lineStarts.count ? lineStarts[line] : (line == lineStarts.count ? bytes.count : nil) }

    /// The byte offset of a 1-based (line, byte column) position, if it lies on that line.
    func offset(line: Int, column: Int) -> Int? {
        guard let start = lineStart(line), let end = lineEnd(line), column >= 1 else { return nil }
        let o = start + column - 1
        return o <= end ? o : nil
    }

    /// The 1-based line holding `offset`.
    func line(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    @inline(__always) static func isSpaceOrTab(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    // MARK: - Container prefixes

    /// What cmark matches at the start of a line for one enclosing container.
    enum Container {
        case blockQuote
        /// A list item whose content starts at this (0-based, tab-expanded) column.
        case item(contentColumn: Int)
    }

    /// A position on a line that may sit inside a tab (tabs are 4-column stops, as in cmark).
    private struct Cursor {
        var pos: Int
        var posColumn: Int
        var column: Int
    }

    private func width(_ c: Cursor) -> Int { bytes[c.pos] == 0x09 ? 4 - c.posColumn % 4 : 1 }

    /// Columns of whitespace ahead of `c` on the line ending at `end`.
    private func indent(_ c: Cursor, end: Int) -> (columns: Int, next: Int) {
        var col = c.column, posCol = c.posColumn, p = c.pos
        while p < end, Self.isSpaceOrTab(bytes[p]) {
            let w = bytes[p] == 0x09 ? 4 - posCol % 4 : 1
            posCol += w
            col = posCol
            p += 1
        }
        return (col - c.column, p)
    }

    private func consume(_ c: inout Cursor, columns: Int, end: Int) {
        var left = columns
        while left > 0, c.pos < end, Self.isSpaceOrTab(bytes[c.pos]) {
            let remaining = width(c) - (c.column - c.posColumn)
            let take = min(remaining, left)
            c.column += take
            left -= take
            if c.column == c.posColumn + width(c) {
                c.posColumn = c.column
                c.pos += 1
            }
        }
    }

    /// Where paragraph content starts on a continuation `line` inside `containers` (outermost
    /// first): container markers are matched while they match (a line that stops matching is a
    /// lazy continuation), then leading whitespace is skipped, as cmark strips it.
    func continuationStart(line: Int, containers: [Container]) -> Int? {
        guard let start = lineStart(line), let end = lineEnd(line) else { return nil }
        var c = Cursor(pos: start, posColumn: 0, column: 0)
        matching: for container in containers {
            switch container {
            case .blockQuote:
                let (columns, next) = indent(c, end: end)
                guard columns <= 3, next < end, bytes[next] == UInt8(ascii: ">") else { break matching }
                consume(&c, columns: columns, end: end)
                c.pos = next + 1
                c.posColumn += 1
                c.column = c.posColumn
                if c.pos < end, Self.isSpaceOrTab(bytes[c.pos]) { consume(&c, columns: 1, end: end) }
            case .item(let contentColumn):
                let (columns, _) = indent(c, end: end)
                guard c.column + columns >= contentColumn else { break matching }
                consume(&c, columns: contentColumn - c.column, end: end)
            }
        }
        var p = c.pos
        while p < end, Self.isSpaceOrTab(bytes[p]) { p += 1 }
        return p
    }

    /// The content column of a list item whose marker sits at (`line`, byte `column`).
    func itemContentColumn(line: Int, column: Int) -> Int? {
        guard let start = lineStart(line), let end = lineEnd(line), let marker = offset(line: line, column: column) else { return nil }
        var col = 0
        for p in start..<marker { col = bytes[p] == 0x09 ? col + 4 - col % 4 : col + 1 }
        var p = marker
        if p < end, bytes[p] == UInt8(ascii: "-") || bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "*") {
            p += 1
        } else {
            while p < end, bytes[p] >= 0x30, bytes[p] <= 0x39 { p += 1 }
            guard p < end, bytes[p] == UInt8(ascii: ".") || bytes[p] == UInt8(ascii: ")") else { return nil }
            p += 1
        }
        col += p - marker
        let (columns, next) = indent(Cursor(pos: p, posColumn: col, column: col), end: end)
        if next >= end || columns >= 5 || columns == 0 { return col + 1 }
        return col + columns
    }
}
