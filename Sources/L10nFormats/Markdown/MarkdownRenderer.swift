import CCmarkGFM
import Foundation

/// Renders Markdown to HTML with cmark-gfm and GitHub's extensions, for the `html-fragment`
/// output of `adapt`.
public enum MarkdownRenderer {
    /// HTML for `markdown`. Without `allowRawHTML`, cmark-gfm's safe mode replaces raw HTML and
    /// dangerous URLs (`javascript:`) with comments/empty links: a fragment pasted into a CMS must
    /// not smuggle script in.
    public static func html(_ markdown: String, allowRawHTML: Bool = false) -> String {
        // cmark-gfm is not re-entrant (see MarkdownSyntaxTree.cmarkLock).
        MarkdownSyntaxTree.cmarkLock.lock()
        defer { MarkdownSyntaxTree.cmarkLock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_FOOTNOTES
        options |= allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_SAFE
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist", "tagfilter"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
