/// How the HTML filter treats an element, decided by its (lower-case) name.
///
/// The split follows what a translator needs, not the HTML content model: anything that may sit
/// inside a sentence is `inline` (its tags become inline codes), anything that starts a new
/// block of text is `block` (its tags stay in the skeleton and its text forms new units).
enum HTMLElementRole: Sendable {
    /// Starts a new unit: `p`, `li`, `td`, `h1`… Text directly inside it is one unit per run.
    case block
    /// Phrasing markup that becomes a pair of inline codes: `a`, `strong`, `span`… Unknown
    /// element names (custom elements) are inline too, since most of them wrap phrases.
    case inline
    /// An inline element without content: `br`, `img`, `input`, `wbr`. One standalone code.
    case void
    /// Inline markup whose text is code, not prose (`code`, `kbd`, `samp`, `var`): one protected
    /// standalone code inside a unit; not translated at block level.
    case literal
    /// Content that is not text for people (`script`, `style`, `template`, `textarea`, `svg`,
    /// `math`): never entered. Inside a unit it is one protected code.
    case raw
    /// Preformatted blocks (`pre`, `xmp`, `listing`, `plaintext`): whitespace is meaningful and
    /// they usually hold code, so they are left untouched (their attributes still count).
    case preformatted
    /// `label` and `button`: an inline code inside a sentence, a unit of their own when they
    /// stand alone (a form label, a button caption).
    case flexible

    static func of(_ name: String) -> HTMLElementRole {
        table[name] ?? .inline
    }

    /// Whether an element with this role ends the current run of inline content when it is a
    /// direct child of a block.
    var isBlockLevel: Bool { self == .block || self == .preformatted }

    private static let table: [String: HTMLElementRole] = {
        var t: [String: HTMLElementRole] = [:]
        for n in [
            "#root", "html", "head", "body", "title", "meta", "link", "base", "address", "article", "aside",
            "blockquote", "center", "details", "dialog", "dd", "dir", "div", "dl", "dt", "fieldset", "figcaption",
            "figure", "footer", "form", "frameset", "frame", "noframes", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "search", "section", "table",
            "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "colgroup", "col", "ul", "summary", "legend",
            "option", "optgroup", "select", "datalist", "iframe", "object", "embed", "video", "audio", "source",
            "track", "canvas", "noscript", "map", "area", "param", "isindex", "basefont", "bgsound", "keygen",
        ] { t[n] = .block }
        for n in ["br", "img", "input", "wbr", "image"] { t[n] = .void }
        for n in ["code", "kbd", "samp", "var"] { t[n] = .literal }
        for n in ["script", "style", "template", "textarea", "svg", "math", "noembed"] { t[n] = .raw }
        for n in ["pre", "xmp", "listing", "plaintext"] { t[n] = .preformatted }
        for n in ["label", "button"] { t[n] = .flexible }
        return t
    }()
}
