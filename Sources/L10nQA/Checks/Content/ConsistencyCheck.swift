import L10nCore

/// The same source sentence translated differently in one document.
public struct ConsistencyCheck: QADocumentCheck {
    public static let description = CheckDescription(
        id: "consistency.source", name: "Inconsistent translation",
        summary: "A source sentence that occurs more than once has the same translation each time.",
        rationale: "A product page that says \"Free shipping\" two ways looks careless, and one of the two is usually the wrong one. Sources are compared by their text and codes with whitespace collapsed; the first translation is taken as the reference and every other one is flagged.",
        defaultSeverity: .warning,
        passing: [
            CheckExample("Free shipping.|Free shipping.", "Kostenloser Versand.|Kostenloser Versand."),
            CheckExample("Free shipping.|Fast shipping.", "Kostenloser Versand.|Schneller Versand."),
        ],
        failing: [
            CheckExample("Free shipping.|In stock.|Free  shipping.", "Kostenloser Versand.|Auf Lager.|⟦Gratisversand."),
        ])

    public init() {}

    public func check(_ pairs: [SegmentPair], context: CheckContext) -> [(key: String, issue: QAIssue)] {
        // Keys are the normalized bytes. When every source key of the document is canonically
        // plain (``Graphemes/isCanonicallyPlain(_:)``), equal strings are equal bytes, so the keys
        // are hashed and compared as bytes; else as strings, as Swift compares them.
        var keys: [[UInt8]] = []
        keys.reserveCapacity(pairs.count)
        var plain = true
        for pair in pairs {
            let key = Self.normalizedBytes(pair.source)
            if plain { plain = key.withUnsafeBufferPointer { Graphemes.allCanonicallyPlain(utf8: $0) } }
            keys.append(key)
        }
        if plain { return Self.check(pairs, keys: keys.map(ByteKey.init)) }
        return Self.check(pairs, keys: keys.map { String(decoding: $0, as: UTF8.self) })
    }

    /// Normalized bytes as a key hashed and compared byte for byte (for canonically plain text,
    /// where that is what `String` equality says).
    private struct ByteKey: Hashable {
        var bytes: [UInt8]
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
        static func == (a: ByteKey, b: ByteKey) -> Bool { a.bytes == b.bytes }
    }

    private static func check<Key: Hashable>(_ pairs: [SegmentPair], keys: [Key]) -> [(key: String, issue: QAIssue)] {
        // Targets are normalized only when their source repeats (most sources of a page occur
        // once): the first target as it came, and normalized once when a repeat needs it.
        var first: [Key: Reference] = [:]
        first.reserveCapacity(pairs.count)  // growing would hash every normalized source again
        var out: [(String, QAIssue)] = []
        // By index: iterating the pairs copied each one (its key, contents and texts) out and back.
        for k in pairs.indices {
            let source = keys[k]
            guard let i = first.index(forKey: source) else {
                first[source] = Reference(key: pairs[k].key, target: pairs[k].target)
                continue
            }
            // The same target as the first (a repeated source is mostly translated the same
            // way): equal content normalizes to equal text, so neither is normalized.
            if pairs[k].target == first.values[i].target { continue }
            let target = Self.normalizedBytes(pairs[k].target)
            let reference = first.values[i].normalizedTarget ?? Self.normalizedBytes(first.values[i].target)
            first.values[i].normalizedTarget = reference
            if !Self.equal(reference, target) {
                out.append((pairs[k].key, QAIssue("the same source is translated differently in \(first.values[i].key)", at: 0)))
            }
        }
        return out
    }

