import Foundation

/// Flags English copy that breaks the market's tone policy (`tone` in the market file):
/// unproven superlatives, comparative advertising, runs of "!", shouting in ALL CAPS, emoji, and
/// a casual register where the market addresses customers formally. Each note carries a
/// suggestion and the market's `tone.note`.
///
/// ALL CAPS is told from acronyms with SCOWL's common-word list (`Resources/Spelling/
/// en-common-words.txt`): "FREE SHIPPING" and "AMAZING" are words, "HDMI" and "NEMA" are not.
/// Safety signal words (DANGER, WARNING, CAUTION, NOTICE; ANSI Z535) and UL's required
/// "IMPORTANT SAFETY INSTRUCTIONS" headings are never flagged, nor are certification marks
/// ("ENERGY STAR") or model numbers.
public struct ToneRule: AdaptationRule {
    public init() {}

    public static func applies(to context: AdaptationContext) -> Bool {
        let tone = context.market.tone
        return context.sourceLanguage.language == "en"
            && (tone.superlatives == .flag || tone.comparatives == .flag || tone.exclamationRun > 0
                || tone.allCaps == .flag || tone.emoji == .flag || tone.address == .formal)
    }

    static let superlative = NSRegularExpression.compiled(
        #"(?<![\p{L}\p{N}])(?<!one\sof\s)(?<!one\sof\sthe\s)(?<!among\s)(?<!among\sthe\s)(?:"#
            + #"the\s(?:very\s)?(?:best|finest|greatest|fastest|strongest|quietest|lightest|brightest|smartest|toughest|cheapest|safest"#
            + #"|most\s(?!of\b|likely\b|recent\b|important\b|common\b)\p{L}+|highest[-\s]quality|lowest\sprices?)"#
            + #"|world['’]?s\s(?:best|first|finest|greatest|fastest|strongest|quietest|lightest|smallest|largest|leading|most\s\p{L}+)"#
            + #"|[#]\s?1|no\.\s?1|number[-\s]one|best[-\s]in[-\s]class|best[-\s]ever|best[-\s]sell(?:ing|er)"#
            + #"|(?:world|industry|market|class)[-\s]leading"#
            + #"|unbeatable|unbeaten|unmatched|unrivall?ed|unparall?ell?ed|unsurpassed|second\sto\snone|ultimate"#
            + #"|perfect(?:ion)?(?!\s(?:for|fit)\b)"#
            + #"|guaranteed\slowest(?:\sprices?)?|lowest\sprices?\sguaranteed"#
            + #")(?![\p{L}\p{N}])"#,
        options: .caseInsensitive)

