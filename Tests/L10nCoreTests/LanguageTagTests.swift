import Foundation
import L10nCore
import L10nTestSupport
import Testing

@Suite struct LanguageTagTests {
    /// The Foundation-based parser the byte parser replaced: the two must agree on every input.
    static func reference(_ string: String) -> String? {
        let parts = string.replacingOccurrences(of: "_", with: "-").split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        var out = [first.lowercased()]
        for part in parts.dropFirst() {
            guard (1...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
            if part.count == 2, part.allSatisfy(\.isLetter) { out.append(part.uppercased()) }
            else if part.count == 4, part.allSatisfy(\.isLetter) { out.append(part.prefix(1).uppercased() + part.dropFirst().lowercased()) }
            else { out.append(part.lowercased()) }
        }
        return out.joined(separator: "-")
    }

    @Test(arguments: ["en", "EN-us", "pt_br", "zh-hans-cn", "sr-LATN-rs", "de-CH-1996", "es-419", "x", "", "-", "en-", "-en",
                      "en--US", "en_US_posix", "toolongxx", "abcdefgh-12345678", "abcdefgh-123456789", "e1", "en-ÜS", "én",
                      "en\r\nUS", "en-u-ca-gregory", "*all*", "en US", "en-@", "ja-JP-x-kana", "iw", "zz-ZZ-Zzzz", "i-klingon"])
    func canonicalFormsMatchTheReference(_ input: String) {
        #expect(LanguageTag(input)?.rawValue == Self.reference(input))
    }

    @Test func randomInputsMatchTheReference() {
        let alphabet = Array("aAzZeEnN09-_ é\u{301}@".unicodeScalars)
        var random = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let input = random.string(from: alphabet, maxLength: 15)
            #expect(LanguageTag(input)?.rawValue == Self.reference(input), "\(input.debugDescription)")
        }
    }
}
