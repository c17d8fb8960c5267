/// Recognises HTML entity and numeric character references the way cmark does, by asking cmark
/// itself (its entity table is not public API); answers are cached per document.
struct MarkdownEntityDecoder {
    private var cache: [[UInt8]: [UInt8]?] = [:]

    /// The length of the reference at `start` in `bytes` and the bytes it decodes to, if cmark
    /// would decode one there.
    mutating func reference(in bytes: [UInt8], at start: Int) -> (length: Int, decoded: [UInt8])? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "&") else { return nil }
        var i = start + 1
        let limit = min(bytes.count, start + 40)
        guard i < limit else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            let hex = i < limit && (bytes[i] == UInt8(ascii: "x") || bytes[i] == UInt8(ascii: "X"))
            if hex { i += 1 }
            let digitsStart = i
            while i < limit, hex ? bytes[i].isHexDigit : bytes[i].isDecimalDigit { i += 1 }
            let n = i - digitsStart
            guard n >= 1, n <= 12, i < limit, bytes[i] == UInt8(ascii: ";") else { return nil }
        } else {
            let nameStart = i
            while i < limit, bytes[i].isASCIIAlphanumeric { i += 1 }
            guard i > nameStart, i < limit, bytes[i] == UInt8(ascii: ";") else { return nil }
        }
        let reference = Array(bytes[start...i])
        if let known = cache[reference] { return known.map { (reference.count, $0) } }
        let decoded = Self.decodeWithCmark(reference)
        cache[reference] = decoded
        return decoded.map { (reference.count, $0) }
    }

    private static func decodeWithCmark(_ reference: [UInt8]) -> [UInt8]? {
        guard let tree = try? MarkdownSyntaxTree.parse(reference),
              let paragraph = tree.children(of: tree.root).first, paragraph.kind == .paragraph,
              paragraph.children.count == 1, let text = tree.children(of: paragraph).first, text.kind == .text,
              !tree.literal(of: text).elementsEqual(reference) else { return nil }
        return Array(tree.literal(of: text))
    }
}

extension UInt8 {
    var isDecimalDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isHexDigit: Bool { isDecimalDigit || (self >= 0x41 && self <= 0x46) || (self >= 0x61 && self <= 0x66) }
    var isASCIIAlphanumeric: Bool { isDecimalDigit || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) }
    /// ASCII punctuation as CommonMark defines it (what a backslash can escape).
    var isASCIIPunctuation: Bool {
        (self >= 0x21 && self <= 0x2F) || (self >= 0x3A && self <= 0x40) || (self >= 0x5B && self <= 0x60) || (self >= 0x7B && self <= 0x7E)
    }
    /// cmark's `cmark_isspace`.
    var isMarkdownSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0B || self == 0x0C || self == 0x0D }
}
