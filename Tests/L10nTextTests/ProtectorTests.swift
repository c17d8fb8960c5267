import L10nCore
import Testing
@testable import L10nText

@Suite struct ProtectorTests {
    /// The protected texts, in order.
    func spans(_ protector: some SpanProtecting, _ text: String) -> [String] {
        protector.protectedSpans(in: text).map { String(text[$0.range]) }
    }

    @Test(arguments: [
        ("Visit https://example.com/support for help.", ["https://example.com/support"]),
        ("See http://acme.de/p?id=12&x=1, then reboot.", ["http://acme.de/p?id=12&x=1"]),
        ("Go to www.acme.com.", ["www.acme.com"]),
        ("(details: https://en.wikipedia.org/wiki/Foo_(bar))", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
        ("Manuals at acme.com/manuals and example.org/a/b.pdf.", ["acme.com/manuals", "example.org/a/b.pdf"]),
        ("詳しくはhttps://example.jp/a。次へ", ["https://example.jp/a"]),
    ])
    func urls(text: String, expected: [String]) {
        #expect(spans(URLProtector(), text) == expected)
    }

    @Test(arguments: [
        "It weighs 5.5 kg. Ends here.",
        "Version 2.0 is out.",
        "The file is readme.txt and notes.md here",
        "Write to support@acme.com today",  // the domain of an e-mail is not a URL
    ])
    func notURLs(text: String) {
        #expect(spans(URLProtector(), text).isEmpty)
    }

    @Test(arguments: [
        ("Write to support@acme.com.", ["support@acme.com"]),
        ("Contact: first.last+tag@mail.example.co.uk or sales@acme.de", ["first.last+tag@mail.example.co.uk", "sales@acme.de"]),
        ("<mailto:help@acme.io>", ["mailto:help@acme.io"]),
    ])
    func emails(text: String, expected: [String]) {
        #expect(spans(EmailProtector(), text) == expected)
    }

    @Test(arguments: ["Follow @acme on social media.", "user@localhost is not mail", "Price @ 5 each"])
    func notEmails(text: String) {
        #expect(spans(EmailProtector(), text).isEmpty)
    }

    @Test(arguments: [
        ("Model No. XP-2000B is new.", ["XP-2000B"]),
        ("The KX-TG6821 phone and the SM-G991B.", ["KX-TG6821", "SM-G991B"]),
        ("Replaces WH1000XM5 (and A1B2C3).", ["WH1000XM5", "A1B2C3"]),
        ("Connect via RS-485 or DDR4 slots; rated IP68.", ["RS-485", "DDR4", "IP68"]),
        ("SKU: ABC-12345-X, part PN_4471A.", ["ABC-12345-X", "PN_4471A"]),
    ])
    func productCodes(text: String, expected: [String]) {
        #expect(spans(ProductCodeProtector(), text) == expected)
    }

    @Test(arguments: [
        "Input 100-240V, 50/60Hz, output 12V 5W.",
        "110V/60Hz only.",
        "It is 52 ft long and 3.5in wide.",
        "Now $1,299.00, was €1.499,00.",
        "Shipped 2024-05-01 at 10:30.",
        "Use an M8 bolt on A4 paper with 5G and MP3.",
        "Supports 1080P, 4K and 2000MAH packs (5V2A).",
        "USB-C, Wi-Fi and Type-C ports.",
        "Results for Q3-2024 and FY2025.",
        "The iPhone15 and Galaxy-S23 cases.",
        "Version v2.0 and 802.11ac.",
        "Größe XL und Ärmel",
        "A plain sentence without codes.",
    ])
    func notProductCodes(text: String) {
        #expect(spans(ProductCodeProtector(), text).isEmpty)
    }

    @Test func defaultProtectorsCoverAllThreeKinds() {
        let text = "Model XP-2000B: see https://acme.com/XP-2000B or mail help@acme.com."
        let found = Protectors.defaultProtectors.flatMap { $0.protectedSpans(in: text) }
        #expect(Set(found.map(\.subType)) == ["l10n:url", "l10n:email", "l10n:sku"])
    }

    @Test func documentBuilderKeepsTheURLWhole() throws {
        // The SKU inside the URL overlaps it; the builder keeps the earlier, longer URL span.
        let text = "See https://acme.com/XP-2000B now."
        let builder = DocumentBuilder(protectors: Protectors.defaultProtectors)
        let bytes = Array(text.utf8)
        let doc = try builder.build(
            original: "t.txt", format: "text", bytes: .init(bytes), sourceLanguage: "en",
            drafts: [UnitDraft(pieces: [.text(text, bytes: 0..<bytes.count, verbatim: true)])])
        let codes = doc.units.flatMap { $0.segments }.flatMap { $0.source.codes }
        #expect(codes.map(\.subType) == ["l10n:url"])
        #expect(codes.first?.data == "https://acme.com/XP-2000B")
    }
}
