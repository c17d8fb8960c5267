import L10nCore

/// Builds a segment's ``Content`` straight from the parsed XLIFF. Text (text nodes, `<cp>`
/// characters, the content of dropped markers) gathers until a code or the end comes and then
/// becomes one run, so the runs come out normal — no empty text, no two texts in a row — without
/// a string per node, a run array per element and a second pass merging them.
struct XLIFFContentBuilder {
    private var runs: [Content.Run] = []
    /// The text since the last code while it is one text node (most are): made a string straight
    /// from the parsed document's bytes.
    private var slice: ArraySlice<UInt8>?
    /// The text since the last code once it is more than one node; kept allocated from one
    /// content to the next.
    private var text: [UInt8] = []

    /// True when nothing was appended since the last ``finish()``.
    var isEmpty: Bool { runs.isEmpty && slice == nil && text.isEmpty }

    /// `bytes`: valid UTF-8 (what the parser gives).
    mutating func append(text bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        if slice == nil && text.isEmpty {
            slice = bytes
        } else {
            gatherSlice()
            text.append(contentsOf: bytes)
        }
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        gatherSlice()
        UTF8.encode(scalar) { text.append($0) }
    }

    mutating func append(_ code: InlineCode) {
        flushText()
        appendRun(.code(code))
    }

    /// The content appended so far; the builder starts over.
    mutating func finish() -> Content {
        flushText()
        defer { runs = [] }
        return Content(normalRuns: runs)
    }

    private mutating func gatherSlice() {
        guard let bytes = slice else { return }
        text.append(contentsOf: bytes)
        slice = nil
    }

    private mutating func flushText() {
        if let bytes = slice {
            appendRun(.text(String(decoding: bytes, as: UTF8.self)))
            slice = nil
        } else if !text.isEmpty {
            appendRun(.text(String(decoding: text, as: UTF8.self)))
            text.removeAll(keepingCapacity: true)
        }
    }

    /// Room for four runs is made at the first: appended one by one from empty, a content of
    /// text, code, text grew its array twice (three allocations, two moves, for one content).
    private mutating func appendRun(_ run: Content.Run) {
        if runs.capacity == 0 { runs.reserveCapacity(4) }
        runs.append(run)
    }
}
