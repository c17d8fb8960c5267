/// One attribute of an ``XMLStartTag``; pointers valid only during the event.
public struct XMLAttribute {
    public let localName: UnsafePointer<UInt8>
    public let prefix: UnsafePointer<UInt8>?
    public let namespaceURI: UnsafePointer<UInt8>?
    /// The raw value libxml2 hands SAX2 without entity substitution: references are resolved,
    /// except that `&` (from `&amp;` or `&#38;`) comes as the text `&#38;`. Use ``stringValue``.
    public let value: UnsafeBufferPointer<UInt8>

    @usableFromInline
    init(localName: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?, namespaceURI: UnsafePointer<UInt8>?, value: UnsafeBufferPointer<UInt8>) {
        self.localName = localName
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self.value = value
    }

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
