import CLibXML2

/// The HTML 4 named character references libxml2's HTML parser knows, so that decoding text from
/// the bytes agrees with what the parser saw.
public enum HTMLEntities {
    /// The character `&name;` stands for, or nil when libxml2 does not know the name.
    public static func scalar(named name: String) -> Unicode.Scalar? {
        name.withCString { cName in
            cName.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { htmlEntityLookup($0) }
        }.flatMap { Unicode.Scalar($0.pointee.value) }
    }
}
