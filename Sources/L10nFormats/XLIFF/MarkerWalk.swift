import L10nCore

/// The annotations met so far on one side (sources or targets) of an XLIFF 2 unit, walked in
/// document order across its parts: the `<sm>`s still waiting for their `<em>`, each gathering
/// the content met since, and the spans found complete (an `<mrk>`, or an `<sm>` at its `<em>`).
struct MarkerWalk {
    /// A restricted annotation: its id, restriction, the part it starts in, and what it holds.
    struct Span {
        var id: String
        var limits: SizeLimits
        var part: Int
        var content: Content
    }

    /// Every annotation counts, restricted or not: a target's markers repeat the source's ids,
    /// not necessarily their restrictions.
    let unrestricted: Bool
    private(set) var pending: [(span: Span, builder: XLIFFContentBuilder)] = []
    var found: [Span] = []

    init(unrestricted: Bool) {
        self.unrestricted = unrestricted
    }

    var isOpen: Bool { !pending.isEmpty }

    /// The restriction an annotation is measured under, nil when it is not measured.
    func limits(_ stated: SizeLimits?) -> SizeLimits? {
        stated ?? (unrestricted ? SizeLimits() : nil)
    }

    mutating func open(_ id: String, limits: SizeLimits, part: Int) {
        pending.append((Span(id: id, limits: limits, part: part, content: Content()), XLIFFContentBuilder()))
    }

    /// The `<em startRef>`: the span it ends is found. An `<em>` with no open `<sm>` ends nothing.
    mutating func close(_ id: String) {
        guard let k = pending.firstIndex(where: { $0.span.id == id }) else { return }
        var (span, builder) = pending.remove(at: k)
        span.content = builder.finish()
        found.append(span)
    }

    mutating func appendToOpen(_ code: InlineCode) {
        for k in pending.indices { pending[k].builder.append(code) }
    }

    mutating func appendToOpen(_ add: (inout XLIFFContentBuilder) throws -> Void) rethrows {
        for k in pending.indices { try add(&pending[k].builder) }
    }
}
