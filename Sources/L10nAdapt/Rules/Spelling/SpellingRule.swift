import Foundation
/// Respells English words for a same-language market: en-US "color", "organize", "catalog" →
/// en-GB "colour", "organise", "catalogue"; en-CA keeps "-ize"; and back from en-GB to en-US.
///
/// Only words in ``SpellingVariants`` change, each as a whole word, in its original case.
/// Words valid in both variants (program, check, tire, meter) are not in the table, which is
/// what keeps "computer program" and "tire (to fatigue)" intact.
public struct SpellingRule: AdaptationRule {
    public init() {}

    public static func applies(to context: AdaptationContext) -> Bool {
        guard context.sourceLanguage.language == "en", let spelling = context.market.spelling else { return false }
        return SpellingVariants.Variant(tag: context.sourceLanguage.rawValue) != SpellingVariants.Variant(tag: spelling)
    }

    /// A run of letters (with an inner apostrophe or hyphen it is still two words: "color-coded").
    private static let word = NSRegularExpression.compiled(#"\p{L}+"#)

    public func matches(in text: String, context: AdaptationContext) -> [RuleMatch] {
        guard let spelling = context.market.spelling else { return [] }
        let source = SpellingVariants.Variant(tag: context.sourceLanguage.rawValue)
        let target = SpellingVariants.Variant(tag: spelling)
        let table = SpellingVariants.bundled
        var out: [RuleMatch] = []
        for m in Self.word.scan(text) {
            let original = text[m.range]
            guard original.count > 1, !Self.insideIdentifier(m.range, of: text),
                  let respelt = table.convert(original.lowercased(), from: source, to: target),
                  let replacement = Self.matchCase(of: original, to: respelt)
            else { continue }
            out.append(RuleMatch(range: m.range, rule: "spelling.variant", kind: .spelling, replacement: replacement,
                                 note: "\(spelling) spelling of \(context.sourceLanguage.rawValue) \"\(original)\"."))
        }
        return out
    }

    /// Letters glued to digits, `_`, `@`, `/`, `\`, `#` or a dot followed by more text are part
    /// of a URL, a file name, an e-mail address or code (`example.com/color`, `color_mode`).
    private static func insideIdentifier(_ range: Range<String.Index>, of text: String) -> Bool {
        let glue: Set<Character> = ["_", "@", "/", "\\", "#", "="]
        if range.lowerBound > text.startIndex {
            let before = text[text.index(before: range.lowerBound)]
            if glue.contains(before) || before.isNumber || before == "." { return true }
        }
        if range.upperBound < text.endIndex {
            let after = text[range.upperBound]
            if glue.contains(after) || after.isNumber { return true }
            if after == ".", let next = text[range.upperBound...].dropFirst().first, next.isLetter || next.isNumber { return true }
        }
        return false
    }

    /// `respelt` in the case pattern of `original` (color → colour, Color → Colour,
    /// COLOR → COLOUR); nil for mixed case (`iColor`), which is a name.
    private static func matchCase(of original: Substring, to respelt: String) -> String? {
        if original.allSatisfy(\.isLowercase) { return respelt }
        if original.allSatisfy(\.isUppercase) { return respelt.uppercased() }
        if original.first!.isUppercase, original.dropFirst().allSatisfy(\.isLowercase) {
            return respelt.prefix(1).uppercased() + respelt.dropFirst()
        }
        return nil
    }

    public static let description = RuleDescription(
        id: "spelling",
        name: "English spelling variant",
        summary: "Respells en-US words for en-GB, en-CA, en-AU (and en-IN, en-NZ, en-IE, en-SG, which follow en-GB) markets, and en-GB words for en-US.",
        rationale: """
        British, Canadian and Australian buyers read American spellings (color, aluminum, catalog) as foreign, and \
        retailers' style guides reject them. The pairs come from SCOWL's per-variant word lists, keeping only words that \
        are wrong in the target variant, so words whose spelling depends on meaning (program, check, tire, meter) are left \
        alone. en-GB uses the "-ise" spelling most UK retailers write; en-CA keeps "-ize" and "tire" but writes "colour" \
        and "centre". Case is kept and only whole words change, never inside URLs, file names or codes.
        """,
        kind: .spelling,
        passing: [
            RuleExample("Choose a color that fits your kitchen.", market: "us"),
            RuleExample("Cores disponíveis: azul e cinza.", market: "br"),
            RuleExample("Farbe: Grau, Aluminium.", market: "de"),
            RuleExample("The computer program checks the tire pressure.", market: "uk"),
            RuleExample("Organize your tools with the analyzer.", market: "ca"),
            RuleExample("Colour swatches at example.com/color and in color_mode.", market: "au"),
            RuleExample("Model iColor X100.", market: "uk"),
            RuleExample("カラー: グレー", market: "jp"),
            RuleExample("颜色：灰色", market: "cn"),
            RuleExample("اللون: رمادي", market: "sa"),
        ],
        failing: [
            RuleExample("Choose a color.", market: "uk", expected: "Choose a colour."),
            RuleExample("Color options: Gray or COLOR MATCHED.", market: "au", expected: "Colour options: Grey or COLOUR MATCHED."),
            RuleExample("Organize the catalog by color.", market: "uk", expected: "Organise the catalogue by colour."),
            RuleExample("Organize the catalog by color.", market: "ca", expected: "Organize the catalogue by colour."),
            RuleExample("Aluminum frame, molded grips, a 2-liter tank.", market: "au", expected: "Aluminium frame, moulded grips, a 2-litre tank."),
            RuleExample("Analyze your favorite flavors; labeled and color-coded.", market: "uk",
                        expected: "Analyse your favourite flavours; labelled and colour-coded."),
            RuleExample("Fiber filter, centered on the meter.", market: "ca", expected: "Fibre filter, centred on the meter."),
            RuleExample("A defense against mold and odor.", market: "uk", expected: "A defence against mould and odour."),
        ]
    )
}
