import Foundation
import L10nCore

/// A localized HTML fragment ready to paste into a website CMS: the page's content (Markdown
/// rendered with cmark-gfm; an HTML page's `<body>` content) in a `<div>` that carries `lang`
/// and, for right-to-left languages, `dir="rtl"`.
public enum HTMLFragment {
    /// Languages written right to left (primary subtags).
    static let rightToLeft: Set<String> = ["ar", "he", "fa", "ur", "yi", "ps", "dv", "ckb", "sd", "ug"]

    public static func make(from localized: Data, format: String, language: LanguageTag, allowRawHTML: Bool, file: String) throws -> Data {
        var text = try TextInput.decodeUTF8(localized, file: file)
        // A byte-order mark belongs to a file, not to a fragment pasted into a page.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let inner: String
        switch format {
        case "markdown":
            inner = MarkdownRenderer.html(stripFrontMatter(text), allowRawHTML: allowRawHTML)
        case "html":
            inner = bodyContent(of: text)
        default:
            throw FormatError(.unsupported, "no HTML fragment can be made from '\(format)' documents", at: SourceLocation(file: file))
        }
        let dir = rightToLeft.contains(language.language) ? " dir=\"rtl\"" : ""
        var out = "<div lang=\"\(language.rawValue)\"\(dir)>\n"
        out += inner.hasSuffix("\n") ? inner : inner + "\n"
        out += "</div>\n"
        return Data(out.utf8)
    }

    /// YAML front matter is page metadata, not content.
    static func stripFrontMatter(_ text: String) -> String {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        guard body.hasPrefix("---\n") || body.hasPrefix("---\r\n") else { return text }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated().dropFirst() where line == "---" || line == "---\r" || line == "..." || line == "...\r" {
            return lines[(i + 1)...].joined(separator: "\n")
        }
        return text
    }

    /// What is between `<body …>` and `</body>`, or everything when the page is a fragment.
    static func bodyContent(of html: String) -> String {
        guard let open = html.range(of: "<body\\b[^>]*>", options: [.regularExpression, .caseInsensitive]) else { return html }
        let rest = html[open.upperBound...]
        let close = rest.range(of: "</body\\s*>", options: [.regularExpression, .caseInsensitive, .backwards])
        return String(rest[..<(close?.lowerBound ?? rest.endIndex)]).trimmingCharacters(in: .newlines)
    }
}
