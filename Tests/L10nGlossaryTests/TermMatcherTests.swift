import Foundation
import L10nCore
import L10nGlossary
import Testing

/// Term recognition: ICU words, case folding, English plurals, whole words, longest match,
/// multi-word terms, and the target side a compliance check will use.
@Suite struct TermMatcherTests {
    static let en = LanguageTag("en")!, de = LanguageTag("de-DE")!

    static func entry(_ term: String, _ target: String?, _ status: TermStatus = .preferred, to language: String? = "de") -> TermEntry {
        TermEntry(sourceLanguage: en, term: term, targetLanguage: language.flatMap(LanguageTag.init), targetTerm: target, status: status)
    }

    static let termbase = Termbase([
        entry("pump", "Pumpe"),
        entry("pump housing", "Pumpengehäuse"),
        entry("pump housing", "Pumpenmantel", .forbidden),
        entry("battery", "Akku"),
        entry("box", "Karton"),
        entry("glass", "Glas"),
        entry("Wi-Fi", "WLAN"),
        entry("AquaFlow", nil, .doNotTranslate, to: nil),
        entry("valve", "válvula", to: "pt"),
    ])

    func found(_ text: String, into target: LanguageTag = de) -> [String] {
        TermMatcher(Self.termbase, sourceLanguage: Self.en, targetLanguage: target).hits(in: text).map(\.text)
    }

    @Test func longestMatchWinsAndCaseIsFolded() {
        #expect(found("The PUMP HOUSING of the pump.") == ["PUMP HOUSING", "pump"])
        let hit = TermMatcher(Self.termbase, sourceLanguage: Self.en, targetLanguage: Self.de).hits(in: "Pump housing")[0]
        #expect(hit.entries.map(\.targetTerm) == ["Pumpengehäuse", "Pumpenmantel"])
    }

    @Test func englishPluralsOfTheLastWordMatch() {
        #expect(found("Two pump housings, spare batteries and boxes of pumps.") == ["pump housings", "batteries", "boxes", "pumps"])
        #expect(found("Glasses and glass.") == ["Glasses", "glass"])
        // A plural of a word that is not last does not make the term.
        #expect(found("pumps housing") == ["pumps"])
    }

    @Test func caseFoldingIsFullFolding() {
        let german = Termbase([TermEntry(sourceLanguage: LanguageTag("de")!, term: "Straße", targetLanguage: LanguageTag("en"),
                                         targetTerm: "street", status: .preferred)])
        let hits = TermMatcher(german, sourceLanguage: LanguageTag("de-DE")!, targetLanguage: LanguageTag("en-US")!).hits(in: "DIE STRASSE, die Straße.")
        #expect(hits.map(\.text) == ["STRASSE", "Straße"])
        // No English plurals for a German source.
        #expect(TermMatcher(german, sourceLanguage: LanguageTag("de")!, targetLanguage: nil).hits(in: "Straßes").isEmpty)
    }

    @Test func onlyWholeWords() {
        #expect(found("Pumping boxer pumpkin mispump") == [])
        #expect(found("Wi-Fi and Wi Fi") == ["Wi-Fi"])
    }

    @Test func rangesPointIntoTheSearchedText() {
        let text = "Ünïcode first: the pump housing."
        let hits = TermMatcher(Self.termbase, sourceLanguage: Self.en, targetLanguage: Self.de).hits(in: text)
        #expect(hits.map { String(text[$0.range]) } == ["pump housing"])
    }

    @Test func entriesForOtherTargetLanguagesAreLeftOutButDoNotTranslateHoldsEverywhere() {
        #expect(found("AquaFlow valve") == ["AquaFlow"])
        #expect(found("AquaFlow valve", into: LanguageTag("pt-BR")!) == ["AquaFlow", "valve"])
        let brazil = Self.entry("pump", "bomba", to: "pt-BR")
        #expect(brazil.applies(to: LanguageTag("pt-BR")!) && brazil.applies(to: LanguageTag("pt")!))
        #expect(!brazil.applies(to: LanguageTag("pt-PT")!) && !brazil.applies(to: LanguageTag("es-MX")!))
    }

    /// A regional translation shadows the language-wide one for the same term; restrictions
    /// (forbidden, do-not-translate) given language-wide still hold; other regions are untouched.
    @Test func theRegionsOwnTranslationWinsOverTheLanguagesOne() {
        let termbase = Termbase([
            Self.entry("water pump", "bomba", to: "pt"),
            Self.entry("water pump", "bomba d'água", to: "pt-BR"),
            Self.entry("water pump", "bomba de água", to: "pt-PT"),
            Self.entry("water pump", "motobomba", .forbidden, to: "pt"),
            Self.entry("valve", "válvula", to: "pt"),
        ])
        func targets(_ language: String) -> [String] {
            TermMatcher(termbase, sourceLanguage: Self.en, targetLanguage: LanguageTag(language)!)
                .hits(in: "The water pump has a valve.").flatMap(\.entries).map { "\($0.status.rawValue):\($0.targetTerm ?? "")" }
        }
        #expect(targets("pt-BR") == ["preferred:bomba d'água", "forbidden:motobomba", "preferred:válvula"])
        #expect(targets("pt-PT") == ["preferred:bomba de água", "forbidden:motobomba", "preferred:válvula"])
        // A target with no region has no regional entry to prefer: every translation applies.
        #expect(targets("pt").count == 5)
    }

