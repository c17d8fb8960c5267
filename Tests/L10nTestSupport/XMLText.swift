import Foundation

/// Small text helpers for tests that look into XLIFF a foreign tool wrote, as text.
public enum XMLText {
    /// `&`, `<` and `>` escaped for element content.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Every `<name …>…</name>` element, joined.
    public static func elements(_ name: String, in xml: String) -> String {
        var result = ""
        var rest = Substring(xml)
        while let start = rest.range(of: "<\(name)"), let end = rest[start.upperBound...].range(of: "</\(name)>") {
            result += rest[start.lowerBound..<end.upperBound]
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// How many times `needle` occurs in `text`.
    public static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// `page.md` → `page.<language>.xlf` and `page.<language>.md`, as `l10n` names its outputs.
    public static func localizedNames(_ page: String, language: String) -> (xliff: String, document: String) {
        let url = URL(fileURLWithPath: page)
        let stem = url.deletingPathExtension().lastPathComponent
        return ("\(stem).\(language).xlf", "\(stem).\(language).\(url.pathExtension)")
    }
}
