/// Where inline content lives and is numbered together: a `<unit>` (its segments' and ignorables'
/// sources and targets) or an `<mtc:match>` (its own source and target).
///
/// Ids, `sc`/`ec` and `sm`/`em` pairs and `dataRef`s resolve within one scope, so rules on them
/// are written once and run over both.
struct InlineScope {
    enum Side: String { case source, target }

    let owner: XMLElementRef
    /// `segment` and `ignorable` children (units only).
    let parts: [XMLElementRef]
    let sources: [XMLElementRef]
    let targets: [XMLElementRef]
    /// The `data` elements of the owner's `originalData`.
    let data: [XMLElementRef]
    private let sourceInline: [XMLElementRef]
    private let targetInline: [XMLElementRef]

    init(owner: XMLElementRef, parts: [XMLElementRef], sources: [XMLElementRef], targets: [XMLElementRef], data: [XMLElementRef]) {
        self.owner = owner
        self.parts = parts
        self.sources = sources
        self.targets = targets
        self.data = data
        sourceInline = sources.flatMap { $0.descendants.filter(\.isInline) }
        targetInline = targets.flatMap { $0.descendants.filter(\.isInline) }
    }

    var isUnit: Bool { owner.isCore("unit") }

    func contents(_ side: Side) -> [XMLElementRef] { side == .source ? sources : targets }

    /// Inline elements of one side, in document order across all its contents.
    func inline(_ side: Side) -> [XMLElementRef] { side == .source ? sourceInline : targetInline }

    static func unit(_ unit: XMLElementRef) -> InlineScope {
        let parts = unit.children.filter { $0.isCore("segment") || $0.isCore("ignorable") }
        return InlineScope(
            owner: unit, parts: parts,
            sources: parts.flatMap { $0.coreChildren("source") },
            targets: parts.flatMap { $0.coreChildren("target") },
            data: unit.coreChildren("originalData").flatMap { $0.coreChildren("data") })
    }

    static func match(_ match: XMLElementRef) -> InlineScope {
        InlineScope(
            owner: match, parts: [],
            sources: match.coreChildren("source"),
            targets: match.coreChildren("target"),
            data: match.coreChildren("originalData").flatMap { $0.coreChildren("data") })
    }

    /// Every unit and every translation candidate of the document.
    static func all(in elements: [XMLElementRef]) -> [InlineScope] {
        elements.compactMap { element in
            if element.isCore("unit") { return unit(element) }
            if element.isElement("match", in: XLIFFNamespace.matches) { return match(element) }
            return nil
        }
    }
}
