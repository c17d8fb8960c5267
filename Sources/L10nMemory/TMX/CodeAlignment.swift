import L10nCore

/// Gives a target's inline codes the ids of the source codes they stand for.
///
/// TMX numbers `<bpt i="…">` within each `<tuv>`, so the source's code 1 need not be the target's
/// code 1; the memory maps target codes onto the query's by the source's ids. A target code takes
/// the id of the first unused source code of the same kind with the same markup, else of the same
/// kind; a closing code follows its opening one. Codes with no counterpart keep a `t`-prefixed id
/// (the translation added markup; such a unit is not reused with codes).
enum CodeAlignment {
    static func align(_ target: Content, to source: Content) -> Content {
        // No codes in the target: nothing to renumber (the runs are already normal).
        guard target.runs.contains(where: { if case .code = $0 { true } else { false } }) else { return target }
        var unused = source.codes
        var pairs: [String: String] = [:]
        func take(_ code: InlineCode) -> String? {
            let index = unused.firstIndex { $0.kind == code.kind && $0.data == code.data } ?? unused.firstIndex { $0.kind == code.kind }
            guard let index else { return nil }
            return unused.remove(at: index).id
        }
        var runs: [Content.Run] = []
        for run in target.runs {
            guard case .code(var code) = run else { runs.append(run); continue }
            switch code.kind {
            case .open, .standalone:
                let id = take(code) ?? "t" + code.id
                pairs[code.id] = id
                code.id = id
            case .close:
                let id = pairs[code.id] ?? take(code) ?? "t" + code.id
                if let i = unused.firstIndex(where: { $0.kind == .close && $0.id == id }) { unused.remove(at: i) }
                code.id = id
            }
            runs.append(.code(code))
        }
        return Content(runs)
    }
}
