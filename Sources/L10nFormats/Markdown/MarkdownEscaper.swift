import L10nCore

/// Writes translated text back into Markdown so that it reads as the same text and creates no
/// markup of its own, without backslashing ordinary punctuation that cannot form markup.
///
/// - Block units (`md:paragraph`, `md:list-item`, `md:blockquote`, `md:heading`,
///   `md:table-cell`): line breaks become spaces (the text is written on one line); inline markup
///   characters are escaped where they could open or close something (`*` and `~` unless between
///   blanks, `_` unless between blanks or inside a word, `` ` ``, `[`, `]`, `<` before a tag-like
///   character, entity-like `&…;`, `\` before punctuation); a run that starts a line (the unit
///   start, or after a hard break) loses leading blanks and has block starters escaped (`#`, `>`,
///   `-`/`+`/`*` list markers, `1.`/`1)`, thematic breaks, `~~~` fences). Table cells also escape
///   `|`; headings escape a closing `#` run.
/// - Link and image titles (units `md:link-title`, `md:link-title-sq`, `md:link-title-paren`
///   for `"…"`, `'…'`, `(…)`; or, in XLIFF from l10n 0.2, text inside a `md:link-title` code
///   pair): only the title's delimiters, backslashes and entity-like `&` are escaped.
/// - Front matter: `md:front-matter` is written as a plain YAML scalar when that is safe, else
///   double-quoted; `md:front-matter-dq` escapes `\` and `"`; `md:front-matter-sq` doubles `'`;
///   `md:front-matter-folded` is one line of its block (no leading blanks).
public struct MarkdownEscaper: TextEscaping {
    public init() {}

    public func escape(_ text: String, unitType: String?) -> String {
        escape(text, context: EscapingContext(unitType: unitType))
    }

