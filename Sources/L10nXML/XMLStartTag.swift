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

/// The attributes of an ``XMLStartTag``, a view of libxml2's SAX2 attribute table.
public struct XMLAttributes: RandomAccessCollection {
    let table: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    public let count: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(i: Int) -> XMLAttribute {
        let a = table! + i * 5  // localname, prefix, URI, value, end
        return XMLAttribute(localName: a[0]!, prefix: a[1], namespaceURI: a[2],
                            value: UnsafeBufferPointer(start: a[3], count: a[3].map { a[4]! - $0 } ?? 0))
    }

    /// The value of the unprefixed attribute `name` (no namespace), decoded.
    public subscript(_ name: String) -> String? {
        for a in self where a.namespaceURI == nil && a.nameEquals(name) { return a.stringValue }
        return nil
    }
}

/// One attribute of an ``XMLStartTag``; pointers valid only during the event.
public struct XMLAttribute {
    public let localName: UnsafePointer<UInt8>
    public let prefix: UnsafePointer<UInt8>?
    public let namespaceURI: UnsafePointer<UInt8>?
    /// The raw value libxml2 hands SAX2 without entity substitution: references are resolved,
    /// except that `&` (from `&amp;` or `&#38;`) comes as the text `&#38;`. Use ``stringValue``.
    public let value: UnsafeBufferPointer<UInt8>

    public var name: String { String(cString: localName) }
    public var namespace: String? { namespaceURI.map { String(cString: $0) } }

    /// The attribute's value, with libxml2's `&#38;` turned back into `&`.
    public var stringValue: String { Self.decode(value) }

    func nameEquals(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { n in
            var i = 0
            while i < n.count { if localName[i] != n[i] { return false }; i += 1 }
            return localName[i] == 0
        }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let amp: [UInt8] = Array("&#38;".utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), i + amp.count <= bytes.count, bytes[i..<i + amp.count].elementsEqual(amp) {
                out.append(UInt8(ascii: "&"))
                i += amp.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
