/// How a format writes translated text back: what must be escaped depends on the format and on
/// the place (`html:attr-alt` needs `"` escaped, a Markdown table cell needs `|`).
public protocol TextEscaping: Sendable {
    func escape(_ text: String, unitType: String?) -> String
}
