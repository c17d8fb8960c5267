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
        // Most segments carry no code on either side: nothing to count or nest.
        func isCode(_ run: Content.Run) -> Bool { if case .code = run { return true } else { return false } }
        guard pair.source.runs.contains(where: isCode) || pair.target.runs.contains(where: isCode) else { return [] }
        let sourceCodes = pair.source.codes
        let targetCodes = pair.target.codes
        // The same codes in the same order (most targets): the counts agree, only nesting is left.
        if !sourceCodes.elementsEqual(targetCodes, by: { $0.kind == $1.kind && $0.id == $1.id }) {
            let issues = Self.countIssues(source: sourceCodes, target: targetCodes)
            guard issues.isEmpty else { return issues }
        }
        // Nesting: every close after its open, pairs not crossing — for the pairs whose both
        // halves are in this segment (a sentence may end inside a pair that spans the paragraph).
        guard sourceCodes.contains(where: { $0.kind == .open }) else { return [] }
        let whole = Set(sourceCodes.filter { $0.kind == .open }.map(\.id)).intersection(sourceCodes.filter { $0.kind == .close }.map(\.id))
        var open: [String] = []
        for c in targetCodes where !c.isolated && whole.contains(c.id) {
            switch c.kind {
            case .open: open.append(c.id)
            case .close:
                guard open.last == c.id else { return [QAIssue("\(Self.name(c)) closes out of order")] }
                open.removeLast()
            case .standalone: break
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

    static func name(_ c: InlineCode) -> String {
        if c.isProtectedText, let e = c.equiv { return "the protected \"\(e)\"" }
        return "code \(c.id) (\(c.display ?? c.data))"
    }
}
