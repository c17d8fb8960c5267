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
        escape(text, inAttribute: Self.inAttribute(context))
    }

    public func escape(_ text: String, context: EscapingContext, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { Self.append($0, inAttribute: Self.inAttribute(context), to: &out) }
    }

    private static func inAttribute(_ context: EscapingContext) -> Bool {
        let afterOpenQuote = context.previousCode.map { $0.data.hasSuffix("\"") || $0.data.hasSuffix("'") } ?? false
        return (context.unitType?.hasPrefix("html:attr-") ?? false) || afterOpenQuote
    }

    private func escape(_ text: String, inAttribute: Bool) -> String {
        let special = inAttribute ? Self.specialInAttribute : Self.specialInText
        var text = text
        return text.withUTF8 { p -> String? in
            // Most text has nothing to escape: one table look-up a byte, and the string is kept.
            guard p.contains(where: { special[Int($0)] }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(p.count + 16)
            Self.append(p, inAttribute: inAttribute, to: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Appends `p` escaped to `out`: the runs between special bytes copied whole.
    private static func append(_ p: UnsafeBufferPointer<UInt8>, inAttribute: Bool, to out: inout [UInt8]) {
        let special = inAttribute ? Self.specialInAttribute : Self.specialInText
        var runStart = 0
        var i = 0
        while i < p.count {
            let b = p[i]
            guard special[Int(b)] else { i += 1; continue }
            let replacement: StaticString
            var width = 1
            switch b {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:  // 0xC2: U+00A0 when 0xA0 follows, else the lead byte of another character
                guard i + 1 < p.count, p[i + 1] == 0xA0 else { i += 1; continue }
                replacement = "&nbsp;"
                width = 2
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            i += width
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart...]))
    }

    /// The bytes that may need a reference: `&`, `<`, `>` and 0xC2 (which starts U+00A0), and in
    /// attribute values also `"` and `'`.
    private static let specialInText: [Bool] = (0..<256).map { [0x26, 0x3C, 0x3E, 0xC2].contains($0) }
    private static let specialInAttribute: [Bool] = (0..<256).map { [0x26, 0x3C, 0x3E, 0xC2, 0x22, 0x27].contains($0) }
}
