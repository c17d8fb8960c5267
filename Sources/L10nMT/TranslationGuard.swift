import L10nCore

/// The checks every machine translation passes before it becomes a target, whatever engine made
/// it: each inline code of the source exactly once and unchanged (protected spans — URLs,
/// e-mail addresses, model numbers — are codes, so they are covered), pairs properly nested,
/// and the same numbers as the (adapted) source. An engine that drops a tag or rewrites a figure
/// produces broken markup or wrong specs; such a segment is retried, then left untranslated.
public enum TranslationGuard {
    /// Nil when `target` may replace `source`, else why not (never quoting segment text).
    public static func problem(source: Content, target: Content) -> String? {
        if let codes = codeProblem(source: source.codes, target: target.codes) { return codes }
        let expected = numbers(in: source.plainText), actual = numbers(in: target.plainText)
        if expected.sorted() != actual.sorted() {
            return "numbers changed (\(expected.count) in the source, \(actual.count) in the translation\(expected.count == actual.count ? ", different digits" : ""))"
        }
        return nil
    }

    static func codeProblem(source: [InlineCode], target: [InlineCode]) -> String? {
        struct Key: Hashable { var kind: InlineCode.Kind; var id: String }
        var expected: [Key: InlineCode] = [:]
        for code in source { expected[Key(kind: code.kind, id: code.id)] = code }
        var seen: Set<Key> = []
        var open: [String] = []
        for code in target {
            let key = Key(kind: code.kind, id: code.id)
            guard let original = expected[key] else { return "an inline code the source does not have (\(code.kind.rawValue) \(code.id))" }
            guard original == code else { return "inline code \(code.id) changed" }
            guard seen.insert(key).inserted else { return "inline code \(code.id) appears twice" }
            switch code.kind {
            case .open where !code.isolated:
                open.append(code.id)
            case .close where !code.isolated:
                // A close whose open is in this segment must end the innermost open pair.
                if expected[Key(kind: .open, id: code.id)] != nil {
                    guard open.last == code.id else {
                        return open.contains(code.id) ? "inline codes \(code.id) badly nested" : "inline code \(code.id) closes before it opens"
                    }
                    open.removeLast()
                }
            default:
                break
            }
        }
        if let missing = source.first(where: { !seen.contains(Key(kind: $0.kind, id: $0.id)) }) {
            return "inline code \(missing.id) lost"
        }
        return nil
    }

    /// The digit runs of `text`, in order; separators may change (3,500 ↔ 3.500 ↔ 3 500) but
    /// the digits may not.
    static func numbers(in text: String) -> [String] {
        var out: [String] = [], current = ""
        for c in text {
            if c.isASCII, c.isNumber { current.append(c) } else if !current.isEmpty { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
