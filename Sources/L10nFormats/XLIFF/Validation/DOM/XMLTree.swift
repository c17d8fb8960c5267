/// A read-only, `Sendable` copy of a parsed XML document: elements, text and line numbers.
///
/// The validator's rules work on this instead of libxml2 nodes, so they stay pure Swift, free of
/// pointers, and testable. Nodes live in one array and refer to each other by index.
struct XMLTree: Sendable {
    struct Attribute: Sendable, Hashable {
        var namespace: String?
        var name: String
        var value: String
    }

    enum Kind: Sendable { case element, text, other }

    struct Node: Sendable {
        var kind: Kind
        /// Local name for elements; empty otherwise.
        var name: String
        var namespace: String?
        var attributes: [Attribute]
        /// Character data for text (and CDATA) nodes.
        var text: String
        /// 1-based line where the node starts.
        var line: Int
        var parent: Int?
        var children: [Int]
        /// True for elements in an XLIFF 2 core namespace; computed once, as rules ask constantly.
        var isXLIFF2Core: Bool = false
    }

    var nodes: [Node] = []
    var rootIndex: Int?

    var root: XMLElementRef? { rootIndex.map { XMLElementRef(tree: self, index: $0) } }

    /// Appends a node under `parent` and returns its index.
    mutating func append(_ node: Node) -> Int {
        let index = nodes.count
        var node = node
        node.isXLIFF2Core = node.kind == .element && node.namespace.map(XLIFFNamespace.core2.contains) == true
        nodes.append(node)
        if let parent = node.parent { nodes[parent].children.append(index) } else if node.kind == .element { rootIndex = index }
        return index
    }
}

/// An element of an ``XMLTree``: a cheap handle (the tree's storage is shared copy-on-write).
struct XMLElementRef: Sendable, Hashable {
    let tree: XMLTree
    let index: Int

    static func == (a: XMLElementRef, b: XMLElementRef) -> Bool { a.index == b.index }
    func hash(into hasher: inout Hasher) { hasher.combine(index) }

    // Accessors read the stored node in place rather than copying it: rules call them constantly.
    var name: String { tree.nodes[index].name }
    var namespace: String? { tree.nodes[index].namespace }
    var line: Int { tree.nodes[index].line }
    var attributes: [XMLTree.Attribute] { tree.nodes[index].attributes }
    var isXLIFF2Core: Bool { tree.nodes[index].isXLIFF2Core }

    /// The value of the attribute `name` in no namespace.
    subscript(_ name: String) -> String? {
        tree.nodes[index].attributes.first { $0.namespace == nil && $0.name == name }?.value
    }

    /// The value of the attribute `name` in `namespace`.
    func attribute(_ name: String, in namespace: String) -> String? {
        tree.nodes[index].attributes.first { $0.namespace == namespace && $0.name == name }?.value
    }

    func has(_ name: String) -> Bool { self[name] != nil }

    var parent: XMLElementRef? {
        guard let p = tree.nodes[index].parent, tree.nodes[p].kind == .element else { return nil }
        return XMLElementRef(tree: tree, index: p)
    }

    /// Element children, in document order.
    var children: [XMLElementRef] {
        tree.nodes[index].children.compactMap { tree.nodes[$0].kind == .element ? XMLElementRef(tree: tree, index: $0) : nil }
    }

    /// True when the element has any child node at all (elements, text, comments), as XPath's `node()`.
    var hasChildNodes: Bool { !tree.nodes[index].children.isEmpty }

    /// Element descendants, in document order (not including self).
    var descendants: [XMLElementRef] {
        var out: [XMLElementRef] = []
        var stack = Array(tree.nodes[index].children.reversed())
        while let i = stack.popLast() {
            guard tree.nodes[i].kind == .element else { continue }
            out.append(XMLElementRef(tree: tree, index: i))
            stack.append(contentsOf: tree.nodes[i].children.reversed())
        }
        return out
    }

    /// Ancestors from the parent upward.
    var ancestors: [XMLElementRef] {
        var out: [XMLElementRef] = []
        var current = parent
        while let c = current { out.append(c); current = c.parent }
        return out
    }

    /// All character data below the element, concatenated.
    var textContent: String {
        var s = ""
        var stack = [index]
        while let i = stack.popLast() {
            if tree.nodes[i].kind == .text { s += tree.nodes[i].text }
            stack.append(contentsOf: tree.nodes[i].children.reversed())
        }
        return s
    }

    /// The nearest value of an inherited attribute (`xml:lang`, `xml:space`) on self or an ancestor.
    func inherited(_ name: String, in namespace: String) -> String? {
        if let v = attribute(name, in: namespace) { return v }
        return parent?.inherited(name, in: namespace)
    }
}
