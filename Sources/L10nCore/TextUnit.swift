/// A translatable block of a document: a paragraph, heading, list item, table cell, attribute
/// value… It holds one or more segments, and the ignorables between them.
public struct TextUnit: Hashable, Sendable, Codable {
    /// Unique within its document (`u1`, `u2`…); stable for the same input.
    public var id: String
    /// What kind of block it is, as a `prefix:value` (`md:heading`, `html:p`, `html:attr-alt`).
    /// Merge uses it to pick the escaping that fits the place.
    public var type: String?
    /// Optional human label (`h2`, `img@alt`).
    public var name: String?
    public var segments: [Segment]
    public var notes: [Note]
    /// Glossary terms found in the source (``GlossEntry``), in order of appearance; empty unless
    /// a run was given glossaries.
    public var glossary: [GlossEntry]
    /// Translations offered for its segments but not applied (fuzzy memory matches), best first
    /// per segment; empty unless a run had a memory.
    public var candidates: [TranslationCandidate] = []
    /// The size restrictions on the unit's content as a whole (XLIFF `slr:sizeRestriction` and
    /// `slr:storageRestriction` on `<unit>`, 1.2 `maxwidth`/`maxbytes`); nil when it has none.
    /// They are measured under the document's ``Document/sizeProfiles``.
    public var sizeLimits: SizeLimits?
    /// Size restrictions on spans inside it (XLIFF 2 `slr:sizeRestriction`/`storageRestriction` on
    /// a `<pc>` or `<sc>`: a button label or a field within a sentence), by the id of the span's
    /// opening code; nil when it has none. Measured like ``sizeLimits``, on the span's content.
    public var inlineSizeLimits: [String: SizeLimits]?
    /// Size restrictions on annotations inside its segments (XLIFF 2 `<mrk>`, `<sm>`…`<em>`),
    /// with the marked text of source and target; nil when it has none.
    public var markerRestrictions: [MarkerRestriction]?
    /// False for a unit nobody translates but adaptation may rewrite: figures alone (a price, a
    /// date or a measurement in a table cell). XLIFF `translate="no"`, so CAT tools lock it;
    /// memory, machine translation and QA leave it alone, and merge writes its (adapted) source.
    public var translate: Bool = true
    /// Its place in a table (from the reader; not written to XLIFF): adaptation reads a column's
    /// header or a row's label as the unit of bare figures.
    public var cell: TableCell?

    /// The segments that carry text, ignorables left out.
    public var translatableSegments: [Segment] { segments.filter { !$0.isIgnorable } }

    /// The whole source of the unit, segments and ignorables joined.
    public var source: Content { Content(segments.flatMap(\.source.runs)) }

    /// What merge writes for the whole unit: each segment's target, or its source where it has
    /// none, ignorables included.
    public var effectiveTarget: Content { Content(segments.flatMap(\.effectiveTarget.runs)) }
}

extension TextUnit {
    // In an extension, delegating to the memberwise initializer (which the type then keeps, for
    // this module): an initializer assigning `self.…` field by field made every new unit twice,
    // a copy and a destroy (≈ 450 instructions a unit, Swift 6.3), where the memberwise one
    // builds it in place.
    public init(id: String, type: String? = nil, name: String? = nil, segments: [Segment], notes: [Note] = [], glossary: [GlossEntry] = []) {
        self.init(id: id, type: type, name: name, segments: segments, notes: notes, glossary: glossary,
                  sizeLimits: nil, inlineSizeLimits: nil, markerRestrictions: nil, cell: nil)
    }
}
