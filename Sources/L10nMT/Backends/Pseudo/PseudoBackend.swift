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

    /// The pseudo-localized form of `content`. The brackets go inside the whitespace at its
    /// edges (`<br/>⏎[Ŵàŕŕàñţý…]`), so the target starts and ends with the whitespace the source
    /// does, as a translation must: QA's `whitespace.edges` would flag it otherwise.
    public func pseudoLocalize(_ content: Content) -> Content {
        let letters = content.plainText.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        guard letters > 0 else { return content }
        var runs = content.mapText(Self.accented).runs
        let padding = Int((Double(letters) * expansion).rounded(.up))
        let (open, openSplit) = Self.edge(of: runs, leading: true)
        let (close, closeSplit) = Self.edge(of: runs, leading: false)
        // The closing side first, so the opening side's indexes still hold.
        Self.insert(Self.padding(padding) + "]", at: close, split: closeSplit, leading: false, into: &runs)
        Self.insert("[", at: open, split: openSplit, leading: true, into: &runs)
        return Content(runs)
    }

    /// Where a bracket goes: past the edge's whitespace (whitespace text, and the markup codes
    /// among it). With `split` 0, `index` is where to insert it among the runs; otherwise the
    /// whitespace ends inside text run `index`, and `split` of its characters (its first when
    /// `leading`, its last otherwise) stay outside the bracket. An edge without whitespace gets
    /// it at the very start or end.
    private static func edge(of runs: [Content.Run], leading: Bool) -> (index: Int, split: Int) {
        let outermost = leading ? 0 : runs.count
        var sawSpace = false
        for i in leading ? Array(runs.indices) : runs.indices.reversed() {
            switch runs[i] {
            case .code(let c):
                guard c.isProtectedText else { continue }  // markup: look past it
                return sawSpace ? (leading ? i : i + 1, 0) : (outermost, 0)
            case .text(let t):
                let space = leading ? t.prefix(while: \.isWhitespace).count : t.reversed().prefix(while: \.isWhitespace).count
                if space == t.count { sawSpace = true; continue }
                if space > 0 { return (i, space) }
                return sawSpace ? (leading ? i : i + 1, 0) : (outermost, 0)
            }
        }
        return (outermost, 0)
    }

    /// `text` put where ``edge(of:leading:)`` said.
    private static func insert(_ text: String, at index: Int, split: Int, leading: Bool, into runs: inout [Content.Run]) {
        guard split > 0, case .text(let t) = runs[index] else {
            runs.insert(.text(text), at: index)
            return
        }
        let cut = leading ? t.index(t.startIndex, offsetBy: split) : t.index(t.endIndex, offsetBy: -split)
        runs.replaceSubrange(index...index, with: [.text(String(t[..<cut])), .text(text), .text(String(t[cut...]))])
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
