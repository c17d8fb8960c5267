/// Where a segment's target came from, and how good a match it was.
///
/// Carried into XLIFF (XLIFF 2 `subState`, XLIFF 1.2 `state-qualifier`) and into the report, so a
/// reviewer knows which targets a person wrote, which a memory supplied, and which a machine.
public struct Provenance: Hashable, Sendable, Codable {
    /// The kind of source of a target.
    public enum Origin: Hashable, Sendable, Codable, CustomStringConvertible {
        /// A translator wrote or approved it (read back from a translated XLIFF).
        case human
        /// A translation memory match.
        case memory
        /// A machine-translation backend, by its id (`pseudo`, `deepl`).
        case machine(backend: String)
        /// The (adapted) source itself, for a target in the source's language (en-US → en-GB).
        case source

        /// The stable spelling used in XLIFF and reports: `human`, `tm`, `mt:<backend>`, `source`.
        public var description: String {
            switch self {
            case .human: return "human"
            case .memory: return "tm"
            case .machine(let backend): return "mt:\(backend)"
            case .source: return "source"
            }
        }

        public init?(_ text: String) {
            switch text {
            case "human": self = .human
            case "tm": self = .memory
            case "source": self = .source
            default:
                guard text.hasPrefix("mt:"), text.count > 3 else { return nil }
                self = .machine(backend: String(text.dropFirst(3)))
            }
        }

        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let origin = Origin(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown origin '\(text)'"))
            }
            self = origin
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(description)
        }
    }

    public var origin: Origin
    /// Match quality in percent for memory matches: 100 exact, 101 exact in the same context,
    /// below 100 fuzzy. Nil where it means nothing (machine, human).
    public var matchQuality: Int?

    public init(origin: Origin, matchQuality: Int? = nil) {
        self.origin = origin
        self.matchQuality = matchQuality
    }

    /// Made by pseudo-localization (the `pseudo` backend): accented words, padding and brackets
    /// on purpose, not a translation to judge as language.
    public var isPseudoLocalization: Bool { origin == .machine(backend: "pseudo") }

    /// `tm-101`, `mt-pseudo`, `human`, `source`: one token, for XLIFF attributes that take one.
    public var token: String {
        switch origin {
        case .memory: return matchQuality.map { "tm-\($0)" } ?? "tm"
        case .machine(let backend): return "mt-\(backend)"
        case .human, .source: return origin.description
        }
    }

    /// Reads ``token`` back.
    public init?(token: String) {
        if token == "tm" { self.init(origin: .memory); return }
        if token.hasPrefix("tm-"), let q = Int(token.dropFirst(3)) { self.init(origin: .memory, matchQuality: q); return }
        if token.hasPrefix("mt-"), token.count > 3 { self.init(origin: .machine(backend: String(token.dropFirst(3)))); return }
        if token == "human" { self.init(origin: .human); return }
        if token == "source" { self.init(origin: .source); return }
        return nil
    }
}
