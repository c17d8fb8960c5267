import L10nCore

/// XLIFF 1.2 `state-qualifier` (on `<target>`) ↔ ``Provenance``.
///
/// 1.2 has one qualifier per `<target>`, so a unit whose segments came from different places
/// gets none. Written with the standard values CAT tools know where one fits: memory matches →
/// `exact-match` (100 and up) or `fuzzy-match`, machine translation → `leveraged-mt`; the rest as
/// `x-l10n-<token>`. Read back: `x-l10n-…` exactly; the standard values as far as they say
/// (`leveraged-mt` names no backend, so it reads as `mt:unknown`).
extension Provenance {
    static func xliff12Qualifier(of provenances: [Provenance?]) -> String? {
        guard let first = provenances.first, let p = first, provenances.allSatisfy({ $0 == p }) else { return nil }
        switch p.origin {
        case .memory: return p.matchQuality.map { $0 >= 100 ? "exact-match" : "fuzzy-match" } ?? "leveraged-tm"
        case .machine: return "leveraged-mt"
        case .human, .source: return "x-l10n-" + p.token
        }
    }

    init?(xliff12Qualifier value: String) {
        if value.hasPrefix("x-l10n-") {
            self.init(token: String(value.dropFirst(7)))
            return
        }
        switch value {
        case "exact-match": self.init(origin: .memory, matchQuality: 100)
        case "fuzzy-match", "leveraged-tm": self.init(origin: .memory)
        case "leveraged-mt", "mt-suggestion": self.init(origin: .machine(backend: "unknown"))
        default: return nil
        }
    }
}
