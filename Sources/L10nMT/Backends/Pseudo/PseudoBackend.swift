import L10nCore

/// Deterministic pseudo-localization: accented letters, about 30% longer, in brackets.
///
/// It proves, without any MT engine or network, that every translatable string is reached,
/// that translated text goes back with all markup intact, and that layouts survive longer text.
/// Codes (markup, protected URLs and model numbers) are never touched.
public struct PseudoBackend: TranslationBackend {
    public static let descriptor = BackendDescriptor(
        id: "pseudo", displayName: "Pseudo-localization",
        summary: "Accents, ~30% expansion and brackets; offline and deterministic.",
        limits: .unlimited, supportsInlineCodes: true)

    /// How much longer the result is than the source text, as a fraction.
    public var expansion: Double

    public init(expansion: Double = 0.3) {
        self.expansion = expansion
    }

    public var descriptor: BackendDescriptor { Self.descriptor }

    public func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        try Task.checkCancellation()
        return batch.map { .translated(pseudoLocalize($0.source)) }
    }

    /// The pseudo-localized form of `content`.
    public func pseudoLocalize(_ content: Content) -> Content {
        let letters = content.plainText.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        guard letters > 0 else { return content }
        var runs = content.mapText(Self.accented).runs
        let padding = Int((Double(letters) * expansion).rounded(.up))
        runs.insert(.text("["), at: 0)
        runs.append(.text(Self.padding(padding) + "]"))
        return Content(runs)
    }

    static func padding(_ count: Int) -> String {
        guard count > 0 else { return "" }
        let pattern = Array(" ·ĺőŕéḿ")
        return String((0..<count).map { pattern[$0 % pattern.count] })
    }

    static func accented(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let mapped = accentMap[scalar] { out.append(mapped) } else { out.append(scalar) }
        }
        return String(out)
    }

    private static let accentMap: [Unicode.Scalar: Unicode.Scalar] = {
        let plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
        let fancy = "àƀçđéƒĝĥîĵķĺḿñőþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹḾÑŐÞǪŔŠŢÛṼŴẊÝŽ"
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (p, f) in zip(plain.unicodeScalars, fancy.unicodeScalars) { map[p] = f }
        return map
    }()
}