    @Test func doNotTranslateNamesMatchOnlyAsWrittenInASource() {
        let termbase = Termbase([
            Self.entry("thread", "Gewinde"),
            Self.entry("Thread", nil, .doNotTranslate, to: nil),
            Self.entry("LED", nil, .doNotTranslate, to: nil),
        ])
        let hits = TermMatcher(termbase, sourceLanguage: Self.en, targetLanguage: Self.de).hits(in: "Thread and Matter; a 1/2 in thread; two LEDs, no leds.")
        #expect(hits.map(\.text) == ["Thread", "thread", "LEDs"])
        #expect(hits.map { $0.entries.map(\.status) } == [[.preferred, .doNotTranslate], [.preferred], [.doNotTranslate]])
        // In a translation any spelling is found, so that an altered name can be reported.
        let target = TermMatcher(termbase, sourceLanguage: Self.en, targetLanguage: Self.de, side: .target).hits(in: "thread-fähig, mit LED")
        #expect(target.map(\.text) == ["thread", "LED"])
    }

    @Test func theTargetSideFindsTranslationsAndForbiddenTerms() {
        let matcher = TermMatcher(Self.termbase, sourceLanguage: Self.en, targetLanguage: Self.de, side: .target)
        let hits = matcher.hits(in: "Das Pumpengehäuse (nicht Pumpenmantel) der AquaFlow-Pumpe.")
        #expect(hits.map(\.text) == ["Pumpengehäuse", "Pumpenmantel", "AquaFlow", "Pumpe"])
        #expect(hits[1].entries.map(\.status) == [.forbidden])
        #expect(hits[2].entries.map(\.status) == [.doNotTranslate])
    }

    /// Translations inflect their terms: a German or Brazilian target found only in its lemma
    /// would make the glossary check cry "missing" over correct work. Needs the Hunspell
    /// dictionaries `tools/setup` installs (hunspell-de-de, hunspell-pt-br, hunspell-es).
    @Test func targetTermsMatchTheirInflectionsThroughTheLanguagesDictionary() throws {
        func targets(_ text: String, _ entries: [(String, String)], into language: String) -> [String] {
            let code = String(language.prefix(2))
            let termbase = Termbase(entries.map { Self.entry($0.0, $0.1, to: code) })
            return TermMatcher(termbase, sourceLanguage: Self.en, targetLanguage: LanguageTag(language)!, side: .target).hits(in: text).map(\.text)
        }
        let german = [("battery", "Akku"), ("impeller", "Laufrad"), ("charger", "Ladegerät"), ("thread", "Gewinde")]
        // Plurals of listed words and of compounds the dictionary does not list (by their head).
        #expect(targets("Zwei Akkus, drei Laufräder und zwei Ladegeräte; mit Gewinden.", german, into: "de-DE")
            == ["Akkus", "Laufräder", "Ladegeräte", "Gewinden"])
        // A longer compound is another word, not an inflection.
        #expect(targets("Das Laufradgehäuse und der Akkupack.", german, into: "de-DE") == [])
        let brazilian = [("battery", "bateria"), ("submersible pump", "bomba submersível"), ("charger", "carregador"), ("housing", "carcaça")]
        #expect(targets("Duas baterias, bombas submersíveis, carregadores e carcaças.", brazilian, into: "pt-BR")
            == ["baterias", "bombas submersíveis", "carregadores", "carcaças"])
        // `baterias` stems to `bater` (to beat), as `bateria` does; `bater` itself is another word.
        #expect(targets("Não bater na carregar.", brazilian, into: "pt-BR") == [])
        #expect(targets("Tres baterías.", [("battery", "batería")], into: "es-ES") == ["baterías"])
    }

    @Test func aSourceInAnotherLanguageMatchesInflectedTerms() {
        let german = Termbase([TermEntry(sourceLanguage: LanguageTag("de")!, term: "Akku", targetLanguage: LanguageTag("en"),
                                         targetTerm: "battery", status: .preferred)])
        let hits = TermMatcher(german, sourceLanguage: LanguageTag("de-DE")!, targetLanguage: LanguageTag("en-US")!).hits(in: "Zwei Akkus.")
        #expect(hits.map(\.text) == ["Akkus"])
    }
}

/// The JSON `glossary list`/`lookup` print: languages as tags, `*` for every language.
@Suite struct TermEntryCodingTests {
    @Test func languagesAreCodedAsTagsAndStarAndComeBack() throws {
        let entries = [
            TermMatcherTests.entry("pump housing", "Pumpengehäuse"),
            TermEntry(sourceLanguage: LanguageTag("en")!, term: "AquaFlow", targetLanguage: nil, targetTerm: nil, status: .doNotTranslate,
                      note: "Brand", glossary: "dnt.csv", line: 4),
        ]
        let data = try JSONEncoder().encode(entries)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(json.map { $0["targetLanguage"] as? String } == ["de", "*"])
        #expect(json.map { $0["sourceLanguage"] as? String } == ["en", "en"])
        #expect(json[1]["status"] as? String == "do-not-translate")
        #expect(try JSONDecoder().decode([TermEntry].self, from: data) == entries)
    }
}
