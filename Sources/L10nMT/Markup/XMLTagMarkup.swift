import Foundation
import L10nCore

/// Segment content as text with XML tags, for engines that keep tags in place (DeepL with
/// `tag_handling=xml`, Google and LibreTranslate with HTML): a pair of codes is `<g id="N">…</g>`
/// around the words it marks, so the engine moves it with them; a lone code (a line break, a
/// protected URL or model number, half of a pair split across segments) is `<x id="N"/>`, so its
/// text is never sent. N numbers the segment's codes; nothing of their data leaves the machine.
public enum XMLTagMarkup {
    public struct Encoded: Hashable, Sendable {
        public var text: String
        public var codes: [InlineCode]
    }

    public static func encode(_ content: Content) -> Encoded {
        let codes = content.codes
        let paired = nestedPairs(codes)
        var text = ""
        var index = 0
        for run in content.runs {
            switch run {
            case .text(let t):
                text += escape(t)
            case .code(let code):
                if paired.contains(index) {
                    text += code.kind == .open ? "<g id=\"\(index)\">" : "</g>"
                } else {
                    text += "<x id=\"\(index)\"/>"
                }
                index += 1
            }
        }
        return Encoded(text: text, codes: codes)
    }

    /// The content `text` stands for, its tags replaced by `codes` (as ``encode(_:)`` numbered
    /// them). A `</g>` closes the innermost open `<g>`. Tags the engine dropped, doubled or moved
    /// come back dropped, doubled or moved: the translate stage's guard judges them.
    public static func decode(_ text: String, codes: [InlineCode]) throws(DecodingError) -> Content {
        var runs: [Content.Run] = []
        var pending = ""
        var open: [Int] = []
        var i = text.startIndex
        func flush() {
            if !pending.isEmpty { runs.append(.text(pending)); pending = "" }
        }
        while i < text.endIndex {
            let c = text[i]
            if c == "<" {
                guard let end = text[i...].firstIndex(of: ">") else { throw .malformed("an unclosed tag") }
                let tag = String(text[text.index(after: i)..<end])
                i = text.index(after: end)
                flush()
                // HTML-minded engines (LibreTranslate) write `<x id="0"/>` as `<x id="0"></x>`.
                if tag == "/x" { continue }
                if tag == "/g" {
                    guard let n = open.popLast() else { throw .malformed("a closing tag without its opening") }
                    guard let close = partner(of: n, in: codes) else { throw .malformed("a closing tag for a code that has none") }
                    runs.append(.code(codes[close]))
                    continue
                }
                let selfClosing = tag.hasSuffix("/")
                let body = selfClosing ? String(tag.dropLast()) : tag
                let parts = body.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, parts[0] == "g" || parts[0] == "x", let n = number(in: parts[1]), codes.indices.contains(n) else {
                    throw .malformed("a tag that was not sent")
                }
                runs.append(.code(codes[n]))
                if parts[0] == "g", !selfClosing { open.append(n) }
                if parts[0] == "g", selfClosing, let close = partner(of: n, in: codes) { runs.append(.code(codes[close])) }
                continue
            }
            if c == "&" {
                guard let end = text[i...].firstIndex(of: ";"), text.distance(from: i, to: end) <= 10 else { throw .malformed("a stray ampersand") }
                let entity = String(text[text.index(after: i)..<end])
                guard let decoded = unescape(entity) else { throw .malformed("an unknown entity") }
                pending.append(decoded)
                i = text.index(after: end)
                continue
            }
            pending.append(c)
            i = text.index(after: i)
        }
        guard open.isEmpty else { throw .malformed("an opening tag never closed") }
        flush()
        return Content(runs)
    }

    public enum DecodingError: Error, Hashable, CustomStringConvertible {
        case malformed(String)
        public var description: String {
            switch self { case .malformed(let what): return "the engine's markup has \(what)" }
        }
    }

    /// Indexes of codes that form properly nested open/close pairs within the segment.
    static func nestedPairs(_ codes: [InlineCode]) -> Set<Int> {
        var result: Set<Int> = [], stack: [Int] = []
        var bad: Set<String> = []
        for (i, code) in codes.enumerated() {
            switch code.kind {
            case .open:
                stack.append(i)
            case .close:
                if let top = stack.last, codes[top].id == code.id {
                    stack.removeLast()
                    if !bad.contains(code.id) { result.insert(top); result.insert(i) }
                } else if let k = stack.lastIndex(where: { codes[$0].id == code.id }) {
                    // Crossed pairs: everything opened since is not a clean pair.
                    for j in stack[k...] { bad.insert(codes[j].id) }
                    stack.removeSubrange(k...)
                }
            case .standalone:
                break
            }
        }
        return result.filter { !bad.contains(codes[$0].id) }
    }

    static func partner(of open: Int, in codes: [InlineCode]) -> Int? {
        codes.indices.first { $0 > open && codes[$0].kind == .close && codes[$0].id == codes[open].id }
    }

    static func number(in attribute: Substring) -> Int? {
        let trimmed = attribute.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("id="), trimmed.count >= 5 else { return nil }
        let value = trimmed.dropFirst(3)
        guard let quote = value.first, quote == "\"" || quote == "'", value.last == quote else { return nil }
        return Int(value.dropFirst().dropLast())
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }

    static func unescape(_ entity: String) -> Character? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let scalar: UInt32?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") { scalar = UInt32(entity.dropFirst(2), radix: 16) }
            else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()) }
            else { scalar = nil }
            return scalar.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
