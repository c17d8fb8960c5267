import CCmarkGFM
import Foundation

/// One node of cmark-gfm's tree, copied into a plain value of a ``MarkdownTree`` so the rest of
/// the filter never holds C pointers (the C tree is freed as soon as it is copied).
///
/// A node owns nothing: its literal and its children are ranges into the tree's two arrays, so
/// copying a page's tree costs two allocations, not two per node.
struct MarkdownNode: Sendable {
    enum Kind: Sendable, Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case table, tableRow, tableCell
        case text, softBreak, lineBreak, code, htmlInline, emph, strong, strikethrough, link, image
        /// A type this filter does not know; its name is ``MarkdownTree/otherNames``[index].
        case other(Int)
    }

    var kind: Kind
    /// 1-based line and byte column, as cmark reports them with `CMARK_OPT_SOURCEPOS` (0 when unknown).
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
    /// Text of text, code, HTML nodes (cmark's decoded view, not the raw bytes): a range of
    /// ``MarkdownTree/literals``.
    var literal: Range<Int>
    var headingLevel: Int
    /// The node's children: a range of ``MarkdownTree/nodes`` (breadth-first order keeps the
    /// children of a node next to each other).
    var children: Range<Int>
}

/// A cmark-gfm tree as two flat arrays: nodes in breadth-first order, and the bytes of their
/// literals.
struct MarkdownTree: Sendable {
    private(set) var nodes: [MarkdownNode]
    private(set) var literals: [UInt8]
    /// Names of the node types ``MarkdownNode/Kind/other(_:)`` refers to.
    private(set) var otherNames: [String]

    init(nodes: [MarkdownNode], literals: [UInt8], otherNames: [String]) {
        self.nodes = nodes
        self.literals = literals
        self.otherNames = otherNames
    }

    /// A tree with an empty document.
    static let empty = MarkdownTree(
        nodes: [MarkdownNode(kind: .document, startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, literal: 0..<0, headingLevel: 0, children: 1..<1)],
        literals: [], otherNames: [])

    var root: MarkdownNode { nodes[0] }

    func children(of node: MarkdownNode) -> ArraySlice<MarkdownNode> { nodes[node.children] }

    func literal(of node: MarkdownNode) -> ArraySlice<UInt8> { literals[node.literal] }

    /// The kind as a name for messages (`other` kinds by their cmark type name).
    func name(of kind: MarkdownNode.Kind) -> String {
        if case .other(let index) = kind { return otherNames[index] }
        return "\(kind)"
    }
}

/// Parses Markdown with cmark-gfm (tables, strikethrough, autolinks, task lists) into a
/// ``MarkdownNode`` tree with source positions.
enum MarkdownSyntaxTree {
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Deeper trees are refused: the filter walks them recursively and must not exhaust the stack.
    static let maximumDepth = 300

    struct TooDeep: Error { var line: Int }

    /// cmark-gfm is not re-entrant: while it parses inlines it adds the attached extensions'
    /// special characters (`~`, `:`, `w`, `@`…) to a process-wide table and removes them again
    /// (github/cmark-gfm#176), so two parses at once (`extract --jobs N`) can lose strikethrough
    /// or autolinks. Every use of cmark goes through this lock; parsing is a small part of the
    /// filter's time (the tree walk and alignment run outside it).
    static let cmarkLock = NSLock()

