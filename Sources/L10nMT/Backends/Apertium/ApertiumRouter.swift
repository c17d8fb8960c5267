import L10nCore

/// Which installed modes take text from one BCP 47 language to another: a direct mode when
/// there is one, else two through a pivot language (en → es → pt-BR; Debian 12 has no eng-por).
/// On the last hop a mode for the target's region (`es-pt_BR` for pt-BR) beats the plain one;
/// a mode for another variant (`eng-cat_valencia`, `cat-eng_US` for en-GB) is never picked.
public struct ApertiumRouter: Hashable, Sendable {
    public var modes: [ApertiumMode]

    public init(modes: [ApertiumMode]) {
        self.modes = modes.sorted { $0.name < $1.name }
    }

    /// The modes to run in order, or nil when no route of at most two hops exists.
    public func route(from source: LanguageTag, to target: LanguageTag) -> [ApertiumMode]? {
        let from = source.language, to = target.language
        guard from != to else { return nil }
        if let direct = last(from: from, to: target) { return [direct] }
        // Through a pivot: plain modes only on the first hop, the shortest names first (stable).
        for first in modes where first.source == from && first.variant == nil && first.target != to {
            if let second = last(from: first.target, to: target) { return [first, second] }
        }
        return nil
    }

    /// Every pair a route exists for, by primary subtag (for the descriptor).
    public var pairs: [LanguagePair] {
        let languages = Set(modes.flatMap { [$0.source, $0.target] }).sorted()
        var pairs: [LanguagePair] = []
        for s in languages {
            for t in languages where s != t {
                if let source = LanguageTag(s), let target = LanguageTag(t), route(from: source, to: target) != nil {
                    pairs.append(LanguagePair(s, t))
                }
            }
        }
        return pairs
    }

    private func last(from source: String, to target: LanguageTag) -> ApertiumMode? {
        let candidates = modes.filter { $0.source == source && $0.target == target.language }
        if let region = target.region, let exact = candidates.first(where: { $0.variant?.uppercased() == region.uppercased() }) {
            return exact
        }
        return candidates.first { $0.variant == nil }
    }
}
