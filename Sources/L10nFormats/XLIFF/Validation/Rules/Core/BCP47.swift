/// Well-formedness of BCP 47 language tags (RFC 5646 §2.1 syntax). `xs:language` accepts
/// `e` or `abcdefgh-x`; XLIFF requires real BCP 47 tags.
enum BCP47 {
    private static let irregular: Set<String> = [
        "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
        "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de",
    ]

    static func isWellFormed(_ tag: String) -> Bool {
        let lower = tag.lowercased()
        if irregular.contains(lower) { return true }
        let parts = lower.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return false }
        if first == "x" { return isPrivateUse(parts.dropFirst()) }
        guard first.allSatisfy(\.isLetter), (2...8).contains(first.count) else { return false }
        var i = 1
        if first.count <= 3 {
            // Up to three extended language subtags.
            var extlangs = 0
            while i < parts.count, parts[i].count == 3, parts[i].allSatisfy(\.isLetter), extlangs < 3 { i += 1; extlangs += 1 }
        }
        if i < parts.count, parts[i].count == 4, parts[i].allSatisfy(\.isLetter) { i += 1 }  // script
        if i < parts.count, (parts[i].count == 2 && parts[i].allSatisfy(\.isLetter)) || (parts[i].count == 3 && parts[i].allSatisfy(\.isNumber)) {
            i += 1  // region
        }
        var variants = Set<String>()
        while i < parts.count, isVariant(parts[i]) {
            guard variants.insert(parts[i]).inserted else { return false }
            i += 1
        }
        var singletons = Set<String>()
        while i < parts.count, parts[i].count == 1, parts[i] != "x" {
            guard singletons.insert(parts[i]).inserted else { return false }
            i += 1
            let start = i
            while i < parts.count, (2...8).contains(parts[i].count) { i += 1 }
            guard i > start else { return false }
        }
        if i < parts.count, parts[i] == "x" { return isPrivateUse(parts[(i + 1)...]) }
        return i == parts.count
    }

    private static func isVariant(_ s: String) -> Bool {
        (5...8).contains(s.count) || (s.count == 4 && s.first!.isNumber)
    }

    private static func isPrivateUse(_ parts: ArraySlice<String>) -> Bool {
        !parts.isEmpty && parts.allSatisfy { (1...8).contains($0.count) }
    }

    /// XPath `lang()`: `tag` is `range` or a sub-tag of it (`en-IE` matches `en`), ignoring case.
    static func matches(_ tag: String, range: String) -> Bool {
        let t = tag.lowercased(), r = range.lowercased()
        return t == r || t.hasPrefix(r + "-")
    }
}
