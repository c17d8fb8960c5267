/// The one set of rules every XML entry point (XLIFF readers, the XLIFF validator, the SRX loader,
/// and the TMX/TBX readers to come) parses untrusted input under.
///
/// What is never negotiable, and so is not a property: no network (`XML_PARSE_NONET`), no DTD
/// loading (`XML_PARSE_DTDLOAD`/`DTDATTR`/`DTDVALID` are never set and the external subset is
/// never read), no entity substitution (`XML_PARSE_NOENT` is never set), no entity declarations
/// (an `<!ENTITY …>` — general or parameter, internal or external — stops the parse), no reference
/// to an entity only a DTD could declare, no XInclude, and no `XML_PARSE_HUGE`. Those close XXE,
/// entity-expansion bombs (billion laughs, quadratic blowup) and SSRF through DTD URLs.
///
/// What varies by format are the limits below, plain values with defaults sized for real XLIFF
/// (the skeleton base64 inside it included), and whether a DOCTYPE may appear at all.
public struct XMLPolicy: Hashable, Sendable {
    /// What a `<!DOCTYPE …>` may do.
    public enum Doctype: Hashable, Sendable {
        /// Any DOCTYPE is refused: formats that have no DTD (SRX) have no reason to carry one.
        case forbidden
        /// A DOCTYPE may name the root and an external DTD (TMX files and old XLIFF do), which is
        /// never loaded; its internal subset must not declare entities.
        case allowedWithoutEntities
    }

    /// libxml2's own nesting limit without `XML_PARSE_HUGE`, which this policy never sets.
    public static let libxml2MaxDepth = 256

    public var doctype: Doctype
    /// The largest document accepted, in bytes (default 512 MiB).
    public var maxDocumentBytes: Int
    /// The deepest element nesting accepted (default and maximum ``libxml2MaxDepth``): readers
    /// and validation rules walk elements recursively.
    public var maxDepth: Int
    /// The longest attribute value accepted, in bytes after parsing (default 1 MiB).
    public var maxAttributeValueBytes: Int
    /// The longest run of character data between two pieces of markup (tags, comments, PIs), in
    /// bytes (default 10,000,000: libxml2's own limit for a text node, which the XLIFF skeleton
    /// writer already splits under).
    public var maxTextRunBytes: Int

    public init(doctype: Doctype = .allowedWithoutEntities,
                maxDocumentBytes: Int = 512 << 20,
                maxDepth: Int = XMLPolicy.libxml2MaxDepth,
                maxAttributeValueBytes: Int = 1 << 20,
                maxTextRunBytes: Int = 10_000_000) {
        self.doctype = doctype
        // libxml2 takes the length as an Int32.
        self.maxDocumentBytes = min(maxDocumentBytes, Int(Int32.max) - 1)
        self.maxDepth = min(maxDepth, Self.libxml2MaxDepth)
        self.maxAttributeValueBytes = maxAttributeValueBytes
        self.maxTextRunBytes = maxTextRunBytes
    }

    /// XLIFF and other formats that may carry a (never loaded) DOCTYPE.
    public static let standard = XMLPolicy()

    /// The defaults, but no DOCTYPE at all (SRX).
    public static let noDoctype = XMLPolicy(doctype: .forbidden)
}
