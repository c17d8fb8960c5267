import L10nCore
import L10nMT
import Testing

/// The guard's verdicts on hand-made contents.
@Suite struct TranslationGuardTests {
    static let open = InlineCode(kind: .open, id: "1", data: "<b>")
    static let close = InlineCode(kind: .close, id: "1", data: "</b>")
    static let url = InlineCode(kind: .standalone, id: "2", data: "https://example.com/xp", subType: "l10n:url", equiv: "https://example.com/xp", canDelete: false)
    static let source = Content([.text("Pump "), .code(open), .text("XP 2,000"), .code(close), .text(" see "), .code(url)])

    @Test func aFaithfulTranslationPasses() {
        let target = Content([.text("Bomba "), .code(Self.open), .text("XP 2.000"), .code(Self.close), .text(" veja "), .code(Self.url)])
        #expect(TranslationGuard.problem(source: Self.source, target: target) == nil, "separators may change, digits may not")
        let moved = Content([.text("Veja "), .code(Self.url), .text(" bomba "), .code(Self.open), .text("XP 2 000"), .code(Self.close)])
        #expect(TranslationGuard.problem(source: Self.source, target: moved) == nil, "codes may move as long as pairs stay nested")
    }

    @Test(arguments: [
        (Content([.text("Bomba XP 2000 "), .code(url)]), "lost"),
        (Content([.text("Bomba "), .code(open), .text("XP 2000"), .code(close), .code(close), .code(url)]), "twice"),
        (Content([.text("Bomba "), .code(close), .text("XP 2000"), .code(open), .code(url)]), "closes before it opens"),
        (Content([.text("Bomba "), .code(open), .text("XP 2001"), .code(close), .code(url)]), "numbers changed"),
        (Content([.text("Bomba "), .code(open), .text("XP 2000"), .code(close),
                  .code(InlineCode(kind: .standalone, id: "2", data: "https://evil.example", subType: "l10n:url", equiv: "https://evil.example"))]), "changed"),
        (Content([.text("Bomba "), .code(open), .text("XP 2000"), .code(close), .code(url), .code(InlineCode(kind: .standalone, id: "9", data: "<br>"))]), "does not have"),
    ])
    func brokenTranslationsAreRefused(target: Content, reason: String) {
        let problem = TranslationGuard.problem(source: Self.source, target: target)
        #expect(problem?.contains(reason) == true, "\(problem ?? "nil")")
    }

    @Test func nestingIsCheckedAcrossPairs() {
        let a = InlineCode(kind: .open, id: "a", data: "<i>"), aEnd = InlineCode(kind: .close, id: "a", data: "</i>")
        let source = Content([.code(Self.open), .text("x "), .code(a), .text("y"), .code(aEnd), .code(Self.close)])
        let crossed = Content([.code(Self.open), .text("x "), .code(a), .text("y"), .code(Self.close), .code(aEnd)])
        #expect(TranslationGuard.problem(source: source, target: crossed)?.contains("badly nested") == true)
        #expect(TranslationGuard.problem(source: source, target: source) == nil)
    }
}
