import L10nAdapt
import L10nCore
import L10nFormats

/// What a localization run should make besides adapting and translating: which outputs, in
/// which XLIFF version, with which adaptation choices.
public struct LocalizationOptions: Sendable {
    /// The outputs a run can make.
    public enum Output: String, Sendable, CaseIterable, Hashable {
        /// The localized document in its own format.
        case document
        case xliff
        /// A localized HTML fragment to paste into a CMS.
        case htmlFragment = "html-fragment"
    }

    public var outputs: Set<Output>
    public var xliffVersion: XLIFFVersion
    /// Keep the original units after converted ones: "15,8 m (52 ft)".
    public var keepOriginalUnits: Bool
    /// Product categories for certification advice; empty = inferred from the copy.
    public var categories: Set<String>
    /// Keep raw HTML from Markdown in the HTML fragment (off: cmark-gfm's safe mode).
    public var allowRawHTML: Bool
    /// Exchange rates: with them, USD prices are converted into the market's currency.
    public var rates: ExchangeRates?
    /// Memory matches below this quality (percent) are not used as targets.
    public var minimumMatchQuality: Int
    /// In the XLIFF, segments nobody translated get a copy of their source with state `initial`
    /// (1.2: `needs-translation`), for CAT tools that only translate existing targets (OmegaT).
    public var prefillTargets: Bool

    public init(outputs: Set<Output> = [.document, .xliff], xliffVersion: XLIFFVersion = .v2_1, keepOriginalUnits: Bool = false,
                categories: Set<String> = [], allowRawHTML: Bool = false, rates: ExchangeRates? = nil, minimumMatchQuality: Int = 100, prefillTargets: Bool = false) {
        self.outputs = outputs
        self.xliffVersion = xliffVersion
        self.keepOriginalUnits = keepOriginalUnits
        self.categories = categories
        self.allowRawHTML = allowRawHTML
        self.rates = rates
        self.minimumMatchQuality = minimumMatchQuality
        self.prefillTargets = prefillTargets
    }
}
