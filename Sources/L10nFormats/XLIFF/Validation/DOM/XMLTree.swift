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
    }

    var nodes: [Node] = []
    var rootIndex: Int?

    var root: XMLElementRef? { rootIndex.map { XMLElementRef(tree: self, index: $0) } }

    /// Appends a node under `parent` and returns its index.
    mutating func append(_ node: Node) -> Int {
        let index = nodes.count
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

    private var node: XMLTree.Node { tree.nodes[index] }

    var name: String { node.name }
    var namespace: String? { node.namespace }
    var line: Int { node.line }
    var attributes: [XMLTree.Attribute] { node.attributes }

    /// The value of the attribute `name` in no namespace.
    subscript(_ name: String) -> String? {
        node.attributes.first { $0.namespace == nil && $0.name == name }?.value
    }

    /// The value of the attribute `name` in `namespace`.
    func attribute(_ name: String, in namespace: String) -> String? {
        node.attributes.first { $0.namespace == namespace && $0.name == name }?.value
    }

    func has(_ name: String) -> Bool { self[name] != nil }

    var parent: XMLElementRef? {
        guard let p = node.parent, tree.nodes[p].kind == .element else { return nil }
        return XMLElementRef(tree: tree, index: p)
    }

    /// Element children, in document order.
    var children: [XMLElementRef] {
        node.children.compactMap { tree.nodes[$0].kind == .element ? XMLElementRef(tree: tree, index: $0) : nil }
    }

    /// True when the element has any child node at all (elements, text, comments), as XPath's `node()`.
    var hasChildNodes: Bool { !node.children.isEmpty }

    /// Element descendants, in document order (not including self).
    var descendants: [XMLElementRef] {
        var out: [XMLElementRef] = []
        var stack = Array(node.children.reversed())
        while let i = stack.popLast() {
            let n = tree.nodes[i]
            guard n.kind == .element else { continue }
            out.append(XMLElementRef(tree: tree, index: i))
            stack.append(contentsOf: n.children.reversed())
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
            let n = tree.nodes[i]
            if n.kind == .text { s += n.text }
            stack.append(contentsOf: n.children.reversed())
        }
        return s
    }

    /// The nearest value of an inherited attribute (`xml:lang`, `xml:space`) on self or an ancestor.
    func inherited(_ name: String, in namespace: String) -> String? {
        if let v = attribute(name, in: namespace) { return v }
        return parent?.inherited(name, in: namespace)
    }
}
