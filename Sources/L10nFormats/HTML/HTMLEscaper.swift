import L10nCore

/// Writes translated text back into HTML.
///
/// Everywhere: `&`, `<`, `>` and `"` become references, because a unit's text may sit inside a
/// double-quoted attribute of an inline tag (`<img alt="…">` within a paragraph) and `&quot;` is
/// harmless in element content. In attribute units (`html:attr-*`) `'` becomes `&#39;` too, so
/// the text is safe between either kind of quote. A no-break space is written as `&nbsp;`: it is
/// how people author it, and a raw U+00A0 is invisible to whoever reads the HTML next.
/// Everything else, including non-ASCII text, stays UTF-8.
public struct HTMLEscaper: TextEscaping {
    public init() {}

    public func escape(_ text: String, unitType: String?) -> String {
        let inAttribute = unitType?.hasPrefix("html:attr-") ?? false
        let needsWork = text.utf8.contains { b in
            b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"")
                || (inAttribute && b == UInt8(ascii: "'")) || b == 0xC2
        }
        guard needsWork else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where inAttribute: out += "&#39;"
            case "\u{A0}": out += "&nbsp;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
