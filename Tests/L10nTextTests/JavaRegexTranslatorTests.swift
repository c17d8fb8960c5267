import Testing
@testable import L10nText

@Suite struct JavaRegexTranslatorTests {
    @Test(arguments: [
        (#"\b(?iu)mgr\.\s"#, #"\b(?i)mgr\.\s"#),
        (#"(?u)abc"#, #"abc"#),
        (#"(?iu:dr)\."#, #"(?i:dr)\."#),
        (#"\p{Lu}[\p{Punct}\p{Lu}]"#, #"\p{Lu}[[!-/:-@\[-`{-~]\p{Lu}]"#),
        (#"\P{Punct}"#, #"[^!-/:-@\[-`{-~]"#),
        (#"\p{javaLowerCase}\p{IsAlphabetic}\p{InGreek}"#, #"\p{Lowercase}\p{Alphabetic}\p{Block=Greek}"#),
        (#"(?<=[XVI]+)x"#, #"(?<=[XVI]{1,100})x"#),
        (#"(?<!a*b{2,})c+"#, #"(?<!a{0,100}b{2,100})c+"#),
        (#"[^\s](\Q...\E|…)\s"#, #"[^\s](\Q...\E|…)\s"#),
        (#"a++(?>b)\h"#, #"a++(?>b)\h"#),
    ])
    func translates(java: String, icu: String) throws {
        let result = JavaRegexTranslator.translate(java)
        #expect(result.pattern == icu)
        _ = try ICURegex(pattern: result.pattern)  // and ICU accepts the result
    }

    @Test func detectsStartAnchorsOutsideClasses() {
        #expect(JavaRegexTranslator.translate("^Dr\\.").anchorsAtStart)
        #expect(JavaRegexTranslator.translate("\\ADr\\.").anchorsAtStart)
        #expect(!JavaRegexTranslator.translate("[^\\s]Dr\\.").anchorsAtStart)
        #expect(!JavaRegexTranslator.translate("\\^x").anchorsAtStart)
    }

    @Test func untranslatedUnboundedLookbehindIsWhatICURejects() {
        // Guards the reason the translator exists: without it this LanguageTool rule fails.
        #expect(throws: ICURegex.CompileError.self) { try ICURegex(pattern: "(?<=[XVI]+)") }
    }
}