    /// A named competitor or "the competition" after a comparison.
    private static let rival = #"(?:(?i:the\scompetition|(?:our\s)?competitors?|competing\s\p{L}+|other\s(?:leading\s)?brands?|(?:leading|rival|major|big|name)\s(?:brands?|competitors?)|brand\s[a-z]\p{L}*)|(?!(?:The|A|An|I|We|You|It|Its|This|That|Ever|Before|Expected|Standard|Normal|Regular|Conventional)\b)\p{Lu}[\p{L}\d]*\p{L}(?:\s\p{Lu}[\p{L}\d]*)?)"#
    static let comparative = NSRegularExpression.compiled(#"(?<![\p{L}\p{N}])(?:(?i:(?!other\b|rather\b|older\b|never\b|ever\b)(?:more\s\p{L}+|less\s\p{L}+|\p{L}+er)\sthan)\s"# + rival
        + #"|(?i:outperform(?:s|ed|ing)?|outlast(?:s|ed|ing)?|outclass(?:es|ed|ing)?|outshines?|beats?|crush(?:es)?)\s"# + rival
        + #"|(?i:vs\.?|versus)\s"# + rival
        + #"|(?i:compared\s(?:to|with)|unlike)\s(?i:the\scompetition|competitors?|other\s(?:leading\s)?brands?|competing\s\p{L}+))(?![\p{L}\p{N}])"#)
    private static let exclamations = NSRegularExpression.compiled(#"[!！]+"#)
    /// An upper-case word (no digits glued to it: model numbers are not shouting).
    private static let capsWord = NSRegularExpression.compiled(#"(?<![\p{L}\p{N}])\p{Lu}{2,}(?:['’]\p{Lu}+)?(?![\p{L}\p{N}])"#)
    /// What may separate the words of one all-caps run ("WARNING: RISK OF SHOCK", "CAUTION – HOT SURFACE").
    private static let capsGap = NSRegularExpression.compiled(#"^[ \t]*[,:&/+'’–—-]?[ \t]*$"#)
    static let casual = NSRegularExpression.compiled(#"(?<![\p{L}\p{N}])(?:hey(?:\sthere)?(?!\s(?:Siri|Google|Alexa|Bixby))|you\sguys|y['’]all|gonna|wanna|gotta|kinda|awesome|(?-i:super\s(?:easy|simple|fast))|no-brainer|folks|grab\syours|dude|buddy|tons\sof|insanely)(?![\p{L}\p{N}])"#, options: .caseInsensitive)

    /// ANSI Z535 signal words and UL's mandated safety headings: capitals required by law.
    private static let signalWords: Set<String> = ["DANGER", "WARNING", "CAUTION", "NOTICE", "SAFETY", "INSTRUCTIONS", "HAZARD"]
    /// Dictionary words that are acronyms or model-name suffixes in product copy.
    private static let notShouting: Set<String> = [
        "LED", "LEDS", "RAM", "ROM", "LAN", "WAN", "CAD", "CAM", "MAX", "PRO", "MINI", "PLUS", "ULTRA", "LITE", "AIR",
        "LASER", "RADAR", "SONAR", "SCUBA", "STEM", "AM", "PM", "OK", "ID", "AWE", "SAE", "NEC",
    ]
    /// SCOWL's common English words, lower case, read on first use and searched in place.
    static let commonWords: SortedWordList = {
        guard let folder = Bundle.module.url(forResource: "Spelling", withExtension: nil),
              let data = FileManager.default.contents(atPath: folder.appendingPathComponent("en-common-words.txt").path)
        else { return SortedWordList([]) }
        return SortedWordList([UInt8](data))
    }()

    public func matches(in text: String, context: AdaptationContext) -> [RuleMatch] {
        let tone = context.market.tone
        let market = context.market.name
        let reason = tone.note.map { " \($0)" } ?? ""
        var out: [RuleMatch] = []
        func flag(_ range: Range<String.Index>, _ id: String, _ note: String) {
            out.append(RuleMatch(range: range, rule: "tone.\(id)", kind: .tone, replacement: nil, note: note + reason))
        }
        var found = Found.memo.value(for: text) ?? Found()
        var learned = false
        /// The ranges of one kind, from the memo or from `find` (then remembered).
        func ranges(_ kind: Found.Kind, _ find: () -> [Range<String.Index>]) -> [Range<String.Index>] {
            if let offsets = found.ranges[kind.rawValue] { return offsets.map { text.range(utf8Offsets: $0) } }
            let made = find()
            found.ranges[kind.rawValue] = made.map { text.utf8Offsets(of: $0) }
            learned = true
            return made
        }
        if tone.superlatives == .flag {
            for range in ranges(.superlative, { Self.maySuperlate(text) ? Self.superlative.scan(text).map(\.range) : [] }) {
                flag(range, "superlative", "Unproven superlative in \(market): back \"\(text[range])\" with evidence (test, source, date) or soften it (\"one of the most…\", \"among the quietest in its class\").")
            }
        }
        if tone.comparatives == .flag {
            for range in ranges(.comparative, { Self.mayCompare(text) ? Self.comparative.scan(text).map(\.range) : [] }) {
                flag(range, "comparative", "Comparative advertising in \(market): compare with your own earlier model or with measured, verifiable figures instead of a competitor.")
            }
        }
        if tone.exclamationRun > 0 {
            for range in ranges(.exclamation, { Self.exclamations.scan(text).map(\.range) }) where text[range].count >= tone.exclamationRun {
                flag(range, "exclamation", "\(text[range].count) exclamation marks read as shouting in \(market) copy: use one at most, or none.")
            }
        }
        if tone.allCaps == .flag {
            for range in ranges(.shouting, { Self.shouting(in: text, marks: context.certificationMarks(in: text).map(\.range)) }) {
                flag(range, "all-caps", "ALL CAPS reads as shouting in \(market) copy: write it in sentence case and let the layout give emphasis.")
            }
        }
        if tone.emoji == .flag {
            for range in ranges(.emoji, { Self.emojiRuns(in: text) }) {
                flag(range, "emoji", "Emoji look unprofessional in \(market) product copy: remove them or replace them with words.")
            }
        }
        if tone.address == .formal {
            for range in ranges(.casual, { Self.mayBeCasual(text) ? Self.casual.scan(text).map(\.range) : [] }) {
                flag(range, "address", "Casual register: \(market) copy addresses customers formally; translate with the formal address and a neutral wording.")
            }
        }
        if learned { Found.memo.remember(found, for: text) }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// What each kind of finding matches in a text (UTF-8 offsets), by text (see ``TextMemo``):
    /// the same in every market, which only picks the kinds it flags and says why. Each kind is
    /// worked out when a market first asks for it.
    struct Found: Sendable {
        enum Kind: Int, CaseIterable { case superlative, comparative, exclamation, shouting, emoji, casual }

        var ranges: [[Range<Int>]?] = Array(repeating: nil, count: Kind.allCases.count)

        static let memo = TextMemo<Found>()
    }

    /// Every alternative of ``comparative`` needs one of these words, in any case: a sentence
    /// without them cannot match, and the expression (which tries `\p{L}+er\sthan` at every
    /// word) is the costliest of the rule.
    private static let comparisonWords: [[UInt8]] = ["than", "out", "beat", "crush", "vs", "versus", "compared", "unlike"].map { Array($0.utf8) }

    /// Every alternative of ``superlative`` needs one of these (its case-insensitive alternation
    /// is tried at every word that starts with a common letter).
    private static let superlativeWords: [[UInt8]] = [
        "best", "finest", "greatest", "fastest", "strongest", "quietest", "lightest", "brightest", "smartest", "toughest",
        "cheapest", "safest", "most", "highest", "lowest", "world", "#", "no.", "number", "leading", "unbeat", "unmatched",
        "unrival", "unparal", "unsurpassed", "second", "ultimate", "perfect",
    ].map { Array($0.utf8) }

    /// Every alternative of ``casual`` needs one of these.
    private static let casualWords: [[UInt8]] = [
        "hey", "guys", "y'all", "y’all", "gonna", "wanna", "gotta", "kinda", "awesome", "super", "brainer", "folks", "yours",
        "dude", "buddy", "tons", "insanely",
    ].map { Array($0.utf8) }

    static func mayCompare(_ text: String) -> Bool { mayMatch(text, anyOf: comparisonWords) }
    static func maySuperlate(_ text: String) -> Bool { mayMatch(text, anyOf: superlativeWords) }
    static func mayBeCasual(_ text: String) -> Bool { mayMatch(text, anyOf: casualWords) }

    /// False only when `text` holds none of `words` (ASCII case-insensitively) and no non-ASCII
    /// character with case, which case-insensitive matching may fold to ASCII letters (ſ → s,
    /// K → k, ß → ss, ﬁ → fi): then an expression every alternative of which needs one of the
    /// words cannot match, and skipping it never changes what it finds.
    static func mayMatch(_ text: String, anyOf words: [[UInt8]]) -> Bool {
        var lower: [UInt8] = []
        lower.reserveCapacity(text.utf8.count)
        var ascii = true
        for b in text.utf8 {
            if b >= 0x80 { ascii = false }
            lower.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        }
        if !ascii, text.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.changesWhenCaseMapped }) { return true }
        return lower.withUnsafeBufferPointer { p in
            words.contains { word in
                guard p.count >= word.count else { return false }
                for i in 0...(p.count - word.count) where p[i] == word[0] {
                    var k = 1
                    while k < word.count, p[i + k] == word[k] { k += 1 }
                    if k == word.count { return true }
                }
                return false
            }
        }
    }

    /// Runs of all-caps words that contain dictionary words: two or more, or one of 4+ letters.
    static func shouting(in text: String, marks: [Range<String.Index>]? = nil) -> [Range<String.Index>] {
        let marks = marks ?? CertificationMark.find(in: text).map(\.range)
        let words = capsWord.scan(text).map(\.range).filter { w in !marks.contains { $0.overlaps(w) } }
        var runs: [[Range<String.Index>]] = []
        for w in words {
            if let last = runs.last?.last, capsGap.occurs(in: text[last.upperBound..<w.lowerBound]) {
                runs[runs.count - 1].append(w)
            } else {
                runs.append([w])
            }
        }
        return runs.compactMap { run in
            let tokens = run.map { String(text[$0]) }
            guard !tokens.contains(where: signalWords.contains) else { return nil }
            let dictionary = tokens.filter { !notShouting.contains($0) && commonWords.contains($0.lowercased()) }
            guard dictionary.count >= 2 || dictionary.contains(where: { $0.count >= 4 }) else { return nil }
            return run.first!.lowerBound..<run.last!.upperBound
        }
    }

    /// Consecutive emoji (pictographs shown as emoji by default, or forced by U+FE0F, keycaps, flags).
    static func emojiRuns(in text: String) -> [Range<String.Index>] {
        var runs: [Range<String.Index>] = []
        var start: String.Index? = nil
        var i = text.startIndex
        while i < text.endIndex {
            let next = text.index(after: i)
            if isEmoji(text[i]) {
                if start == nil { start = i }
            } else if let s = start {
                runs.append(s..<i)
                start = nil
            }
            i = next
        }
        if let s = start { runs.append(s..<text.endIndex) }
        return runs
    }

    private static func isEmoji(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        guard let first = scalars.first, first.value > 0x7F else {
            return scalars.contains { $0.value == 0x20E3 }   // keycap 1️⃣
        }
        return scalars.contains { $0.properties.isEmojiPresentation }
            || (first.properties.isEmoji && scalars.contains { $0.value == 0xFE0F })
    }
}

extension ToneRule {
    public static let description = RuleDescription(
        id: "tone",
        name: "Tone and claims",
        summary: "Flags superlatives, comparative advertising, exclamation runs, ALL CAPS, emoji and casual address where the market's tone policy forbids them.",
        rationale: """
        What sells in US copy can be unlawful or off-putting elsewhere: Germany's UWG and China's Advertising Law \\
        (Art. 9) forbid unprovable "best"/"No. 1" claims, comparative advertising naming a competitor is restricted in \\
        many markets, and "!!!", ALL CAPS and emoji read as spam in formal markets. Only the marketer can prove or \\
        rephrase a claim, so the rule advises, with a suggestion and the market's own reason. Safety signal words \\
        (WARNING, CAUTION, DANGER — ANSI Z535), acronyms, model numbers and certification marks are not shouting.
        """,
        kind: .tone,
        passing: [
            RuleExample("Quieter than Dyson 🎉", market: "us"),
            RuleExample("Quieter than Dyson and more compact than Brand X.", market: "uk"),
            RuleExample("One of the quietest pumps in its class.", market: "de"),
            RuleExample("Quieter than our previous model and better than ever.", market: "de"),
            RuleExample("WARNING: RISK OF ELECTRIC SHOCK. Connect to a grounded outlet.", market: "de"),
            RuleExample("IMPORTANT SAFETY INSTRUCTIONS — SAVE THESE INSTRUCTIONS", market: "jp"),
            RuleExample("HDMI 2.1, USB-C, LED status light, NEMA 5-15 plug, model XR-200 MAX.", market: "de"),
            RuleExample("ENERGY STAR certified.", market: "de"),
            RuleExample("Great value!", market: "de"),
            RuleExample("Perfect for camping, and it fits perfectly.", market: "de"),
            RuleExample("Larger than A4 paper.", market: "de"),
            RuleExample("Mehr Leistung für Ihre Werkstatt.", market: "de"),
        ],
        failing: [
            RuleExample("The best pump on the market.", market: "de", flagged: ["The best"]),
            RuleExample("The best rice cooker.", market: "cn", flagged: ["The best"]),
            RuleExample("World's best coffee grinder.", market: "cn", flagged: ["World's best"]),
            RuleExample("The #1 choice of professionals.", market: "cn", flagged: ["#1"]),
            RuleExample("Unbeatable suction, the ultimate cleaning tool.", market: "de", flagged: ["Unbeatable", "ultimate"]),
            RuleExample("Best-in-class battery life from a world-leading brand.", market: "de", flagged: ["Best-in-class", "world-leading"]),
            RuleExample("Guaranteed lowest price.", market: "de", flagged: ["Guaranteed lowest price"]),
            RuleExample("Better than Brand X and outperforms Dyson.", market: "de", flagged: ["Better than Brand X", "outperforms Dyson"]),
            RuleExample("Twice the power vs. the competition.", market: "de", flagged: ["vs. the competition"]),
            RuleExample("Order now!!!", market: "de", flagged: ["!!!"]),
            RuleExample("FREE SHIPPING on all orders.", market: "de", flagged: ["FREE SHIPPING"]),
            RuleExample("Now with AMAZING suction.", market: "de", flagged: ["AMAZING"]),
            RuleExample("Loved by campers 🏕️🔥", market: "de", flagged: ["🏕️🔥"]),
            RuleExample("Hey there, this grill is awesome.", market: "de", flagged: ["Hey there", "awesome"]),
        ]
    )
}
