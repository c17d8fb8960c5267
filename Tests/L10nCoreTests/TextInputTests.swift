import Foundation
import L10nCore
import Testing

@Suite struct TextInputTests {
    @Test(arguments: [
        ([0x61, 0x0A, 0x62, 0xC3, 0x28], 3, 2),       // lead byte without its continuation, line 2
        ([0xED, 0xA0, 0x80], 0, 1),                   // UTF-16 surrogate encoded in UTF-8
        ([0x61, 0xF8, 0x88, 0x80, 0x80, 0x80], 1, 1), // 5-byte form
        ([0x61, 0xC0, 0xAF], 1, 1),                   // overlong
        ([0x61, 0xE2, 0x82], 1, 1),                   // truncated at the end
    ] as [([UInt8], Int, Int)])
    func invalidUTF8IsLocated(bytes: [UInt8], offset: Int, line: Int) throws {
        let error = try #require(throws: FormatError.self) { try TextInput.decodeUTF8(Data(bytes), file: "f.md") }
        #expect(error.code == .invalidEncoding)
        #expect(error.location?.byteOffset == offset)
        #expect(error.location?.line == line)
        #expect(error.description.hasPrefix("f.md:\(line):"))
    }

    @Test func emptyBinaryAndUTF16AreRefused() {
        #expect((try? TextInput.decodeUTF8(Data(), file: "e")) == nil)
        #expect(throws: FormatError.self) { try TextInput.decodeUTF8(Data([0x61, 0x00, 0x62]), file: "b") }
        #expect(throws: FormatError.self) { try TextInput.decodeUTF8(Data([0xFF, 0xFE, 0x61, 0x00]), file: "u") }
    }

    @Test func validUTF8PassesIncludingFourByteForms() throws {
        let text = "Preço: R$ 1.299,00 — 😀 ✓"
        #expect(try TextInput.decodeUTF8(Data(text.utf8), file: "ok") == text)
    }

    @Test func languageTagsAreCanonicalized() {
        #expect(LanguageTag("pt_br")?.rawValue == "pt-BR")
        #expect(LanguageTag("zh-hans-cn")?.rawValue == "zh-Hans-CN")
        #expect(LanguageTag("pt-BR")?.region == "BR")
        #expect(LanguageTag("es-419")?.region == "419")
        #expect(LanguageTag("x") == nil)
        #expect(LanguageTag("en--US") == nil)
    }
}
