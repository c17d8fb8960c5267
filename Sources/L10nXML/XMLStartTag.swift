/// A start tag as libxml2 reports it: pointers into the parser's memory, valid only during
/// ``XMLEventHandler/startElement(_:)``, so reading one costs no allocation.
public struct XMLStartTag {
    /// NUL-terminated local name, interned by libxml2 for the parse.
    public let localName: UnsafePointer<UInt8>
    /// NUL-terminated prefix, if the name has one.
    public let prefix: UnsafePointer<UInt8>?
    /// NUL-terminated namespace URI, interned by libxml2 for the parse; nil for no namespace.
    public let namespaceURI: UnsafePointer<UInt8>?
    /// 1-based line of the tag's end (libxml2 has read the tag when it reports it).
    public let line: Int
    /// 1-based depth: the root is at 1.
    public let depth: Int
    public let attributes: XMLAttributes

    public var name: String { String(cString: localName) }
    public var namespace: String? { namespaceURI.map { String(cString: $0) } }
}
