import Foundation
import L10nCore

/// Reads Markdown (CommonMark plus GitHub's tables, strikethrough, autolinks and task lists, as
/// cmark-gfm parses them) into translatable units with byte-exact ranges.
///
/// Units: paragraphs (`md:paragraph`, or `md:list-item` / `md:blockquote` when directly inside
/// one), headings (`md:heading`), table cells (`md:table-cell`) and selected front-matter values
/// (`md:front-matter`, `-dq`, `-sq`). Code blocks, HTML blocks, thematic breaks, link reference
/// definitions and task-list markers stay in the skeleton. Inline markup becomes inline codes;
/// link text, link titles and image alt text stay translatable text.
///
/// ```swift
/// let filter = MarkdownFilter()
/// let drafts = try filter.read(data, text: text, file: "README.md")
/// let document = try DocumentBuilder().build(original: "README.md", format: MarkdownFilter.formatID,
///                                            bytes: data, sourceLanguage: "en", drafts: drafts)
/// ```
public struct MarkdownFilter: DocumentFilter {
    public static let formatID = "markdown"
    public static let fileExtensions = ["md", "markdown", "mdown", "mkd"]

    /// Front-matter keys (top level, compared lower-cased) whose single-line values are translated.
    public var frontMatterKeys: Set<String>

    public static let defaultFrontMatterKeys: Set<String> = [
        "title", "subtitle", "description", "summary", "excerpt", "abstract", "caption", "alt",
        "label", "tagline", "teaser", "linktitle", "seo_title", "seo_description",
    ]

    public init(frontMatterKeys: Set<String> = MarkdownFilter.defaultFrontMatterKeys) {
        self.frontMatterKeys = Set(frontMatterKeys.map { $0.lowercased() })
    }

    public var escaper: any TextEscaping { MarkdownEscaper() }

    public func read(_ bytes: Data, text: String, file: String) throws -> [UnitDraft] {
        let raw = [UInt8](bytes)
        let bom = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var drafts: [UnitDraft] = []

        // Front matter is hidden from cmark by blanking it (line endings kept, so lines still count).
        var parserInput = Array(raw[bom...])
        if let frontMatter = MarkdownFrontMatter.find(in: raw, start: bom, keys: frontMatterKeys) {
            drafts += frontMatter.drafts
            for i in frontMatter.range where raw[i] != 0x0A && raw[i] != 0x0D { parserInput[i - bom] = 0x20 }
        }

        let tree: MarkdownTree
        do {
            tree = try MarkdownSyntaxTree.parse(parserInput)
        } catch let error as MarkdownSyntaxTree.TooDeep {
            throw FormatError(.unsupported, "the document nests blocks or inlines more than \(MarkdownSyntaxTree.maximumDepth) levels deep",
                              at: SourceLocation(file: file, line: error.line))
        }
        var reader = Reader(source: MarkdownSource(bytes: raw, start: bom), tree: tree, file: file)
        try reader.blocks(tree.children(of: tree.root), containers: [], parent: .document)
        // The front matter's drafts put in front of the reader's, which are handed on as they are:
        // `drafts += reader.drafts` copied every draft (the reader's array still held them).
        reader.drafts.insert(contentsOf: drafts, at: 0)
        return reader.drafts
    }
}

extension MarkdownFilter {
    /// Walks the block tree and turns each leaf block with inline content into a unit draft.
    private struct Reader {
        let source: MarkdownSource
        let tree: MarkdownTree
        let file: String
        var drafts: [UnitDraft] = []
        /// Tables seen so far: the next one's number.
        var tables = 0
        var entities = MarkdownEntityDecoder()
        /// The subject of the block being aligned, its storage reused from block to block.
        var subject = MarkdownSubject()

        init(source: MarkdownSource, tree: MarkdownTree, file: String) {
            self.source = source
            self.tree = tree
            self.file = file
        }

