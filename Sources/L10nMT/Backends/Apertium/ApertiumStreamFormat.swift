import L10nCore

/// Segment content in Apertium's stream format and back: text escaped as Apertium's own
/// deformatter escapes it, every inline code as a superblank (`[<3>]`), which each stage of an
/// Apertium pipeline passes through unchanged and in order. The HTML mode would move tags with
/// the words around them; superblanks keep markup where it was, and a lost one is noticed.
///
/// Characters that Apertium treats as marks in its output (`*` unknown word, `#` generation
/// error, `@` untranslated lemma) or drops (`~`) travel as superblanks too, so any unescaped one in
/// the output is a mark and is dropped.
public enum ApertiumStreamFormat {
    /// What the stream text of one segment stands for.
    public struct Encoded: Hashable, Sendable {
        /// Stream-format text, without the NUL that ends it on the wire.
        public var text: String
        /// The codes, by the number their superblank carries.
        public var codes: [InlineCode]
    }

    /// Characters the stream format reserves; escaped with a backslash in text.
    static let escaped: Set<Character> = ["\\", "[", "]", "^", "$", "/", "<", ">", "{", "}"]
    /// Characters passed as a superblank of their own (marks in Apertium's output, or dropped).
    static let blanked: Set<Character> = ["*", "#", "@", "~"]

    public static func encode(_ content: Content) -> Encoded {
        var text = "", codes: [InlineCode] = []
        for run in content.runs {
            switch run {
            case .text(let t):
                for c in t {
                    if blanked.contains(c) {
                        text += "[" + String(c) + "]"
                    } else {
                        if escaped.contains(c) { text += "\\" }
                        text.append(c)
                    }
                }
            case .code(let code):
                text += "[<\(codes.count)>]"
                codes.append(code)
            }
        }
        // A final `[]` keeps the last full stop: without anything after it, the analyser drops it.
        return Encoded(text: text + "[]", codes: codes)
    }

    /// The content of a stream-format translation: escapes undone, marks dropped, superblanks
    /// that carry a code number replaced by that code, other superblanks kept as their text.
    /// Throws ``DecodingError`` for a code number out of range or an unclosed superblank.
    public static func decode(_ stream: String, codes: [InlineCode]) throws(DecodingError) -> Content {
        var runs: [Content.Run] = []
        var text = ""
        var iterator = stream.makeIterator()
        func flush() {
            if !text.isEmpty { runs.append(.text(text)); text = "" }
        }
        while let c = iterator.next() {
            switch c {
            case "\\":
                if let next = iterator.next() { text.append(next) }
            case "[":
                var blank = ""
                var closed = false
                while let b = iterator.next() {
                    if b == "\\" { if let e = iterator.next() { blank.append(e) }; continue }
                    if b == "]" { closed = true; break }
                    blank.append(b)
                }
                guard closed else { throw .unclosedBlank }
                if blank.first == "<", blank.last == ">", blank.count > 2 {
                    guard let n = Int(blank.dropFirst().dropLast()), codes.indices.contains(n) else { throw .unknownCode(blank) }
                    flush()
                    runs.append(.code(codes[n]))
                } else {
                    text += blank
                }
            case "*", "#", "@":
                continue
            default:
                text.append(c)
            }
        }
        flush()
        return Content(runs)
    }

    public enum DecodingError: Error, Hashable, CustomStringConvertible {
        case unclosedBlank
        case unknownCode(String)

        public var description: String {
            switch self {
            case .unclosedBlank: return "unclosed superblank in Apertium's output"
            case .unknownCode(let blank): return "Apertium's output carries a code marker we did not send (\(blank))"
            }
        }
    }
}
