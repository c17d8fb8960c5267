/// What machine translation must leave untouched in a page, counted: URLs, model numbers and
/// markup (HTML tags; Markdown emphasis, links, code, table pipes, headings).
enum MarkupInvariants {
    static func counts(_ text: String, html: Bool) -> [String: Int] {
        var counts: [String: Int] = [:]
        for m in text.matches(of: /https?:\/\/[^\s)"'<>]+/) { counts[String(m.output), default: 0] += 1 }
        for m in text.matches(of: /\b[A-Z]{1,4}-[0-9][0-9A-Z-]*\b/) { counts[String(m.output), default: 0] += 1 }
        if html {
            for m in text.matches(of: /<\/?[a-zA-Z][a-zA-Z0-9]*/) { counts[String(m.output), default: 0] += 1 }
        } else {
            for marker in ["**", "](", "`", "|", "#"] { counts[marker] = text.components(separatedBy: marker).count - 1 }
        }
        return counts
    }
}
