/// The text of one leaf block as cmark's inline parser sees it (container prefixes and leading
/// whitespace of each line removed, trailing whitespace trimmed, `\|` unescaped in table cells),
/// with the raw byte offset of every byte so that pieces found in it map back to the original.
///
/// A range `a..<b` of the subject maps to the raw range `raw[a]..<raw[b]`: bytes skipped between
/// lines (`> `, list indentation) belong to the piece holding the line ending before them.
struct MarkdownSubject {
    var bytes: [UInt8] = []
    /// `raw[i]` is the raw offset of `bytes[i]`; `raw[bytes.count]` is the raw end.
    var raw: [Int] = []

    var count: Int { bytes.count }

    func rawRange(_ r: Range<Int>) -> Range<Int> { raw[r.lowerBound]..<raw[r.upperBound] }

    /// True when `r` maps to exactly as many raw bytes, i.e. the subject bytes are the raw bytes.
    func isVerbatim(_ r: Range<Int>) -> Bool { raw[r.upperBound] - raw[r.lowerBound] == r.count }

    mutating func append(_ source: [UInt8], _ range: Range<Int>) {
        bytes.append(contentsOf: source[range])
        raw.append(contentsOf: range)
    }

    /// Closes the subject at raw offset `end` after trimming trailing whitespace, as cmark does.
    mutating func finish() {
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D || last == 0x0B || last == 0x0C {
            bytes.removeLast()
            raw.removeLast()
        }
        let end = raw.last.map { $0 + 1 } ?? 0
        raw.append(end)
    }

    /// Emptied for the next block, its storage kept: a reader makes one subject after the other
    /// in the same one (an aligner holding it has let go by then), not two arrays per block.
    mutating func reset(capacity: Int) {
        bytes.removeAll(keepingCapacity: true)
        raw.removeAll(keepingCapacity: true)
        bytes.reserveCapacity(capacity)
        raw.reserveCapacity(capacity + 1)
    }

    /// Lines `first...last` of a paragraph-like block: content from `firstStart` on the first line,
    /// from the container-aware continuation start on the others. Made in `subject` (``reset(capacity:)``);
    /// false when the lines do not hold the block.
    static func lines(_ source: MarkdownSource, first: Int, last: Int, firstStart: Int,
                      containers: [MarkdownSource.Container], into subject: inout MarkdownSubject) -> Bool {
        // The raw span of the lines bounds the subject.
        subject.reset(capacity: max(0, (source.lineBreakEnd(last) ?? source.bytes.count) - firstStart + 1))
        for line in first...last {
            let start = line == first ? firstStart : source.continuationStart(line: line, containers: containers)
            guard let start, let end = source.lineEnd(line), start <= end else { return false }
            subject.append(source.bytes, start..<end)
            if line < last, let breakEnd = source.lineBreakEnd(line) {
                subject.append(source.bytes, end..<breakEnd)
            }
        }
        subject.finish()
        return true
    }

    /// A table cell's raw range, trimmed, with `\|` read as `|` (GFM unescapes pipes before
    /// inline parsing, even inside code spans), made in `subject` (``reset(capacity:)``).
    static func tableCell(_ source: MarkdownSource, range: Range<Int>, into subject: inout MarkdownSubject) {
        let b = source.bytes
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, MarkdownSource.isSpaceOrTab(b[lo]) { lo += 1 }
        while hi > lo, MarkdownSource.isSpaceOrTab(b[hi - 1]) { hi -= 1 }
        subject.reset(capacity: hi - lo)
        var i = lo
        while i < hi {
            subject.raw.append(i)
            if b[i] == UInt8(ascii: "\\"), i + 1 < hi, b[i + 1] == UInt8(ascii: "|") {
                subject.bytes.append(UInt8(ascii: "|"))
                i += 2
            } else {
                subject.bytes.append(b[i])
                i += 1
            }
        }
        subject.raw.append(hi)
    }
}
