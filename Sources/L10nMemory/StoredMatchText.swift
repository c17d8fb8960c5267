import L10nCore
import L10nText

/// What a store keeps of a unit's ``MatchText``: its ``MatchText/serialized`` form (compact),
/// shape key, word count and index terms. For all-ASCII text cut by ICU's root rules (nearly
/// every unit of product copy) these are written straight from the text's bytes into the string:
/// building the `MatchText` (a `Substring` per piece, a `String` in four arrays per word) and
/// serializing it was half of an import's row building. Other text goes through `MatchText`;
/// both give the same bytes (`StoredMatchTextTests`).
struct StoredMatchText: Sendable {
    var serialized: String
    var shapeKey: String
    var wordCount: Int
    /// ``MatchText/indexTermList(from:to:)``: ascending, each once.
    var indexTerms: [Int64]

    init(_ content: Content, from source: LanguageTag, to target: LanguageTag) {
        if let fast = Self.ascii(content, from: source, to: target) {
            self = fast
        } else {
            self.init(MatchText(content, language: source), from: source, to: target)
        }
    }

    init(_ text: MatchText, from source: LanguageTag, to target: LanguageTag) {
        serialized = text.serialized
        shapeKey = text.shapeKey
        wordCount = text.words.count
        indexTerms = text.indexTermList(from: source, to: target)
    }

    private init(serialized: String, shapeKey: String, wordCount: Int, indexTerms: [Int64]) {
        self.serialized = serialized
        self.shapeKey = shapeKey
        self.wordCount = wordCount
        self.indexTerms = indexTerms
    }

    /// A word-break piece of the text's bytes that is not whitespace-only punctuation.
    private struct Piece {
        var start: Int
        var end: Int
        var kind: MatchText.PieceKind
    }

    /// The forms from bytes, or nil when a text run is not all ASCII (or not contiguous UTF-8) or
    /// the source language's word rules are tailored (``ICUWordBreaker/cutsASCIIOnBytes``).
    static func ascii(_ content: Content, from source: LanguageTag, to target: LanguageTag) -> StoredMatchText? {
        guard MatchText.breaker(for: source).cutsASCIIOnBytes else { return nil }
        // Every text run's bytes, one after another, and the pieces found in them.
        var text: [UInt8] = [], pieces: [Piece] = [], codes: [String] = [], cuts: [Int] = []
        for run in content.runs {
            switch run {
            case .code(let c):
                codes.append(c.kind.rawValue + ":" + c.data)
            case .text(let t):
                let cut: Bool? = t.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                    cuts.removeAll(keepingCapacity: true)
                    if cuts.capacity == 0 { cuts.reserveCapacity(bytes.count / 2 + 1); pieces.reserveCapacity(bytes.count / 3 + 1) }
                    guard ICUWordBreaker.asciiCuts(of: bytes, into: &cuts) else { return false }
                    let offset = text.count
                    text.append(contentsOf: bytes)
                    var start = 0
                    for i in 0...cuts.count {
                        let end = i < cuts.count ? cuts[i] : bytes.count
                        // Never nil: the cuts were found, so every byte is ASCII.
                        if start < end, let kind = MatchText.asciiKind(of: UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                            pieces.append(Piece(start: offset + start, end: offset + end, kind: kind))
                        }
                        start = end
                    }
                    return true
                }
                guard cut == true else { return nil }
            }
        }
        // The stored form's length (compact: the written words, punctuation and codes), so it is
        // written once, in place.
        var wordCount = 0, wordBytes = 0, punctuationBytes = 0
        for p in pieces {
            if p.kind == .punctuation {
                for i in p.start..<p.end where !isWhitespace(text[i]) { punctuationBytes += 1 }
            } else {
                wordCount += 1
                wordBytes += p.end - p.start
            }
        }
        var codeBytes = max(0, codes.count - 1)
        for code in codes { codeBytes += code.utf8.count }
        let total = 1 + wordBytes + max(0, wordCount - 1) + 1 + punctuationBytes + 1 + codeBytes
        var terms: [Int64] = []
        terms.reserveCapacity(wordCount)
        let pair = MatchText.pairState(from: source, to: target)
        // The shape key hashes the shapes (folded words, `#` for numbers) joined by spaces, then
        // U+0001 and the codes; each word's index term hashes its folding after the pair.
        var shapeHash = FNV1a.offsetBasis
        let serialized = text.withUnsafeBufferPointer { text in
            String(unsafeUninitializedCapacity: total) { out -> Int in
                var n = 0
                func put(_ b: UInt8) { out[n] = b; n += 1 }
                put(MatchText.compactMark)
                var first = true
                for p in pieces where p.kind != .punctuation {
                    if !first { put(0x1F); shapeHash = FNV1a.hash(byte: 0x20, continuing: shapeHash) }
                    first = false
                    for i in p.start..<p.end { put(text[i]) }
                    guard p.kind == .word else {
                        shapeHash = FNV1a.hash(byte: UInt8(ascii: "#"), continuing: shapeHash)
                        continue
                    }
                    var term = pair
                    for i in p.start..<p.end {
                        // ASCII folding: A–Z lowered, as `lowercased()` does.
                        let b = folded(text[i])
                        term = FNV1a.hash(byte: b, continuing: term)
                        shapeHash = FNV1a.hash(byte: b, continuing: shapeHash)
                    }
                    terms.append(Int64(bitPattern: term))
                }
                put(0x1E)
                for p in pieces where p.kind == .punctuation {
                    for i in p.start..<p.end where !isWhitespace(text[i]) { put(text[i]) }
                }
                put(0x1E)
                for (i, code) in codes.enumerated() {
                    if i > 0 { put(0x1F) }
                    for b in code.utf8 { put(b) }
                }
                return n
            }
        }
        shapeHash = FNV1a.hash(codes, separator: "\u{1}", continuing: FNV1a.hash(byte: 1, continuing: shapeHash))
        MatchText.sortDistinct(&terms)
        return StoredMatchText(serialized: serialized, shapeKey: FNV1a.hex(shapeHash), wordCount: wordCount, indexTerms: terms)
    }

    /// Space, tab, newline, vertical tab, form feed, carriage return: what punctuation drops.
    @inline(__always)
    private static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    @inline(__always)
    private static func folded(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}
