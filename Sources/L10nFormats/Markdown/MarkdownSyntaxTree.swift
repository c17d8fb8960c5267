import CCmarkGFM
import Foundation

/// One node of cmark-gfm's tree, copied into Swift values so the rest of the filter never holds
/// C pointers (the C tree is freed as soon as it is copied).
struct MarkdownNode: Sendable {
    enum Kind: Sendable, Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case table, tableRow, tableCell
        case text, softBreak, lineBreak, code, htmlInline, emph, strong, strikethrough, link, image
        case other(String)
    }

    var kind: Kind
    /// 1-based line and byte column, as cmark reports them with `CMARK_OPT_SOURCEPOS` (0 when unknown).
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
    /// Text of text, code, HTML nodes: cmark's decoded view, not the raw bytes.
    var literal: [UInt8]
    var headingLevel: Int
    var children: [MarkdownNode]
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

    static func parse(_ bytes: [UInt8]) throws -> MarkdownNode {
        cmarkLock.lock()
        defer { cmarkLock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else {
            return MarkdownNode(kind: .document, startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, literal: [], headingLevel: 0, children: [])
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            return MarkdownNode(kind: .document, startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, literal: [], headingLevel: 0, children: [])
        }
        defer { cmark_node_free(root) }
        return try copy(root, depth: 0)
    }

    private static func copy(_ node: OpaquePointer, depth: Int) throws -> MarkdownNode {
        guard depth < maximumDepth else { throw TooDeep(line: Int(cmark_node_get_start_line(node))) }
        let kind = kind(of: node)
        var literal: [UInt8] = []
        switch kind {
        case .text, .code, .htmlInline:
            if let c = cmark_node_get_literal(node) {
                literal = Array(UnsafeBufferPointer(start: UnsafeRawPointer(c).assumingMemoryBound(to: UInt8.self), count: strlen(c)))
            }
        default: break
        }
        var children: [MarkdownNode] = []
        var count = 0
        var child = cmark_node_first_child(node)
        while let c = child { count += 1; child = cmark_node_next(c) }
        children.reserveCapacity(count)
        child = cmark_node_first_child(node)
        while let c = child {
            children.append(try copy(c, depth: depth + 1))
            child = cmark_node_next(c)
        }
        return MarkdownNode(
            kind: kind,
            startLine: Int(cmark_node_get_start_line(node)), startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)),
            literal: literal, headingLevel: kind == .heading ? Int(cmark_node_get_heading_level(node)) : 0,
            children: children)
    }

    /// Core node types by their enum value (no string per node); extension types by name.
    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
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
        default: return kind(of: cmark_node_get_type_string(node).map { String(cString: $0) } ?? "")
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
        default: .other(typeName)
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