        mutating func blocks(_ nodes: ArraySlice<MarkdownNode>, containers: [MarkdownSource.Container], parent: MarkdownNode.Kind) throws {
            for node in nodes {
                switch node.kind {
                case .paragraph:
                    let type = switch parent {
                    case .item: "md:list-item"
                    case .blockQuote: "md:blockquote"
                    default: "md:paragraph"
                    }
                    try paragraphLike(node, lastLine: endLine(node), containers: containers, type: type, name: nil)
                case .heading:
                    try heading(node, containers: containers)
                case .table:
                    try table(node)
                case .blockQuote:
                    try blocks(tree.children(of: node), containers: containers + [.blockQuote], parent: .blockQuote)
                case .item:
                    guard let column = source.itemContentColumn(line: node.startLine, column: node.startColumn) else {
                        throw error("cannot find the list marker", line: node.startLine)
                    }
                    try blocks(tree.children(of: node), containers: containers + [.item(contentColumn: column)], parent: .item)
                case .list, .document:
                    try blocks(tree.children(of: node), containers: containers, parent: node.kind)
                default:
                    // Code blocks, HTML blocks, thematic breaks: skeleton.
                    continue
                }
            }
        }

        private func error(_ message: String, line: Int) -> FormatError {
            FormatError(.malformed, message, at: SourceLocation(file: file, line: max(line, 1)))
        }

        /// The last line of a block; cmark reports some ends as column 0 of the next line.
        private func endLine(_ node: MarkdownNode) -> Int {
            let line = node.endColumn == 0 ? node.endLine - 1 : node.endLine
            return min(max(line, node.startLine), source.lineCount)
        }

        private mutating func heading(_ node: MarkdownNode, containers: [MarkdownSource.Container]) throws {
            let name = "h\(node.headingLevel)"
            if !isATXHeading(node) {
                // Setext: the content lines, up to the underline. cmark-gfm 0.29 sometimes reports
                // the end of the *next* block as the heading's end, so the underline is looked for.
                var line = node.startLine + 1
                while line <= source.lineCount, !isSetextUnderline(line: line, containers: containers) { line += 1 }
                guard line <= source.lineCount else { throw error("cannot find the underline of a setext heading", line: node.startLine) }
                try paragraphLike(node, lastLine: line - 1, containers: containers, type: "md:heading", name: name)
                return
            }
            guard !node.children.isEmpty else { return }
            guard let marker = source.offset(line: node.startLine, column: node.startColumn),
                  let lineEnd = source.lineEnd(node.startLine) else {
                throw error("cannot place the heading", line: node.startLine)
            }
            let b = source.bytes
            var start = marker
            while start < lineEnd, b[start] == UInt8(ascii: "#") { start += 1 }
            while start < lineEnd, MarkdownSource.isSpaceOrTab(b[start]) { start += 1 }
            // cmark's chop_trailing_hashtags: a closing run of `#` preceded by a blank goes.
            var end = lineEnd
            while end > start, b[end - 1].isMarkdownSpace { end -= 1 }
            var k = end
            while k > marker, b[k - 1] == UInt8(ascii: "#") { k -= 1 }
            if k < end, k > marker, MarkdownSource.isSpaceOrTab(b[k - 1]) {
                end = k
                while end > start, b[end - 1].isMarkdownSpace { end -= 1 }
            }
            subject.reset(capacity: max(0, end - start))
            if start < end { subject.append(b, start..<end) }
            subject.finish()
            if subject.count == 0 { subject.raw = [start] }
            try emit(node, subject: subject, type: "md:heading", name: name)
        }

        private func isATXHeading(_ node: MarkdownNode) -> Bool {
            guard let marker = source.offset(line: node.startLine, column: node.startColumn), let end = source.lineEnd(node.startLine) else { return false }
            var k = marker
            while k < end, source.bytes[k] == UInt8(ascii: "#") { k += 1 }
            return k > marker && k - marker <= 6 && (k == end || MarkdownSource.isSpaceOrTab(source.bytes[k]))
        }

