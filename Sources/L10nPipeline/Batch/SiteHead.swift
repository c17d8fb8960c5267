import Foundation

/// Makes a localized HTML page ready to serve in its market: `<html lang>` (and `dir="rtl"` for
/// right-to-left languages) and the page set's `<link rel="alternate" hreflang>` links in
/// `<head>`, replacing any hreflang links the source page carried (those describe the source
/// site's set, not this one). Everything else keeps its bytes.
///
/// The page's `<title>` and meta description are already localized: they are units the HTML
/// reader extracts like any other text.
package enum SiteHead {
    package static func decorate(_ html: String, language: String, alternates: [SiteAlternate]) -> String {
        var text = HTMLPageLanguage.declaring(language, in: html)
        guard !alternates.isEmpty else { return text }
        text = removingHreflangLinks(text)
        let comments2 = commentRanges(text)
        let links = alternates.map { "<link rel=\"alternate\" hreflang=\"\(escape($0.hreflang))\" href=\"\(escape($0.url))\">" }
        if let close = findTag("/head", in: text, outside: comments2) {
            // At the start of `</head>`'s line when it has one of its own: one link per line,
            // indented one step deeper than `</head>`.
            let lineStart = text[..<close.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            let closeIndent = text[lineStart..<close.lowerBound]
            if closeIndent.allSatisfy({ $0 == " " || $0 == "\t" }), lineStart != text.startIndex {
                // Indented like the line above (the head's last element), else one step in.
                let previousEnd = text.index(before: lineStart)
                let previousStart = text[..<previousEnd].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
                let previousIndent = text[previousStart..<previousEnd].prefix { $0 == " " || $0 == "\t" }
                let indent = previousIndent.count >= closeIndent.count ? String(previousIndent) : String(closeIndent) + "  "
                text.insert(contentsOf: links.map { indent + $0 + "\n" }.joined(), at: lineStart)
            } else {
                text.insert(contentsOf: links.joined(), at: close.lowerBound)
            }
        } else if let head = findStartTag("head", in: text, outside: comments2) {
            text.insert(contentsOf: links.joined(), at: head.end)
        }
        return text
    }

    /// Whether `html` is a whole page (it has an `<html>` or `<head>` tag) rather than a fragment.
    package static func isWholePage(_ html: String) -> Bool {
        let comments = commentRanges(html)
        return findTag("html", in: html, outside: comments) != nil || findTag("head", in: html, outside: comments) != nil
    }

    /// The site page's `<html>` or `<head>` start tag: where its attributes are and where it ends.
    struct StartTag {
        var start: String.Index
        var attributes: Range<String.Index>
        var end: String.Index
    }

    struct Attribute {
        var name: String
        var raw: String
    }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
    }

    static func commentRanges(_ text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var from = text.startIndex
        while let open = find("<!--", in: text, from: from) {
            let close = find("-->", in: text, from: open.upperBound)?.upperBound ?? text.endIndex
            ranges.append(open.lowerBound..<close)
            from = close
        }
        return ranges
    }

    /// The first `<name` at or after `from` (case-insensitive, outside comments) followed by a
    /// tag boundary.
    static func findTag(_ name: String, in text: String, from: String.Index? = nil, outside comments: [Range<String.Index>]) -> Range<String.Index>? {
        var from = from ?? text.startIndex
        while let found = find("<" + name, in: text, from: from, ignoringASCIICase: true) {
            from = found.upperBound
            if comments.contains(where: { $0.contains(found.lowerBound) }) { continue }
            guard found.upperBound < text.endIndex else { return nil }
            let next = text[found.upperBound]
            if next == ">" || next == "/" || next.isWhitespace { return found }
        }
        return nil
    }

    /// `needle` (ASCII) in `text` at or after `from`, comparing UTF-8 bytes (ASCII letters in
    /// either case with `ignoringASCIICase`): a page's head is searched many times, and
    /// Foundation's `range(of:)` transcodes the whole page to UTF-16 on every call.
    static func find(_ needle: String, in text: String, from: String.Index, ignoringASCIICase: Bool = false) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return from..<from }
        let utf8 = text.utf8
        let start = utf8.distance(from: utf8.startIndex, to: from)
        func search(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
            @inline(__always) func fold(_ b: UInt8) -> UInt8 { ignoringASCIICase && b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            let lead = pattern[0]
            let last = p.count - pattern.count
            guard start <= last, let base = p.baseAddress else { return nil }
            // The needles here start with `<` or `-` (no case to fold), which memchr finds far
            // faster than a loop: a fragment's page is searched to its end for each tag.
            if ignoringASCIICase && lead | 0x20 >= 0x61 && lead | 0x20 <= 0x7A {
                for i in start...last where fold(p[i]) == fold(lead) {
                    var k = 1
                    while k < pattern.count, fold(p[i + k]) == fold(pattern[k]) { k += 1 }
                    if k == pattern.count { return i }
                }
                return nil
            }
            var i = start
            while i <= last, let hit = memchr(base + i, Int32(lead), last + 1 - i) {
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var k = 1
                while k < pattern.count, fold(p[i + k]) == fold(pattern[k]) { k += 1 }
                if k == pattern.count { return i }
                i += 1
            }
            return nil
        }
        // On the string's own bytes (a native string always has them).
        let found = utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
        guard let found else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: found)
        return lower..<utf8.index(lower, offsetBy: pattern.count)
    }

    static func findStartTag(_ name: String, in text: String, from: String.Index? = nil, outside comments: [Range<String.Index>]) -> StartTag? {
        guard let open = findTag(name, in: text, from: from, outside: comments) else { return nil }
        var quote: Character?
        var i = open.upperBound
        while i < text.endIndex {
            let c = text[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                var attributesEnd = i
                if attributesEnd > open.upperBound, text[text.index(before: attributesEnd)] == "/" { attributesEnd = text.index(before: attributesEnd) }
                return StartTag(start: open.lowerBound, attributes: open.upperBound..<attributesEnd, end: text.index(after: i))
            }
            i = text.index(after: i)
        }
        return nil
    }

    /// Attributes as written (`name`, `name=value`, `name="value"`), each kept verbatim.
    static func parseAttributes(_ text: String) -> [Attribute] {
        var result: [Attribute] = []
        var i = text.startIndex
        func skipSpace() { while i < text.endIndex, text[i].isWhitespace { i = text.index(after: i) } }
        while true {
            skipSpace()
            guard i < text.endIndex else { break }
            let start = i
            while i < text.endIndex, !text[i].isWhitespace, text[i] != "=" { i = text.index(after: i) }
            let name = String(text[start..<i])
            var probe = i
            while probe < text.endIndex, text[probe].isWhitespace { probe = text.index(after: probe) }
            if probe < text.endIndex, text[probe] == "=" {
                i = text.index(after: probe)
                skipSpace()
                if i < text.endIndex, text[i] == "\"" || text[i] == "'" {
                    let q = text[i]
                    i = text.index(after: i)
                    while i < text.endIndex, text[i] != q { i = text.index(after: i) }
                    if i < text.endIndex { i = text.index(after: i) }
                } else {
                    while i < text.endIndex, !text[i].isWhitespace { i = text.index(after: i) }
                }
            }
            if !name.isEmpty { result.append(Attribute(name: name, raw: String(text[start..<i]))) }
        }
        return result
    }

    /// `text` without its `<link … hreflang=…>` tags (and the lines they leave empty).
    static func removingHreflangLinks(_ text: String) -> String {
        var text = text
        var from = text.startIndex
        while let tag = findStartTag("link", in: text, from: from, outside: commentRanges(text)) {
            guard parseAttributes(String(text[tag.attributes])).contains(where: { $0.name.lowercased() == "hreflang" }) else {
                from = tag.end
                continue
            }
            var range = tag.start..<tag.end
            // Take the whole line when the tag is alone on it.
            let lineStart = text[..<range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            if let lineEnd = text[range.upperBound...].firstIndex(of: "\n"),
               text[lineStart..<range.lowerBound].allSatisfy({ $0 == " " || $0 == "\t" }),
               text[range.upperBound..<lineEnd].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                range = lineStart..<text.index(after: lineEnd)
            }
            let offset = text.distance(from: text.startIndex, to: range.lowerBound)
            text.removeSubrange(range)
            from = text.index(text.startIndex, offsetBy: offset)
        }
        return text
    }
}