    static func parse(_ bytes: [UInt8]) throws -> MarkdownTree {
        cmarkLock.lock()
        defer { cmarkLock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()
        defer { CmarkNodeArena.reset() }  // runs after the tree and the parser are freed
        guard let parser = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, CmarkNodeArena.allocator) else { return .empty }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return .empty }
        defer { cmark_node_free(root) }
        return try copy(root)
    }

    /// The C tree breadth-first into flat arrays: each node's children are appended together
    /// when the node's turn comes, so they form one range.
    private static func copy(_ root: OpaquePointer) throws -> MarkdownTree {
        var nodes: [MarkdownNode] = []
        var literals: [UInt8] = []
        var otherNames: [String] = []
        var extensionKinds: [UInt32: MarkdownNode.Kind] = [:]  // extension types by their number, named once
        var pointers: [OpaquePointer] = []  // the C node of each node, same index
        var depths: [Int] = []
        // Sized once from a count of the C tree (a pointer walk): grown as they filled, the
        // arrays were copied a dozen times over for a long page.
        let count = nodeCount(root)
        nodes.reserveCapacity(count)
        pointers.reserveCapacity(count)
        depths.reserveCapacity(count)
        func append(_ node: OpaquePointer, depth: Int) throws {
            guard depth < maximumDepth else { throw TooDeep(line: Int(cmark_node_get_start_line(node))) }
            let kind = kind(of: node, extensionKinds: &extensionKinds, otherNames: &otherNames)
            var literal = literals.count..<literals.count
            switch kind {
            case .text, .code, .htmlInline:
                if let c = cmark_node_get_literal(node) {
                    literals.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(c).assumingMemoryBound(to: UInt8.self), count: strlen(c)))
                    literal = literal.lowerBound..<literals.count
                }
            default: break
            }
            nodes.append(MarkdownNode(
                kind: kind,
                startLine: Int(cmark_node_get_start_line(node)), startColumn: Int(cmark_node_get_start_column(node)),
                endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)),
                literal: literal, headingLevel: kind == .heading ? Int(cmark_node_get_heading_level(node)) : 0,
                children: 0..<0))
            pointers.append(node)
            depths.append(depth)
        }
        try append(root, depth: 0)
        var next = 0
        while next < nodes.count {
            let first = nodes.count
            var child = cmark_node_first_child(pointers[next])
            while let c = child {
                try append(c, depth: depths[next] + 1)
                child = cmark_node_next(c)
            }
            nodes[next].children = first..<nodes.count
            next += 1
        }
        return MarkdownTree(nodes: nodes, literals: literals, otherNames: otherNames)
    }

    /// How many nodes the C tree under `root` holds (`root` included), counted depth-first
    /// without recursion.
    private static func nodeCount(_ root: OpaquePointer) -> Int {
        var count = 1
        var node = root
        while true {
            if let child = cmark_node_first_child(node) {
                node = child
                count += 1
                continue
            }
            // Up until a node with a next sibling, stopping at the root.
            while node != root {
                if let next = cmark_node_next(node) {
                    node = next
                    count += 1
                    break
                }
                guard let parent = cmark_node_parent(node) else { return count }
                node = parent
            }
            if node == root { return count }
        }
    }

    /// Core node types by their enum value (no string per node); extension types by name.
    private static func kind(of node: OpaquePointer, extensionKinds: inout [UInt32: MarkdownNode.Kind],
                             otherNames: inout [String]) -> MarkdownNode.Kind {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_EMPH: return .emph
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item  // also a task-list item ("tasklist" is an item with an extension)
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_IMAGE: return .image
        default:
            if let known = extensionKinds[type.rawValue] { return known }
            let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
            var kind = kind(of: name)
            if case .other = kind {
                otherNames.append(name)
                kind = .other(otherNames.count - 1)
            }
            extensionKinds[type.rawValue] = kind
            return kind
        }
    }

    private static func kind(of typeName: String) -> MarkdownNode.Kind {
        switch typeName {
        case "document": .document
        case "block_quote": .blockQuote
        case "list": .list
        case "item", "tasklist": .item
        case "code_block": .codeBlock
        case "html_block": .htmlBlock
        case "paragraph": .paragraph
        case "heading": .heading
        case "thematic_break": .thematicBreak
        case "table": .table
        case "table_header", "table_row": .tableRow
        case "table_cell": .tableCell
        case "text": .text
        case "softbreak": .softBreak
        case "linebreak": .lineBreak
        case "code": .code
        case "html_inline": .htmlInline
        case "emph": .emph
        case "strong": .strong
        case "strikethrough": .strikethrough
        case "link": .link
        case "image": .image
        default: .other(-1)  // numbered by the caller
        }
    }

    /// cmark's HTML for `bytes` (raw HTML kept), for tests that compare rendered structure.
    static func html(_ bytes: [UInt8]) -> String {
        cmarkLock.lock()
        defer { cmarkLock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_UNSAFE) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(root) }
        guard let html = cmark_render_html(root, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
