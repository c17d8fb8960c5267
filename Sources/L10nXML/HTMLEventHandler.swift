/// Receives the events of ``HTMLSAXDriver``, each with how far libxml2's forgiving HTML parser
/// has read (`position`, a byte offset into the input; nil when libxml2 does not say). libxml2's
/// HTML DOM has no byte offsets, so a reader that needs exact byte ranges (the HTML filter)
/// matches these events against the raw bytes itself.
///
/// Pointers are libxml2's and valid only during the call; names of parsed tags are interned per
/// parse (names libxml2 implies — `html`, `body`, `p` — may be C literals instead).
public protocol HTMLEventHandler: AnyObject {
    /// `attributes`: NULL-terminated name/value pairs, or nil. Return false to stop the parse.
    func startElement(_ name: UnsafePointer<UInt8>, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, position: Int?) -> Bool
    func endElement(_ name: UnsafePointer<UInt8>, position: Int?)
    /// Character data (text, whitespace, CDATA) ending at `position`.
    func characters(position: Int?)
    /// A comment (`<!`), doctype (`<!`) or processing instruction (`<?`) ending at `position`.
    func markup(opener: (UInt8, UInt8), position: Int?)
}
