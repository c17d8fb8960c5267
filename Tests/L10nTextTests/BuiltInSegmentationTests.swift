import Testing
@testable import L10nText

/// The built-in rules on realistic product copy. Each case lists the sentences expected, so a
/// case with one sentence proves an exception holds and a case with several proves a break.
@Suite struct BuiltInSegmentationTests {
    struct Case: CustomStringConvertible, Sendable {
        var language: String
        var sentences: [String]
        var description: String { "[\(language)] \(sentences.joined(separator: " | "))" }
        init(_ language: String, _ sentences: String...) {
            self.language = language
            self.sentences = sentences
        }
    }

    static let cases: [Case] = [
        // English: abbreviations that must not split
        Case("en", "Dr. Smith and Mr. Jones tested the Approx. 5 ft. tall unit."),
        Case("en", "Max. 110 V input, see Fig. 3 and No. 5 for details."),
        Case("en", "Model No. XP-2000B ships with Model No. KX-TG6821 accessories."),
        Case("en", "Compatible with most brands, e.g. Sony, Bose and JBL."),
        Case("en", "Sold Jan. 5, 2024 at 5 p.m. EST in the U.S. market."),
        Case("en", "It is 3.5 in. wide and weighs 2.2 lbs. when empty."),
        Case("en", "Written by J. R. R. Tolkien for the St. Louis launch."),
        Case("en", "Made by Acme Co. Ltd. in Ohio."),
        Case("en", "Wait... what happened?"),
        // English: real sentence ends, including after abbreviations that can end one
        Case("en", "Includes cables, adapters, etc. ", "The box is small."),
        Case("en", "Ships from Acme Inc. ", "Order now!"),
        Case("en", "It folds flat. ", "Is it waterproof? ", "Yes!"),
        Case("en", "Wait… ", "Then it clicked."),
        Case("en", "See p. 12. ", "Then close the lid."),
        Case("en", "1. Remove the cover. ", "2. Insert two AA batteries."),
        Case("en", "The answer is No. ", "Really."),
        // Portuguese
        Case("pt-BR", "O Sr. Silva e a Dra. Costa aprovaram o produto."),
        Case("pt-BR", "Veja a pág. 12 e o art. 5 do manual, aprox. 5 V."),
        Case("pt-BR", "Cabos, adaptadores etc. ", "A caixa é pequena."),
        Case("pt-BR", "Bateria de 5000 mAh. ", "Carrega em 2 horas."),
        // Spanish
        Case("es", "El Sr. García y la Sra. López probaron el Modelo No. XP-2000B."),
        Case("es", "La Dra. Ruiz lo recomienda, p. ej. para viajes."),
        Case("es", "Fabricado en EE. UU. con piezas importadas."),
        Case("es", "¿Está listo? ", "¡Sí, claro!"),
        Case("es", "Incluye cables, etc. ", "La caja es pequeña."),
        // German
        Case("de", "Kabel, z. B. Netzkabel, bzw. Stecker sind dabei."),
        Case("de", "Die Leistung beträgt max. 110 V bzw. ca. 5 A."),
        Case("de", "Am 3. Oktober erscheint die 2. Generation."),
        Case("de", "Siehe Nr. 5 und Abb. 3 in der Anleitung."),
        Case("de", "Kabel, Stecker usw. ", "Das Gerät ist neu."),
        Case("de", "Es ist leicht. ", "Es ist wasserdicht."),
        // French
        Case("fr", "M. Dupont recommande ce modèle, p. ex. pour le bureau."),
        Case("fr", "Il mesure env. 5 cm, c.-à-d. très peu."),
        Case("fr", "Disponible en taille M. ", "Livraison gratuite."),
        Case("fr", "Super ! ", "Achetez maintenant."),
        Case("fr", "Câbles, adaptateurs, etc. ", "La boîte est petite."),
        // Italian
        Case("it", "Il Sig. Rossi e la Dott.ssa Bianchi lo consigliano."),
        Case("it", "Pesa ca. 5 kg, cfr. Fig. 2 del manuale."),
        Case("it", "Cavi, spine ecc. ", "Il prodotto è nuovo."),
        // Japanese
        Case("ja", "これはペンです。", "とても書きやすい！", "今すぐ購入。"),
        Case("ja", "「はい。」と答えた。"),
        Case("ja", "これは新製品です。", "「本当に？」"),
        Case("ja", "重さは約3.5kgです。"),
        // Chinese
        Case("zh", "这是一支笔。", "你好！", "真的吗？"),
        Case("zh", "“好的。”他说。"),
        Case("zh", "重量约3.5公斤。", "现在购买。"),
    ]

    @Test(arguments: cases)
    func segmentsAsExpected(_ c: Case) {
        let text = c.sentences.joined()
        let actual = SentenceSegmenter.builtIn(language: c.language).sentences(in: text).map(String.init)
        #expect(actual == c.sentences)
    }

    /// Each exception case above must be one ICU would split; otherwise it tests nothing.
    @Test(arguments: [
        ("en", "Dr. Smith and Mr. Jones tested the Approx. 5 ft. tall unit."),
        ("en", "Max. 110 V input, see Fig. 3 and No. 5 for details."),
        ("en", "Model No. XP-2000B ships with Model No. KX-TG6821 accessories."),
        ("es", "Fabricado en EE. UU. con piezas importadas."),
        ("de", "Kabel, z. B. Netzkabel, bzw. Stecker sind dabei."),
        ("de", "Am 3. Oktober erscheint die 2. Generation."),
        ("fr", "M. Dupont recommande ce modèle, p. ex. pour le bureau."),
        ("pt-BR", "O Sr. Silva e a Dra. Costa aprovaram o produto."),
        ("it", "Il Sig. Rossi e la Dott.ssa Bianchi lo consigliano."),
        ("ja", "「はい。」と答えた。"),
        ("zh", "“好的。”他说。"),
    ])
    func icuAloneWouldSplit(language: String, text: String) {
        #expect(ICUSentenceBreaker(locale: language).sentenceBoundaries(in: text).count > 1)
    }
}
