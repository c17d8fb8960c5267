/// XLIFF 2 vocabulary on top of the generic tree.
extension XMLElementRef {
    /// Names of the XLIFF 2 inline elements.
    static let inlineNames: Set<String> = ["cp", "ph", "pc", "sc", "ec", "mrk", "sm", "em"]
    /// Inline elements that stand for original codes (as opposed to annotations).
    static let codeNames: Set<String> = ["ph", "pc", "sc", "ec"]

    var isCore: Bool { isXLIFF2Core }

    /// True when this is the XLIFF 2 core element `name`.
    func isCore(_ name: String) -> Bool { isXLIFF2Core && self.name == name }

    func isCore(oneOf names: Set<String>) -> Bool { isXLIFF2Core && names.contains(self.name) }

    /// True when this is `name` in the module namespace `namespace`.
    func isElement(_ name: String, in namespace: String) -> Bool { self.name == name && self.namespace == namespace }

    var isInline: Bool { isCore(oneOf: Self.inlineNames) }
    var isCode: Bool { isCore(oneOf: Self.codeNames) }

    /// Core children named `name`.
    func coreChildren(_ name: String) -> [XMLElementRef] { children.filter { $0.isCore(name) } }

    func firstAncestor(where predicate: (XMLElementRef) -> Bool) -> XMLElementRef? {
        var current = parent
        while let c = current {
            if predicate(c) { return c }
            current = c.parent
        }
        return nil
    }

    var enclosingFile: XMLElementRef? { firstAncestor { $0.isCore("file") } }
    var enclosingUnit: XMLElementRef? { firstAncestor { $0.isCore("unit") } }

    /// The value of the `xml:lang` attribute.
    var xmlLang: String? { attribute("lang", in: XLIFFNamespace.xml) }

    /// The `yes`/`no` value of a flag attribute, or its default.
    func flag(_ name: String, default value: String = "yes") -> String { self[name] ?? value }

    /// A short label for messages: `<pc id="1">`.
    var label: String {
        if let id = self["id"] { return "<\(name) id=\"\(id)\">" }
        if let ref = self["startRef"] { return "<\(name) startRef=\"\(ref)\">" }
        return "<\(name)>"
    }
}
