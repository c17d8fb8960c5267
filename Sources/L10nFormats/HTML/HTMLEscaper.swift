import L10nCore

/// Writes translated text back into HTML.
///
/// Everywhere: `&`, `<` and `>` become references. Inside an attribute value — an attribute unit
/// (`html:attr-*`, also a subflow nested in a tag), or, in XLIFF written by l10n 0.2, text that
/// follows the opening part of a tag split around its attribute (`<a href="/x" title="` … `">`,
/// whose data ends in a quote) — `"` and `'` become `&quot;` and
/// `&#39;` too, so the value is safe between either kind of quote; in element content quotes stay
/// as written (`1/2" NPT`). A no-break space is written as `&nbsp;`: it is
/// how people author it, and a raw U+00A0 is invisible to whoever reads the HTML next.
/// Everything else, including non-ASCII text, stays UTF-8.
public struct HTMLEscaper: TextEscaping {
    public init() {}

    public func escape(_ text: String, unitType: String?) -> String {
        escape(text, inAttribute: unitType?.hasPrefix("html:attr-") ?? false)
    }

    public func escape(_ text: String, context: EscapingContext) -> String {
        let afterOpenQuote = context.previousCode.map { $0.data.hasSuffix("\"") || $0.data.hasSuffix("'") } ?? false
        return escape(text, inAttribute: (context.unitType?.hasPrefix("html:attr-") ?? false) || afterOpenQuote)
    }

    private func escape(_ text: String, inAttribute: Bool) -> String {
        var text = text
        return text.withUTF8 { p in
            var needsWork = false
            for b in p where b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
                || (inAttribute && (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'"))) || b == 0xC2 {
                needsWork = true
                break
            }
            guard needsWork else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(p.count + 16)
            var i = 0
            while i < p.count {
                let b = p[i]
                i += 1
                switch b {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\"") where inAttribute: out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'") where inAttribute: out.append(contentsOf: "&#39;".utf8)
                case 0xC2 where i < p.count && p[i] == 0xA0:  // U+00A0
                    out.append(contentsOf: "&nbsp;".utf8)
                    i += 1
                default: out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }
}
