import L10nCore
import L10nMT

/// What a document is about, for engines that take context (``TranslationContext/about``): its
/// title — an HTML `<title>` or a front-matter `title`, else its first heading — on the first
/// line, then the text of its first paragraphs, list items and other running text (not headings,
/// table cells or attribute values), one unit per line, up to
/// ``TranslationContext/maxAboutCharacters`` characters (the unit that does not fit is cut at a
/// word boundary). Only the words of the source: codes are left out, so protected spans (URLs,
/// e-mail addresses, marked do-not-translate spans) are never part of it. Built from the
/// document as the translate stage gets it (adapted), so it is the same for every batch of the
/// page and changes only when the page does.
enum DocumentAbout {
    static func text(of document: Document, limit: Int = TranslationContext.maxAboutCharacters) -> String? {
        let units = document.units
        let title = units.firstIndex(where: isTitle) ?? units.firstIndex(where: isHeading)
        var lines: [String] = []
        if let title { lines.append(words(units[title])) }
        for (i, unit) in units.enumerated() where i != title && isLead(unit) {
            lines.append(words(unit))
        }
        var out = "", count = 0
        lines: for line in lines where !line.isEmpty {
            let separator = count == 0 ? 0 : 1
            if count + separator + line.count <= limit {
                out += (separator == 1 ? "\n" : "") + line
                count += separator + line.count
                continue
            }
            // The first line that does not fit goes in as far as whole words do.
            var first = true
            for word in line.split(separator: " ") {
                let space = count == 0 ? 0 : 1
                guard count + space + word.count <= limit else {
                    if count == 0 { out = String(word.prefix(limit)) }
                    break lines
                }
                out += (space == 0 ? "" : first ? "\n" : " ") + word
                count += space + word.count
                first = false
            }
            break
        }
        return out.isEmpty ? nil : out
    }

    /// The unit's words with whitespace runs made one space.
    private static func words(_ unit: TextUnit) -> String {
        unit.source.plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func isTitle(_ unit: TextUnit) -> Bool {
        unit.type == "html:title" || (unit.type == "md:front-matter" && unit.name?.lowercased() == "title")
    }

    private static func isHeading(_ unit: TextUnit) -> Bool {
        guard let type = unit.type else { return false }
        return type == "md:heading" || ["html:h1", "html:h2", "html:h3", "html:h4", "html:h5", "html:h6"].contains(type)
    }

    /// Running text: Markdown paragraphs, list items and quotes; HTML blocks other than titles,
    /// headings, table cells, options and attribute values; any unit of another format.
    private static func isLead(_ unit: TextUnit) -> Bool {
        guard !isTitle(unit), !isHeading(unit) else { return false }
        guard let type = unit.type else { return true }
        if type.hasPrefix("md:") { return ["md:paragraph", "md:list-item", "md:blockquote"].contains(type) }
        if type.hasPrefix("html:") { return !type.hasPrefix("html:attr-") && !["html:td", "html:th", "html:option"].contains(type) }
        return true
    }
}
