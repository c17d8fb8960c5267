/// The attributes of an ``XMLStartTag``, a view of libxml2's SAX2 attribute table.
/// Read inlined into the reader's start-tag event (a call per attribute cost more than the read).
public struct XMLAttributes: RandomAccessCollection {
    @usableFromInline let table: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    public let count: Int

    init(table: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int) {
        self.table = table
        self.count = count
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(i: Int) -> XMLAttribute {
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
