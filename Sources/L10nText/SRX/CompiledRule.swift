/// One SRX rule compiled into the three ICU patterns evaluation needs.
///
/// These are templates: they are only ever cloned (``SRXEvaluator`` keeps clones per caller),
/// never matched directly, so sharing them across threads is safe.
final class CompiledRule: @unchecked Sendable {
    // @unchecked: the ICURegex templates are never used for matching, only cloned; ICU
    // documents cloning a compiled pattern as the way to use it from several threads.

    /// Which pattern failed to compile, with ICU's reason.
    struct Failure: Error {
        var part: String
        var pattern: String
        var error: ICURegex.CompileError
    }

    let isBreak: Bool
    /// `(?:before)\z`, searched in a region ending at the position: "before matches text that
    /// ends here". Nil when the rule has no beforebreak (always matches).
    let before: ICURegex?
    /// The before pattern can anchor to the start of the text, so it is searched from offset 0
    /// rather than from a window just before the position.
    let beforeAnchorsAtStart: Bool
    /// The afterbreak pattern, matched as a prefix of the text from the position. Nil when empty.
    let after: ICURegex?
    /// `(?=after)(?<=before)`, when ICU can bound the before pattern's length (abbreviation
    /// rules nearly always can): one anchored match at the position answers both halves, far
    /// cheaper than searching a window for `before`. The afterbreak goes first because it
    /// usually fails on its first character. Nil when the lookbehind form is not
    /// accepted; then `before` and `after` are used.
    let combined: ICURegex?
    /// For break rules: `(?:before)(?=after)`, scanned over the whole text to propose break
    /// positions ICU did not. Nil for no-break rules and for rules with both patterns empty.
    let scan: ICURegex?

    init(_ rule: SRXDocument.Rule) throws(Failure) {
        isBreak = rule.isBreak
        let b = JavaRegexTranslator.translate(rule.beforeBreak)
        let a = JavaRegexTranslator.translate(rule.afterBreak)
        func compile(_ pattern: String, _ part: String, _ original: String) throws(Failure) -> ICURegex {
            do { return try ICURegex(pattern: pattern) } catch { throw Failure(part: part, pattern: original, error: error) }
        }
        // Compile the parts alone first, so an error points at the pattern the author wrote.
        if !b.pattern.isEmpty { _ = try compile(b.pattern, "beforebreak", rule.beforeBreak) }
        before = b.pattern.isEmpty ? nil : try compile("(?:\(b.pattern))\\z", "beforebreak", rule.beforeBreak)
        beforeAnchorsAtStart = b.anchorsAtStart
        after = a.pattern.isEmpty ? nil : try compile(a.pattern, "afterbreak", rule.afterBreak)
        combined = b.pattern.isEmpty ? nil
            : try? ICURegex(pattern: (a.pattern.isEmpty ? "" : "(?=\(a.pattern))") + "(?<=\(b.pattern))")
        if rule.isBreak, !(b.pattern.isEmpty && a.pattern.isEmpty) {
            let lookahead = a.pattern.isEmpty ? "" : "(?=\(a.pattern))"
            scan = try compile("(?:\(b.pattern))\(lookahead)", "beforebreak+afterbreak", rule.beforeBreak + rule.afterBreak)
        } else {
            scan = nil
        }
    }
}
