/// A piece of markup or a protected span inside segment text.
///
/// Translators and MT engines never see the markup itself, only a placeholder; the original
/// bytes travel in `data` (and in the skeleton) so that merge puts them back unchanged.
/// Paired codes (`open`/`close`) share an `id`, as XLIFF 2's `<sc>`/`<ec>` and `<pc>` do.
public struct InlineCode: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Opening half of a pair (`**`, `<a href="…">`).
        case open
        /// Closing half of a pair (`**`, `</a>`).
        case close
        /// A code that stands alone (`<br>`, `<img>`, a protected URL or model number).
        case standalone
    }

    /// The XLIFF 2 `type` values (core specification, 4.3.1.38).
    public enum CodeType: String, Hashable, Sendable, Codable {
        case fmt, ui, quote, link, image, other
    }

    public var kind: Kind
    /// Unique within its unit; both halves of a pair share it.
    public var id: String
    /// The original bytes of the markup, exactly as in the source document.
    public var data: String
    public var type: CodeType?
    /// A `prefix:value` refinement of `type`, e.g. `xlf:b`, `l10n:url`, `l10n:sku`.
    public var subType: String?
    /// A short label a CAT tool can show instead of the raw data (`<b>`, `**`, `XP-2000B`).
    public var display: String?
    /// The plain-text equivalent (a protected span's own text, `"\n"` for a line break).
    public var equiv: String?
    /// The other half of this pair is not in the same unit.
    public var isolated: Bool
    /// Whether a translator may delete this code. Protected spans may not.
    public var canDelete: Bool

    public init(
        kind: Kind, id: String, data: String, type: CodeType? = nil, subType: String? = nil,
        display: String? = nil, equiv: String? = nil, isolated: Bool = false, canDelete: Bool = true
    ) {
        self.kind = kind
        self.id = id
        self.data = data
        self.type = type
        self.subType = subType
        self.display = display
        self.equiv = equiv
        self.isolated = isolated
        self.canDelete = canDelete
    }

    /// True for codes that protect a non-translatable span of text (URL, e-mail, SKU, code).
    public var isProtectedText: Bool { kind == .standalone && equiv != nil && subType?.hasPrefix("l10n:") == true }
}