        private func isSetextUnderline(line: Int, containers: [MarkdownSource.Container]) -> Bool {
            guard let start = source.continuationStart(line: line, containers: containers), let end = source.lineEnd(line), start < end else { return false }
            let c = source.bytes[start]
            guard c == UInt8(ascii: "=") || c == UInt8(ascii: "-") else { return false }
            var k = start
            while k < end, source.bytes[k] == c { k += 1 }
            while k < end, MarkdownSource.isSpaceOrTab(source.bytes[k]) { k += 1 }
            return k == end
        }

        /// Paragraphs and setext headings. cmark 0.29 keeps a paragraph's start line even when
        /// link reference definitions at its top were taken out, so later first lines are tried
        /// until the inlines align.
        private mutating func paragraphLike(_ node: MarkdownNode, lastLine: Int, containers: [MarkdownSource.Container],
                                            type: String, name: String?) throws {
            guard !node.children.isEmpty else { return }
            guard lastLine >= node.startLine, let firstStart = source.offset(line: node.startLine, column: node.startColumn) else {
                throw error("cannot place the \(type.dropFirst(3))", line: node.startLine)
            }
            var firstFailure: MarkdownInlineAligner.Failure?
            for first in node.startLine...lastLine {
                let start = first == node.startLine ? firstStart : source.continuationStart(line: first, containers: containers)
                guard let start, MarkdownSubject.lines(source, first: first, last: lastLine, firstStart: start, containers: containers, into: &subject) else { continue }
                do {
                    let (pieces, subflows) = try MarkdownInlineAligner.align(node, in: tree, subject: subject, source: source.bytes, entities: &entities)
                    if !pieces.isEmpty { drafts.append(UnitDraft(type: type, name: name, pieces: pieces, subflows: subflows)) }
                    return
                } catch let failure as MarkdownInlineAligner.Failure {
                    if firstFailure == nil { firstFailure = failure }
                }
            }
            let offset = firstFailure?.offset ?? firstStart
            throw FormatError(.malformed, "cannot align the \(type.dropFirst(3)) with its source (\(firstFailure?.message ?? "no content"))",
                              at: SourceLocation.at(byteOffset: offset, in: source.bytes, file: file))
        }

        private mutating func table(_ node: MarkdownNode) throws {
            let number = tables
            tables += 1
            for (r, row) in tree.children(of: node).enumerated() where row.kind == .tableRow {
                for (c, cell) in tree.children(of: row).enumerated() where cell.kind == .tableCell && !cell.children.isEmpty {
                    guard cell.startLine == cell.endLine,
                          let start = source.offset(line: cell.startLine, column: cell.startColumn),
                          let end = source.offset(line: cell.endLine, column: cell.endColumn),
                          let lineEnd = source.lineEnd(cell.startLine), start <= end else {
                        throw error("cannot place a table cell", line: cell.startLine)
                    }
                    MarkdownSubject.tableCell(source, range: start..<min(end + 1, lineEnd), into: &subject)
                    // GFM tables have one header row and no spans: rows and columns are certain.
                    try emit(cell, subject: subject, type: "md:table-cell", name: r == 0 ? "th" : "td",
                             cell: TableCell(table: number, row: r, column: c, isHeader: r == 0))
                }
            }
        }

        private mutating func emit(_ node: MarkdownNode, subject: MarkdownSubject, type: String, name: String?, cell: TableCell? = nil) throws {
            do {
                let (pieces, subflows) = try MarkdownInlineAligner.align(node, in: tree, subject: subject, source: source.bytes, entities: &entities)
                guard !pieces.isEmpty else { return }
                // Appended, then completed in place: a local draft was copied into the array.
                drafts.append(UnitDraft(type: type, name: name, pieces: pieces, subflows: subflows))
                drafts[drafts.count - 1].cell = cell
            } catch let failure as MarkdownInlineAligner.Failure {
                throw FormatError(.malformed, "cannot align the \(type.dropFirst(3)) with its source (\(failure.message))",
                                  at: SourceLocation.at(byteOffset: failure.offset, in: source.bytes, file: file))
            }
        }
    }
}
