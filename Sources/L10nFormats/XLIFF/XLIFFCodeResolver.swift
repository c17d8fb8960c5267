import L10nCore

/// Turns a code element read from XLIFF into an ``InlineCode``. Codes are identified by id and
/// kind: when the skeleton knows the code, the skeleton's code wins (the translator's file only
/// has to keep the ids), else it is built from the element's attributes and `<originalData>`.
struct XLIFFCodeResolver {
    struct Attributes {
        var dataRef: String?
        var copyOf: String?
        var type: String?
        var subType: String?
        var display: String?
        var equiv: String?
        var isolated = false
        var canDelete = true
        /// Native data written inside the element (1.2 `<ph>`, `<bpt>`, `<ept>`, `<it>`).
        var inlineData: String?

        /// `InlineCode.CodeType(rawValue:)` as a plain switch (the synthesized initializer
        /// searches a table of strings, ~1,000 instructions a call, once per code written).
        static func codeType(_ s: String) -> InlineCode.CodeType? {
            switch s {
            case "fmt": return .fmt
            case "ui": return .ui
            case "quote": return .quote
            case "link": return .link
            case "image": return .image
            case "other": return .other
            default: return nil
            }
        }

        /// The code these attributes describe, with `data`.
        func code(_ kind: InlineCode.Kind, id: String, data: String) -> InlineCode {
            InlineCode(
                kind: kind, id: id, data: data, type: type.flatMap(Self.codeType), subType: subType,
                display: display, equiv: equiv, isolated: isolated, canDelete: canDelete)
        }
    }

    /// The skeleton's codes, first of each (kind, id): searched in order when few (most units
    /// have a handful), by dictionary when many.
    private var codes: [InlineCode] = []
    private var known: [SkeletonCodec.CodeKey: InlineCode]?
    /// `<originalData>` by id: a unit has a few entries, searched without hashing.
    private var data: SmallMap<String, String>
    private static let dictionaryThreshold = 12

    init(span: Skeleton.UnitSpan?, data: SmallMap<String, String> = SmallMap()) {
        self.data = data
        guard let span, !span.codes.isEmpty else { return }
        if span.codes.count <= Self.dictionaryThreshold {
            codes = span.codes
        } else {
            var known: [SkeletonCodec.CodeKey: InlineCode] = [:]
            for code in span.codes {
                let key = SkeletonCodec.CodeKey(code.kind, code.id)
                if known[key] == nil { known[key] = code }
            }
            self.known = known
        }
    }

    private func lookup(_ kind: InlineCode.Kind, _ id: String) -> InlineCode? {
        if let known { return known[SkeletonCodec.CodeKey(kind, id)] }
        return codes.first { $0.kind == kind && $0.id == id }
    }

    func code(_ kind: InlineCode.Kind, id: String, _ a: Attributes) -> InlineCode {
        code(kind, id: id) { a }
    }

    /// `attributes` are only read when the skeleton does not know the code.
    func code(_ kind: InlineCode.Kind, id: String, _ attributes: () -> Attributes) -> InlineCode {
        if let code = lookup(kind, id) { return code }
        let a = attributes()
        if let base = a.copyOf, var code = lookup(kind, base) {
            // A copy the translator made (`copyOf`): same data, its own id.
            code.id = id
            return code
        }
        return a.code(kind, id: id, data: a.dataRef.flatMap { data[$0] } ?? a.inlineData ?? "")
    }
}
