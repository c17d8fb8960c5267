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
    /// ends here". Nil when the rule has no beforebreak (always matches), and in a segmenter's
    /// rules when ``combined`` stands for it.
    let before: ICURegex?
    /// The before pattern can anchor to the start of the text, so it is searched from offset 0
    /// rather than from a window just before the position.
    let beforeAnchorsAtStart: Bool
    /// The afterbreak pattern, matched as a prefix of the text from the position. Nil when empty,
    /// and in a segmenter's rules when ``combined`` stands for it.
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
    /// The UTF-16 unit every match of the beforebreak pattern ends with, when the pattern fixes
    /// it (abbreviation rules end in `\.`): positions not preceded by it are skipped without
    /// asking ICU. Nil when any character may end a match.
    let beforeLastUnit: UInt16?
    /// A backwards check that rules out most positions without ICU, for word-list patterns.
    let precheck: BeforeBreakPrecheck?
    let compiledPrecheck: BeforeBreakPrecheck.Compiled?
    /// A unit every beforebreak match contains (`…` for the ellipsis rule): a text without it
    /// needs no matching for this rule at all.
    let requiredUnit: UInt16?

    /// `checkingParts`: compile each part as its author wrote it too, so an error names the
    /// pattern that is wrong, and every form whether evaluation needs it or not — what
    /// ``SRXDocument/validate()`` wants. A segmenter's rules come from validated documents (the
    /// built-in rules are validated by the tests), so it passes false and compiles only what
    /// evaluation clones: the combined form, or the before/after pair where ICU cannot bound
    /// the lookbehind, and the scan of break rules (a third of the compilations of a process
    /// start otherwise).
    init(_ rule: SRXDocument.Rule, checkingParts: Bool = true) throws(Failure) {
        isBreak = rule.isBreak
        let b = JavaRegexTranslator.translate(rule.beforeBreak)
        beforeLastUnit = Self.fixedLastUnit(b.pattern)
        precheck = b.pattern.isEmpty || b.anchorsAtStart ? nil : BeforeBreakPrecheck(pattern: b.pattern)
        compiledPrecheck = precheck.flatMap(BeforeBreakPrecheck.Compiled.init)
        requiredUnit = b.anchorsAtStart ? nil : BeforeBreakPrecheck.requiredUnit(b.pattern)
        let a = JavaRegexTranslator.translate(rule.afterBreak)
        func compile(_ pattern: String, _ part: String, _ original: String) throws(Failure) -> ICURegex {
            do { return try ICURegex(pattern: pattern) } catch { throw Failure(part: part, pattern: original, error: error) }
        }
        // Compile the parts alone first, so an error points at the pattern the author wrote.
        if checkingParts, !b.pattern.isEmpty { _ = try compile(b.pattern, "beforebreak", rule.beforeBreak) }
        combined = b.pattern.isEmpty ? nil
            : try? ICURegex(pattern: (a.pattern.isEmpty ? "" : "(?=\(a.pattern))") + "(?<=\(b.pattern))")
        beforeAnchorsAtStart = b.anchorsAtStart
        if checkingParts || combined == nil {
            before = b.pattern.isEmpty ? nil : try compile("(?:\(b.pattern))\\z", "beforebreak", rule.beforeBreak)
            after = a.pattern.isEmpty ? nil : try compile(a.pattern, "afterbreak", rule.afterBreak)
        } else {
            (before, after) = (nil, nil)
        }
        if rule.isBreak, !(b.pattern.isEmpty && a.pattern.isEmpty) {
            let lookahead = a.pattern.isEmpty ? "" : "(?=\(a.pattern))"
            scan = try compile("(?:\(b.pattern))\(lookahead)", "beforebreak+afterbreak", rule.beforeBreak + rule.afterBreak)
        } else {
            scan = nil
        }
    }

    /// `.` when `pattern` (ICU syntax) ends in an escaped period at its top level, with no
    /// top-level alternation, so every match ends with a period; else nil. Deliberately narrow:
    /// anything unusual (`\Q`, free-spacing mode, unbalanced groups) gives nil.
    static func fixedLastUnit(_ pattern: String) -> UInt16? {
        let u = Array(pattern.utf16)
        let backslash: UInt16 = 0x5C, period: UInt16 = 0x2E
        guard u.count >= 2, u[u.count - 1] == period, u[u.count - 2] == backslash else { return nil }
        var k = u.count - 2, escapes = 0
        while k >= 0, u[k] == backslash { escapes += 1; k -= 1 }
        guard escapes % 2 == 1 else { return nil }
        var depth = 0, classDepth = 0, i = 0
        let end = u.count - 2
        while i < end {
            let c = u[i]
            if c == backslash {
                if i + 1 < u.count, u[i + 1] == 0x51 /* Q */ { return nil }
                i += 2
                continue
            }
            if classDepth > 0 {
                if c == 0x5B { classDepth += 1 } else if c == 0x5D { classDepth -= 1 }
                i += 1
                continue
            }
            switch c {
            case 0x5B: classDepth += 1
            case 0x28:  // "(": refuse inline flags that turn on free-spacing mode
                if i + 1 < u.count, u[i + 1] == 0x3F {
                    var j = i + 2
                    while j < u.count, (u[j] >= 0x61 && u[j] <= 0x7A) || (u[j] >= 0x41 && u[j] <= 0x5A) || u[j] == 0x2D {
                        if u[j] == 0x78 /* x */ { return nil }
                        j += 1
                    }
                }
                depth += 1
            case 0x29: depth -= 1
            case 0x7C: if depth == 0 { return nil }
            default: break
            }
            guard depth >= 0 else { return nil }
            i += 1
        }
        return depth == 0 && classDepth == 0 ? period : nil
    }
}
