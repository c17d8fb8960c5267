import L10nCore

/// Every inline code of the source is in the target exactly once, and paired codes stay paired
/// and properly nested: a dropped `</a>` or a moved `<b>` breaks the page.
public struct CodeParityCheck: QACheck {
    public static let description = CheckDescription(
        id: "codes.parity", name: "Inline codes",
        summary: "The target has the source's inline codes (markup, protected URLs and model numbers), each once, properly nested.",
        rationale: "Merge writes the target's codes back as the original markup; a missing, duplicated or mis-nested code is broken HTML or Markdown on the live page, and a lost protected span is a lost URL or model number. Order may change (languages reorder), nesting may not.",
        defaultSeverity: .error,
        passing: [
            CheckExample("Read the {b}care guide{/b} first.", "Lesen Sie zuerst die {b}Pflegeanleitung{/b}."),
            CheckExample("{b}Fast{/b} charging{x}now", "Jetzt{x}{b}schnell{/b} laden"),
            CheckExample("See {url} for details.", "Details: {url}"),
            CheckExample("end of bold{/b} and more.", "Ende von fett{/b} und mehr."),
        ],
        failing: [
            CheckExample("Read the {b}care guide{/b} first.", "Lesen Sie zuerst die Pflegeanleitung.⟦⟦"),
            CheckExample("See {url} for details.", "Details siehe Website.⟦"),
            CheckExample("Line{x}break", "Zeilen{x}um{x}bruch⟦"),
            CheckExample("A {b}bold{/b} word", "Ein {/b}fettes{b} Wort⟦"),
        ])

    public init() {}

    public func check(_ pair: SegmentPair, context: CheckContext) -> [QAIssue] {
        // Runs read in place: copying every code out of its box into arrays (`Content.codes`)
        // cost more than the check; the arrays are made only for a target that differs.
        pair.source.runs.withUnsafeBufferPointer { source in
            pair.target.runs.withUnsafeBufferPointer { target in
                // Most segments carry no code on either side: nothing to count or nest.
                guard source.contains(where: Self.isCode) || target.contains(where: Self.isCode) else { return [] }
                // The same codes in the same order (most targets): the counts agree, only nesting is left.
                if !Self.sameCodes(source, target) {
                    let issues = Self.countIssues(source: pair.source.codes, target: pair.target.codes)
                    guard issues.isEmpty else { return issues }
                }
                return Self.nestingIssues(source: source, target: target)
            }
        }
    }

    private static func isCode(_ run: Content.Run) -> Bool { if case .code = run { return true } else { return false } }

    /// Whether both have the same codes (by kind and id) in the same order.
    private static func sameCodes(_ source: UnsafeBufferPointer<Content.Run>, _ target: UnsafeBufferPointer<Content.Run>) -> Bool {
        var i = 0, j = 0
        while true {
            while i < source.count, !isCode(source[i]) { i += 1 }
            while j < target.count, !isCode(target[j]) { j += 1 }
            guard i < source.count, j < target.count else { return i == source.count && j == target.count }
            guard case .code(let s) = source[i], case .code(let t) = target[j], s.kind == t.kind, s.id == t.id else { return false }
            i += 1
            j += 1
        }
    }

    /// Nesting: every close after its open, pairs not crossing — for the pairs whose both
    /// halves are in the source segment (a sentence may end inside a pair that spans the
    /// paragraph). Whether the source has both halves of an id is searched in its runs (a
    /// segment holds a handful of codes), or in a set when it has many.
    private static func nestingIssues(source: UnsafeBufferPointer<Content.Run>, target: UnsafeBufferPointer<Content.Run>) -> [QAIssue] {
        func ids(_ kind: InlineCode.Kind) -> [String] {
            source.compactMap { if case .code(let c) = $0, c.kind == kind { return c.id } else { return nil } }
        }
        func inSource(_ kind: InlineCode.Kind, _ id: String) -> Bool {
            source.contains { if case .code(let c) = $0 { return c.kind == kind && c.id == id } else { return false } }
        }
        guard source.contains(where: { if case .code(let c) = $0 { return c.kind == .open } else { return false } }) else { return [] }
        let whole: Set<String>? = source.count > 32 ? Set(ids(.open)).intersection(ids(.close)) : nil
        var open: [String] = []
        for run in target {
            guard case .code(let c) = run, !c.isolated, c.kind != .standalone,
                  whole?.contains(c.id) ?? (inSource(.open, c.id) && inSource(.close, c.id)) else { continue }
            if c.kind == .open {
                open.append(c.id)
            } else {
                guard open.last == c.id else { return [QAIssue("\(Self.name(c)) closes out of order")] }
                open.removeLast()
            }
        }
        return []
    }

    /// Codes (by kind and id) the target lacks, has more often, or has and the source does not.
    private static func countIssues(source: [InlineCode], target: [InlineCode]) -> [QAIssue] {
        func key(_ c: InlineCode) -> String { "\(c.kind.rawValue) \(c.id)" }
        var expected: [String: (code: InlineCode, count: Int)] = [:]
        for c in source { expected[key(c), default: (c, 0)].count += 1 }
        var found: [String: Int] = [:]
        for c in target { found[key(c), default: 0] += 1 }
        var issues: [QAIssue] = []
        for (k, e) in expected.sorted(by: { $0.key < $1.key }) {
            let n = found[k] ?? 0
            if n < e.count { issues.append(QAIssue("the target lacks \(Self.name(e.code))")) }
            if n > e.count { issues.append(QAIssue("the target has \(Self.name(e.code)) \(n) times")) }
        }
        for (k, n) in found.sorted(by: { $0.key < $1.key }) where expected[k] == nil {
            issues.append(QAIssue("the target has a code the source does not (\(k), \(n)×)"))
        }
        return issues
    }

    /// How a finding names the code: its half of a pair, and what it stands for when known
    /// (another tool's XLIFF may say nothing of a code but its id).
    static func name(_ c: InlineCode) -> String {
        if c.isProtectedText, let e = c.equiv { return "the protected \"\(e)\"" }
        let half = c.kind == .open ? "the start of code" : c.kind == .close ? "the end of code" : "code"
        let shown = c.display ?? c.data
        return shown.isEmpty ? "\(half) \(c.id)" : "\(half) \(c.id) (\(shown))"
    }
}