    public func escape(_ text: String, context: EscapingContext) -> String {
        var out: [UInt8] = []
        escape(text, context: context, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public func escape(_ text: String, context: EscapingContext, into out: inout [UInt8]) {
        if let yaml = Self.frontMatter(text, unitType: context.unitType) { out.append(contentsOf: yaml.utf8); return }
        if let unitType = context.unitType, let opener = Self.linkTitleOpener(unitType) {
            return Self.linkTitle(text, opener: opener, into: &out)
        }
        if let title = context.enclosingCodes.last(where: { $0.subType == "md:link-title" }) {
            return Self.linkTitle(text, opener: title.data.utf8.last ?? UInt8(ascii: "\""), into: &out)
        }
        Self.inline(text, context: context, into: &out)
    }

    /// Front matter written as YAML; nil for every other unit type.
    ///
    /// Here and in ``linkTitleOpener(_:)`` a type is told by its length first: most text runs are
    /// of paragraphs, items, cells and headings, and comparing their (small) type with a literal
    /// of more than 15 bytes takes the string comparison's slow path, once per literal per run.
    private static func frontMatter(_ text: String, unitType: String?) -> String? {
        guard let unitType else { return nil }
        switch (unitType.utf8.count, unitType) {
        case (15, "md:front-matter"): return yamlPlainOrQuoted(text)
        case (18, "md:front-matter-dq"): return yamlDoubleQuotedBody(text)
        case (18, "md:front-matter-sq"): return text.replacingNewlines().replacing("'", with: "''")
        // One line of a folded block scalar: its indentation is before it; leading blanks would
        // make it a more-indented line, which folding keeps apart.
        case (22, "md:front-matter-folded"): return String(text.replacingNewlines().drop { $0 == " " || $0 == "\t" })
        default: return nil
        }
    }

    /// The opening delimiter of a link title unit's title; nil for every other unit type.
    private static func linkTitleOpener(_ unitType: String) -> UInt8? {
        switch (unitType.utf8.count, unitType) {
        case (13, "md:link-title"): return UInt8(ascii: "\"")
        case (16, "md:link-title-sq"): return UInt8(ascii: "'")
        case (19, "md:link-title-paren"): return UInt8(ascii: "(")
        default: return nil
        }
    }

    // MARK: - Inline text

    private static func inline(_ text: String, context: EscapingContext, into out: inout [UInt8]) {
        var text = text.replacingNewlines()
        text.withUTF8 { inline($0, context: context, into: &out) }
    }

    private static func inline(_ all: UnsafeBufferPointer<UInt8>, context: EscapingContext, into out: inout [UInt8]) {
        var b = all
        let atLineStart = context.isUnitStart || context.previousCode?.subType == "xlf:lb"
        // Blanks that start a line would be dropped (or, four of them, start a code block):
        // written as character references they stay text.
        if atLineStart {
            var blanks = 0
            while blanks < b.count, b[blanks] == 0x20 || b[blanks] == 0x09 {
                out.append(contentsOf: (b[blanks] == 0x09 ? "&#9;" : "&#32;").utf8)
                blanks += 1
            }
            b = UnsafeBufferPointer(rebasing: b[blanks...])
        }
        let isCell = context.unitType == "md:table-cell"
        let isHeading = context.unitType == "md:heading"
        let escapeAt = atLineStart ? lineStartEscape(b) : nil
        // A trailing `#` run after a blank would close an ATX heading.
        var headingClose = b.count
        if isHeading {
            var k = b.count
            while k > 0, b[k - 1] == UInt8(ascii: "#") { k -= 1 }
            if k < b.count, k == 0 || b[k - 1] == 0x20 || b[k - 1] == 0x09 { headingClose = k }
        }
        let count = b.count
        let mayNeedEscape = Self.mayNeedEscape
        // The places a line start and a heading's closing `#` run are escaped at, as plain
        // indexes (-1: none): two integer comparisons a byte, not optionals.
        let lineStartAt = escapeAt ?? -1, closeAt = isHeading ? headingClose : -1
        // By index with a plain byte test first: most bytes of a text are letters and spaces,
        // which need no look at their neighbours; they are copied a run at a time.
        var runStart = 0
        for i in 0..<count {
            let c = b[i]
            guard mayNeedEscape[Int(c)] || i == lineStartAt || i == closeAt else { continue }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<i])) }
            runStart = i + 1
            let prev: UInt8? = i > 0 ? b[i - 1] : nil
            let next: UInt8? = i + 1 < count ? b[i + 1] : nil
            var escape = i == escapeAt || (isHeading && i == headingClose)
            switch c {
            case UInt8(ascii: "\\"):
                escape = next == nil || next!.isASCIIPunctuation
            case UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"):
                escape = true
            case UInt8(ascii: "*"), UInt8(ascii: "~"):
                escape = escape || !(isBlank(prev) && isBlank(next) && prev != nil && next != nil)
            case UInt8(ascii: "_"):
                let inWord = (prev?.isASCIIAlphanumeric ?? false) && (next?.isASCIIAlphanumeric ?? false)
                escape = escape || !(inWord || (isBlank(prev) && isBlank(next) && prev != nil && next != nil))
            case UInt8(ascii: "<"):
                escape = next == nil || next!.isASCIILetter || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
            case UInt8(ascii: "&"):
                escape = looksLikeEntity(b, at: i)
            case UInt8(ascii: "|"):
                escape = escape || isCell
            case UInt8(ascii: "!"):
                // `!` right before a link's `[` code would turn the link into an image.
                escape = escape || (next == nil && context.nextCode?.data.hasPrefix("[") == true)
            default:
                break
            }
            if escape { out.append(UInt8(ascii: "\\")) }
            out.append(c)
        }
        if runStart < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<count])) }
    }

    private static func isBlank(_ c: UInt8?) -> Bool { c == nil || c == 0x20 || c == 0x09 }

    /// The bytes the loop above decides on: `\ ` [ ] * ~ _ < & | !`; any other byte is copied.
    private static let mayNeedEscape: [Bool] = (0..<256).map { b in
        "\\`[]*~_<&|!".utf8.contains(UInt8(b))
    }

    /// The index of the character to backslash so that a line starting with `b` cannot open a
    /// block (heading, quote, list, thematic break, fence), or nil.
    private static func lineStartEscape(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = b.first else { return nil }
        let second: UInt8? = b.count > 1 ? b[1] : nil
        switch first {
        case UInt8(ascii: "#"):
            var k = 0
            while k < b.count, b[k] == UInt8(ascii: "#") { k += 1 }
            return k <= 6 && isBlank(k < b.count ? b[k] : nil) ? 0 : nil
        case UInt8(ascii: ">"):
            return 0
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "="):
            if first != UInt8(ascii: "_") && first != UInt8(ascii: "=") && isBlank(second) { return 0 }
            // Thematic break / setext underline: the character repeated (blanks allowed).
            let rest = b.filter { $0 != 0x20 && $0 != 0x09 }
            return rest.allSatisfy({ $0 == first }) && (rest.count >= 3 || first == UInt8(ascii: "=")) ? 0 : nil
        case UInt8(ascii: "~"):
            return b.count >= 3 && b[1] == first && b[2] == first ? 0 : nil
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var k = 0
            while k < b.count, b[k].isDecimalDigit { k += 1 }
            guard k <= 9, k < b.count, b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ")"),
                  isBlank(k + 1 < b.count ? b[k + 1] : nil) else { return nil }
            return k
        default:
            return nil
        }
    }

    /// `&name;`, `&#123;` or `&#x1F;`: cmark would decode it.
    private static func looksLikeEntity(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var k = i + 1
        if k < b.count, b[k] == UInt8(ascii: "#") {
            k += 1
            if k < b.count, b[k] == UInt8(ascii: "x") || b[k] == UInt8(ascii: "X") { k += 1 }
        }
        let start = k
        while k < b.count, b[k].isASCIIAlphanumeric, k - start < 32 { k += 1 }
        return k > start && k < b.count && b[k] == UInt8(ascii: ";")
    }

    // MARK: - Link titles

    private static func linkTitle(_ text: String, opener: UInt8, into out: inout [UInt8]) {
        let closer = opener == UInt8(ascii: "(") ? UInt8(ascii: ")") : opener
        var text = text.replacingNewlines()
        text.withUTF8 { b in
            for (i, c) in b.enumerated() {
                let next: UInt8? = i + 1 < b.count ? b[i + 1] : nil
                let escape = switch c {
                case UInt8(ascii: "\\"): next == nil || next!.isASCIIPunctuation
                case UInt8(ascii: "&"): looksLikeEntity(b, at: i)
                case closer, opener: true
                default: false
                }
                if escape { out.append(UInt8(ascii: "\\")) }
                out.append(c)
            }
        }
    }

    // MARK: - YAML

    private static func yamlDoubleQuotedBody(_ text: String) -> String {
        var s = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "\\": s += "\\\\"
            case "\"": s += "\\\""
            case "\n": s += "\\n"
            case "\t": s += "\\t"
            case "\r": s += "\\r"
            default:
                if ch.value < 0x20 || ch.value == 0x7F { s += "\\x" + String(ch.value, radix: 16).leftPadded(to: 2) } else { s.unicodeScalars.append(ch) }
            }
        }
        return s
    }

    private static func yamlPlainOrQuoted(_ text: String) -> String {
        let t = text.replacingNewlines()
        return isSafePlainScalar(t) ? t : "\"" + yamlDoubleQuotedBody(t) + "\""
    }

    /// Conservative: anything YAML could read as something other than this exact string is quoted.
    private static func isSafePlainScalar(_ t: String) -> Bool {
        guard let first = t.unicodeScalars.first, let last = t.unicodeScalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@` \t".unicodeScalars.contains(first) || last == " " || last == "\t" || last == ":" { return false }
        if t.contains(": ") || t.contains(" #") || t.contains("\t") { return false }
        if t.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        if reserved.contains(t.lowercased()) { return false }
        if Double(t) != nil || t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == ":" || $0 == "_" }) { return false }
        return true
    }
}

private extension String {
    /// Line breaks as spaces: translated text is always written on one line. A line break is
    /// always a character of its own (`\r\n` one, `\n` or `\r` alone: grapheme breaking
    /// never joins anything to them), so this works on bytes.
    func replacingNewlines() -> String {
        var text = self
        return text.withUTF8 { p -> String? in
            guard Self.hasLineBreak(p) else { return nil }
            return String(unsafeUninitializedCapacity: p.count) { out in
                var i = 0, n = 0
                while i < p.count {
                    let b = p[i]
                    i += 1
                    if b == 0x0D || b == 0x0A {
                        if b == 0x0D, i < p.count, p[i] == 0x0A { i += 1 }
                        out[n] = 0x20
                    } else {
                        out[n] = b
                    }
                    n += 1
                }
                return n
            }
        } ?? self
    }

    /// Whether `p` holds a line feed or a carriage return, eight bytes at a time: a word holding
    /// byte `b` has a zero byte once XORed with `b` repeated (most texts have neither, and a byte
    /// at a time this scan was a sixth of writing a translated page).
    static func hasLineBreak(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= p.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let lf = word ^ (ones &* 0x0A), cr = word ^ (ones &* 0x0D)
            if ((lf &- ones) & ~lf | (cr &- ones) & ~cr) & highs != 0 { return true }
            i += 8
        }
        while i < p.count {
            if p[i] == 0x0A || p[i] == 0x0D { return true }
            i += 1
        }
        return false
    }

    func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}

private extension UInt8 {
    var isASCIILetter: Bool { (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) }
}
