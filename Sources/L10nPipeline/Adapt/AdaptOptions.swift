import L10nAdapt
import L10nCore
import L10nFormats

/// What `adapt` should do besides adapting: translate how, write what.
public struct AdaptOptions: Sendable {
    /// `none` leaves targets empty; `pseudo` pseudo-localizes (offline, deterministic).
    public enum Backend: String, Sendable, CaseIterable { case none, pseudo }

    /// The outputs `--format` can pick.
    public enum Output: String, Sendable, CaseIterable, Hashable {
        /// The localized document in its own format.
        case document
        case xliff
        /// A localized HTML fragment to paste into a CMS.
        case htmlFragment = "html-fragment"
    }

    public var backend: Backend
    public var outputs: Set<Output>
    public var xliffVersion: XLIFFVersion
    public var keepOriginalUnits: Bool
    /// Product categories for certification advice; empty = inferred from the copy.
    public var categories: Set<String>
    /// Keep raw HTML from Markdown in the HTML fragment (off: cmark-gfm's safe mode).
    public var allowRawHTML: Bool
    /// Exchange rates: with them, USD prices are converted into the market's currency.
    public var rates: ExchangeRates?

    public init(backend: Backend = .none, outputs: Set<Output> = [.document, .xliff], xliffVersion: XLIFFVersion = .v2_1,
                keepOriginalUnits: Bool = false, categories: Set<String> = [], allowRawHTML: Bool = false, rates: ExchangeRates? = nil) {
        self.rates = rates
        self.backend = backend
        self.outputs = outputs
        self.xliffVersion = xliffVersion
        self.keepOriginalUnits = keepOriginalUnits
        self.categories = categories
        self.allowRawHTML = allowRawHTML
    }
}