    /// Whether two normalized texts are equal strings: byte for byte when both are canonically
    /// plain, else as Swift compares strings.
    private static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        let plain = a.withUnsafeBufferPointer { Graphemes.allCanonicallyPlain(utf8: $0) }
            && b.withUnsafeBufferPointer { Graphemes.allCanonicallyPlain(utf8: $0) }
        return plain ? false : String(decoding: a, as: UTF8.self) == String(decoding: b, as: UTF8.self)
    }

    /// The first pair with a source: its key and target, the target normalized once it is needed.
    private struct Reference {
        var key: String
        var target: Content
        var normalizedTarget: [UInt8]?
    }

    /// Text with whitespace collapsed, codes by kind and markup, as UTF-8.
    static func normalizedBytes(_ content: Content) -> [UInt8] {
        var out: [UInt8] = []
        for run in content.runs {
            switch run {
            case .text(let t):
                if !appendCollapsed(t, to: &out) {
                    out += (t.split(whereSeparator: \.isWhitespace).joined(separator: " ") + (t.last?.isWhitespace == true ? " " : "")).utf8
                }
            case .code(let c):
                out.append(0x01)  // U+0001: no text an XLIFF holds has it
                appendUTF8(c.kind.rawValue, to: &out)
                appendUTF8(c.data, to: &out)
                out.append(0x02)
            }
        }
        // Every whitespace of the text became one U+0020 and codes are bracketed by U+0001 and
        // U+0002, so trimming spaces and tabs (`CharacterSet.whitespaces`) trims U+0020 only.
        // The brackets are ASCII so that a key of ASCII text with codes stays ASCII.
        guard let first = out.firstIndex(where: { $0 != 0x20 }), let last = out.lastIndex(where: { $0 != 0x20 }) else { return [] }
        if first == 0 && last == out.count - 1 { return out }
        return Array(out[first...last])
    }

    /// `s`'s UTF-8 appended as one copy (`+= s.utf8` goes through the generic sequence path).
    private static func appendUTF8(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// The same as splitting `t` at whitespace characters and joining with one space (plus one
    /// space when it ends with whitespace), for a text whose characters are its scalars: on its
    /// UTF-8 bytes, words copied whole. The only whitespace such a text can hold besides ASCII's
    /// is U+0085, U+00A0 and U+3000 (``Graphemes/isStandalone(_:)``). False, with nothing
    /// appended, when a scalar of `t` is not a character of its own: that is checked in the
    /// pass that sees whether `t` is collapsed already, not in a pass of its own.
    private static func appendCollapsed(_ t: String, to out: inout [UInt8]) -> Bool {
        var t = t
        return t.withUTF8 { bytes -> Bool in
            // Most texts are collapsed already: copied whole, not word by word.
            switch scan(bytes) {
            case nil: return false
            case true?: out.append(contentsOf: bytes); return true
            case false?: break
            }
            let n = bytes.count
            var wroteWord = false, pendingSpace = false, endsWithSpace = false
            var wordStart = -1
            var i = 0
            while i < n {
                let b = bytes[i]
                var space = 0  // length of the whitespace character at i, if it is one
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    space = 1
                } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0 {
                    space = 2
                } else if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                    space = 3
                }
                if space > 0 {
                    if wordStart >= 0 { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[wordStart..<i])); wordStart = -1; wroteWord = true }
                    pendingSpace = wroteWord
                    endsWithSpace = true
                    i += space
                } else {
                    if wordStart < 0 {
                        if pendingSpace { out.append(0x20); pendingSpace = false }
                        wordStart = i
                    }
                    endsWithSpace = false
                    i += 1
                }
            }
            if wordStart >= 0 { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[wordStart..<n])) }
            if endsWithSpace { out.append(0x20) }
            return true
        }
    }

    /// Whether collapsing leaves `bytes` as they are — no leading whitespace, and none but single
    /// U+0020s after it (a trailing one stays, as one space) — or nil when a scalar is not a
    /// character of its own (``Graphemes/allStandalone(_:)``).
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let n = bytes.count
        var collapsed = true
        var previousWasSpace = true  // a space at the start is leading whitespace
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x20 {
                    if previousWasSpace { collapsed = false }
                    previousWasSpace = true
                } else {
                    if b >= 0x09 && b <= 0x0D {
                        if b == 0x0D { return nil }  // CR joins a following LF
                        collapsed = false
                    }
                    previousWasSpace = false
                }
                i += 1
            } else if b < 0xE0 {
                guard i + 1 < n else { return nil }
                let v = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                guard Graphemes.isStandalone(v) else { return nil }
                if v == 0x85 || v == 0xA0 { collapsed = false }
                previousWasSpace = false
                i += 2
            } else {
                guard b < 0xF0, i + 2 < n else { return nil }
                let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                guard Graphemes.isStandalone(v) else { return nil }
                if v == 0x3000 { collapsed = false }
                previousWasSpace = false
                i += 3
            }
        }
        return collapsed
    }
}
