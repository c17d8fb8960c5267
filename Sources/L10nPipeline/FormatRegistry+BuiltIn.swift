import L10nFormats

extension FormatRegistry {
    /// Markdown and HTML.
    public static let builtIn = FormatRegistry([MarkdownFilter(), HTMLFilter()])
}
