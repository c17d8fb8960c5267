import L10nPipeline

/// What an MT engine that reorders words does to a segment, taken to the extreme: the order of
/// its words and inline codes reversed at every level, each well-formed code pair kept whole
/// (its content reversed inside it), so nesting stays valid — what a guard rail of "every code
/// once, properly nested" lets through. Codes whose partner is outside the segment stay where
/// they are, as barriers, since moving them could break nesting across segments; so do line
/// breaks, which an engine keeps on their lines.
enum Reordering {
    static func reversed(_ content: Content) -> Content {
        let runs = content.runs
        // Pairs within the segment: index of each open → index of its close.
        var closeOf: [Int: Int] = [:]
        var stack: [(id: String, index: Int)] = []
        for (i, run) in runs.enumerated() {
            guard case .code(let c) = run else { continue }
            if c.kind == .open { stack.append((c.id, i)) }
            if c.kind == .close, let k = stack.lastIndex(where: { $0.id == c.id }), k == stack.count - 1 {
                closeOf[stack[k].index] = i
                stack.removeLast()
            }
        }
        let paired = Set(closeOf.keys).union(closeOf.values)
        return Content(reverse(runs[...], closeOf: closeOf, paired: paired))
    }

    private static func reverse(_ runs: ArraySlice<Content.Run>, closeOf: [Int: Int], paired: Set<Int>) -> [Content.Run] {
        var out: [Content.Run] = []
        var chunk: [[Content.Run]] = []  // items since the last barrier
        func flush() {
            // Items reversed, one space between neighbours, none inside a pair's edges.
            for (k, item) in chunk.reversed().enumerated() {
                if k > 0 { out.append(.text(" ")) }
                out += item
            }
            chunk = []
        }
        var i = runs.startIndex
        while i < runs.endIndex {
            switch runs[i] {
            case .text(let t):
                chunk += t.split(separator: " ").map { [.text(String($0))] }
                i += 1
            case .code(let c) where c.kind == .open && closeOf[i] != nil:
                let close = closeOf[i]!
                let inner = reverse(runs[(i + 1)..<close], closeOf: closeOf, paired: paired)
                chunk.append([runs[i]] + inner + [runs[close]])
                i = close + 1
            case .code(let c) where c.kind == .standalone && c.subType != "xlf:lb":
                chunk.append([runs[i]])
                i += 1
            default:
                // An unpaired half or a line break: a barrier (an engine keeps lines as lines).
                flush()
                out.append(runs[i])
                i += 1
            }
        }
        flush()
        return out
    }
}

/// A backend that answers every segment with ``Reordering/reversed(_:)``.
struct ReorderingBackend: TranslationBackend {
    let descriptor = BackendDescriptor(id: "reorder", displayName: "Reordering", summary: "test double that reverses words and codes",
                                       languages: .any, limits: .unlimited, supportsInlineCodes: true)

    func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        batch.map { .translated(Reordering.reversed($0.source)) }
    }
}
