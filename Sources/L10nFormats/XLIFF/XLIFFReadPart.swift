import L10nCore

/// One `<segment>`/`<ignorable>` (or 1.2 mrk / inter-mrk run) as read, before it becomes a
/// ``Segment``.
struct XLIFFReadPart {
    var id: String?
    var isIgnorable: Bool
    var source: Content
    /// nil: no `<target>` element at all.
    var target: Content?
    var state: SegmentState?
    /// Where the target came from, when the file says (2.x `subState`, 1.2 `state-qualifier`).
    var provenance: Provenance?
    /// 2.x `<target order>`: the position the target takes among the unit's parts.
    var order: Int?

    /// The parts as consistent segments: ids filled in and unique, empty targets dropped unless a
    /// state says the empty translation is deliberate, and reordered targets collapsed into one
    /// segment (merge then writes the unit from that segment).
    static func segments(_ parts: [XLIFFReadPart]) -> [Segment] {
        // Made on the first missing id only: most files give every part its id.
        lazy var used = Set(parts.compactMap(\.id))
        var nextS = 0, nextI = 0
        func fresh(_ ignorable: Bool) -> String {
            while true {
                let id: String
                if ignorable { nextI += 1; id = "i\(nextI)" } else { nextS += 1; id = "s\(nextS)" }
                if used.insert(id).inserted { return id }
            }
        }
        // The parts read in place by index: mapped, each part was copied into the closure.
        var segments: [Segment] = []
        segments.reserveCapacity(parts.count)
        for k in parts.indices {
            var target = parts[k].target
            if let t = target, t.isEmpty, ![.translated, .reviewed, .final].contains(parts[k].state) { target = nil }
            // A prefilled copy of the source nobody touched is no translation: merge copies the
            // original bytes for it (see `Segment.isTranslated`).
            if let t = target, parts[k].state == .initial, !parts[k].isIgnorable, t == parts[k].source { target = nil }
            segments.append(Segment(id: parts[k].id ?? fresh(parts[k].isIgnorable), source: parts[k].source, target: target,
                                    state: parts[k].state, isIgnorable: parts[k].isIgnorable, provenance: target == nil ? nil : parts[k].provenance))
        }
        let reordered = parts.enumerated().contains { i, p in p.order.map { $0 != i + 1 } ?? false }
        guard reordered, segments.count > 1 else { return segments }
        var slots: [(position: Int, content: Content)] = []
        for (i, part) in parts.enumerated() {
            slots.append((part.order ?? i + 1, segments[i].effectiveTarget))
        }
        slots.sort { $0.position < $1.position }
        let states = segments.filter { !$0.isIgnorable }.compactMap(\.state)
        let least = states.min { $0.rank < $1.rank }
        let source = Content(segments.flatMap(\.source.runs))
        segments = [Segment(id: segments.first { !$0.isIgnorable }?.id ?? "s1", source: source,
                            target: Content(slots.flatMap(\.content.runs)), state: least)]
        return segments
    }
}
