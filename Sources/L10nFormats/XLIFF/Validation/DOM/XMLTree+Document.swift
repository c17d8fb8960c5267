import L10nXML

extension XMLTree {
    /// A copy of a parsed libxml2 document (see ``XMLTreeDocument/walk(_:)``).
    init(_ document: XMLTreeDocument) {
        self.init()
        var parents: [Int] = []
        document.walk { node in
            switch node {
            case .element(let name, let namespace, let attributes, let line):
                let index = append(Node(
                    kind: .element, name: name, namespace: namespace,
                    attributes: attributes.map { Attribute(namespace: $0.namespace, name: $0.name, value: $0.value) },
                    text: "", line: line, parent: parents.last, children: []))
                parents.append(index)
            case .end:
                _ = parents.popLast()
            case .text(let text, let line):
                _ = append(Node(kind: .text, name: "", namespace: nil, attributes: [], text: text, line: line, parent: parents.last, children: []))
            case .other(let line):
                _ = append(Node(kind: .other, name: "", namespace: nil, attributes: [], text: "", line: line, parent: parents.last, children: []))
            }
        }
    }
}
