import L10nCore

extension Content {
    /// The text runs' characters with their offsets in ``readableText``; each code stands as one
    /// U+FFFC, so a protected span (a model number's digits) neither counts nor joins its
    /// neighbours, while offsets still point into the text a reviewer reads.
    var textWithReadableOffsets: [(Character, Int)] {
        var out: [(Character, Int)] = []
        var offset = 0
        for run in runs {
            switch run {
            case .text(let t):
                if Graphemes.allStandalone(t) {
                    for scalar in t.unicodeScalars { out.append((Character(scalar), offset)); offset += 1 }
                } else {
                    for c in t { out.append((c, offset)); offset += 1 }
                }
            case .code(let c):
                out.append(("\u{FFFC}", offset))
                if c.isProtectedText, let e = c.equiv { offset += Graphemes.count(e) }
            }
        }
        return out
    }
}
