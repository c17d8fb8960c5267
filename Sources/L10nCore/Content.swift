/// Text with inline codes: the source or target of a segment.
public struct Content: Hashable, Sendable, Codable {
    public enum Run: Hashable, Sendable, Codable {
        case text(String)
        /// Boxed: a code is ~100 bytes inline, text 16, and most runs are text; unboxed, every run
        /// of every segment would be as wide as a code.
        indirect case code(InlineCode)
    }

    public var runs: [Run]

    public init(_ runs: [Run] = []) {
        self.runs = Content.normalized(runs)
    }

    /// Runs a builder already made normal (no empty text, no two texts in a row): no second pass.
    /// Equal content must have equal runs, so callers guarantee it.
    public init(normalRuns runs: [Run]) {
        self.runs = runs
    }

    public init(text: String) {
        self.init(text.isEmpty ? [] : [.text(text)])
    }

    /// The text alone, codes dropped. What a spell checker or an MT engine without tag support sees.
    public var plainText: String {
        var s = ""
        for run in runs { if case .text(let t) = run { s += t } }
        return s
    }

    /// The text with each protected span's own text in place of its code; other codes dropped.
    public var readableText: String {
        var s = ""
        for run in runs {
            switch run {
            case .text(let t): s += t
            case .code(let c): if c.isProtectedText, let e = c.equiv { s += e }
            }
        }
        return s
    }

    public var codes: [InlineCode] {
        runs.compactMap { if case .code(let c) = $0 { return c } else { return nil } }
    }

    public var isEmpty: Bool { runs.isEmpty }

    /// True when the content holds no text but whitespace (codes allowed).
    public var isBlank: Bool { plainText.allSatisfy(\.isWhitespace) }

    /// Applies `transform` to every text run, leaving codes untouched.
    public func mapText(_ transform: (String) -> String) -> Content {
        Content(runs.map { run in
            if case .text(let t) = run { return .text(transform(t)) }
            return run
        })
    }

    /// Adjacent text runs merged, empty ones dropped, so equal content compares equal.
    static func normalized(_ runs: [Run]) -> [Run] {
        var out: [Run] = []
        out.reserveCapacity(runs.count)
        for run in runs {
            if case .text(let t) = run {
                if t.isEmpty { continue }
                if case .text(let prev)? = out.last {
                    out[out.count - 1] = .text(prev + t)
                    continue
                }
            }
            out.append(run)
        }
        return out
    }
}

extension Content: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(text: value) }
}
