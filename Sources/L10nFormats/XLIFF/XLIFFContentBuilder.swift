import L10nCore

/// Builds a segment's ``Content`` straight from the parsed XLIFF. Text (text nodes, `<cp>`
/// characters, the content of dropped markers) gathers as bytes and becomes one run when a code
/// or the end comes, so the runs come out normal — no empty text, no two texts in a row — without
/// a string per node, a run array per element and a second pass merging them.
struct XLIFFContentBuilder {
    private var runs: [Content.Run] = []
    /// The text since the last code; kept allocated from one content to the next.
    private var text: [UInt8] = []

    /// True when nothing was appended since the last ``finish()``.
    var isEmpty: Bool { runs.isEmpty && text.isEmpty }

    /// `bytes`: valid UTF-8 (what the parser gives).
    mutating func append(text bytes: ArraySlice<UInt8>) {
        text.append(contentsOf: bytes)
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { text.append($0) }
    }

    mutating func append(_ code: InlineCode) {
        flushText()
        runs.append(.code(code))
    }

    /// The content appended so far; the builder starts over.
    mutating func finish() -> Content {
        flushText()
        defer { runs = [] }
        return Content(normalRuns: runs)
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        runs.append(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
    }
}
