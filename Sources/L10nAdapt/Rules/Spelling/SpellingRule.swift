import Foundation
/// Respells English words for a same-language market: en-US "color", "organize", "catalog" →
/// en-GB "colour", "organise", "catalogue"; en-CA keeps "-ize"; and back from en-GB to en-US.
///
/// Only words in ``SpellingVariants`` change, each as a whole word, in its original case.
/// Words valid in both variants (program, check, meter) are not in the table, which is what
/// keeps "computer program" intact. Words split by sense (tire/tyre, curb/kerb) come from
/// ``SenseSpellings`` and change only where a neighbouring word marks the noun, so "does not
/// tire" stays.
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
        let words = Self.word.scan(text)
        for (i, m) in words.enumerated() {
            let original = text[m.range]
            guard original.count > 1, !Self.insideIdentifier(m.range, of: text) else { continue }
            let lower = original.lowercased()
            var note = "\(spelling) spelling of \(context.sourceLanguage.rawValue) \"\(original)\"."
            var respelt = table.convert(lower, from: source, to: target)
            if respelt == nil, source == .us,
               let sensed = SenseSpellings.bundled.convert(lower, before: Self.neighbour(i - 1, of: i, in: words, text: text),
                                                          after: Self.neighbour(i + 1, of: i, in: words, text: text), to: target) {
                respelt = sensed.spelling
                note = "\(spelling) spelling of \(context.sourceLanguage.rawValue) \"\(original)\" in the sense of \(sensed.sense)."
            }
            guard let respelt, let replacement = Self.matchCase(of: original, to: respelt) else { continue }
            out.append(RuleMatch(range: m.range, rule: "spelling.variant", kind: .spelling, replacement: replacement, note: note))
        }
        return out
    }

    /// The word `j` (lower case) when only spaces or a hyphen separate it from word `i`: the cue
    /// a sense-dependent spelling looks at ("the tires", "curb weight", "curb-side").
    private static func neighbour(_ j: Int, of i: Int, in words: [RegexHit], text: String) -> String? {
        guard words.indices.contains(j) else { return nil }
        let gap = j < i ? text[words[j].range.upperBound..<words[i].range.lowerBound] : text[words[i].range.upperBound..<words[j].range.lowerBound]
        guard !gap.isEmpty, gap.allSatisfy({ $0 == " " || $0 == "\u{00A0}" || $0 == "-" }) else { return nil }
        return text[words[j].range].lowercased()
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
        are wrong in the target variant, so words whose spelling depends on meaning (program, check, meter) are left \
        alone; tire/tyre and curb/kerb, which British and Australian English split by sense, change only where a \
        neighbouring word marks the noun ("the tires", "curb weight", never "does not tire"). en-GB uses the "-ise" spelling most UK retailers write; en-CA keeps "-ize" and "tire" but writes "colour" \
        and "centre". Case is kept and only whole words change, never inside URLs, file names or codes.
        """,
        kind: .spelling,
        passing: [
            RuleExample("Choose a color that fits your kitchen.", market: "us"),
            RuleExample("Cores disponíveis: azul e cinza.", market: "br"),
            RuleExample("Farbe: Grau, Aluminium.", market: "de"),
            RuleExample("The computer program checks the meter.", market: "uk"),
            RuleExample("A ride that does not tire you; diet plans that curb cravings.", market: "uk"),
            RuleExample("Check the tire pressure and the curb weight.", market: "ca"),
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
            // Sense-dependent spellings (Resources/Spelling/en-sense-variants.yaml): the noun changes, the verb does not.
            RuleExample("Run the tires at 30 psi; the upright position does not tire your back.", market: "uk",
                        expected: "Run the tyres at 30 psi; the upright position does not tire your back."),
            RuleExample("Curb weight: 1,500 kg. Adaptive cruise helps curb fuel costs.", market: "au",
                        expected: "Kerb weight: 1,500 kg. Adaptive cruise helps curb fuel costs."),
        ]
    )
}
