import Foundation
import L10nCore
import L10nText

/// A segment as the matcher sees it: words cut at ICU word boundaries and normalized (case
/// folded; whitespace and punctuation set aside), numbers kept apart, codes reduced to their
/// kind and original markup (ids are numbered per unit, so they never count).
public struct MatchText: Hashable, Sendable {
    /// Case-folded words and numbers, in order: what the edit distance runs over.
    public var words: [String]
    /// The same with every number as `#`: equal shapes mean only numbers differ.
    public var shapes: [String]
    /// The numbers as written, in order.
    public var numbers: [String]
    /// Each word as written (case kept), for the case penalty.
    public var written: [String]
    /// The punctuation, in order, for the punctuation penalty.
    public var punctuation: String
    /// `kind:data` of each code, in order.
    public var codes: [String]

    public init(_ content: Content, language: LanguageTag) {
        let breaker = Self.breaker(for: language)
        var words: [String] = [], shapes: [String] = [], numbers: [String] = [], written: [String] = []
        var punctuation: [UInt8] = [], codes: [String] = []
        for run in content.runs {
            switch run {
            case .code(let c):
                codes.append(c.kind.rawValue + ":" + c.data)
            case .text(let t):
                let pieces = breaker.pieces(of: t)
                words.reserveCapacity(words.count + pieces.count / 2 + 1)
                shapes.reserveCapacity(shapes.count + pieces.count / 2 + 1)
                written.reserveCapacity(written.count + pieces.count / 2 + 1)
                for piece in pieces {
                    let kind = Self.kind(of: piece)
                    guard kind != .punctuation else {
                        Self.appendPunctuation(of: piece, to: &punctuation)
                        continue
                    }
                    let word = String(piece)
                    written.append(word)
                    Self.add(word, isNumber: kind == .number, words: &words, shapes: &shapes, numbers: &numbers)
                }
            }
        }
        self.words = words
        self.shapes = shapes
        self.numbers = numbers
        self.written = written
        self.punctuation = String(decoding: punctuation, as: UTF8.self)
        self.codes = codes
    }

    /// The piece's characters but whitespace, as UTF-8 (ASCII decided on bytes).
    private static func appendPunctuation(of piece: Substring, to out: inout [UInt8]) {
        if piece.utf8.allSatisfy({ $0 < 0x80 }) {
            for b in piece.utf8 where !(b == 0x20 || (0x09...0x0D).contains(b)) { out.append(b) }
            return
        }
        for c in piece.unicodeScalars where !c.properties.isWhitespace { out.append(contentsOf: String(c).utf8) }
    }

    /// A word's case folding. (ASCII without capitals is its own folding: most words of a text.)
    static func folded(_ word: String) -> String {
        word.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) ? word : word.lowercased()
    }

    // MARK: stored form

    /// The first byte of the compact stored form (a full form never starts with it: U+0002 is
    /// punctuation to the matcher, never a word).
    static let compactMark: UInt8 = 0x02

    /// The stored form, one string (fields split by U+001E, items by U+001F), kept with each unit
    /// so that scoring a candidate needs neither ICU nor the unit's JSON code table.
    ///
    /// Compact (since schema `v6-compact-match-text`): U+0002, then the written words, the
    /// punctuation and the codes; the words, shapes and numbers follow from the written words
    /// (``derived(_:)``), so they are not stored (they were half of a unit's row). The full form
    /// (words, shapes, numbers, written, punctuation, codes) is what older memories hold, and
    /// what a `MatchText` whose fields do not follow from its written words is stored as.
    public var serialized: String {
        var bytes: [UInt8] = []
        func append(_ items: [String]) {
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(0x1F) }
                bytes.append(contentsOf: item.utf8)
            }
        }
        let derived = Self.derived(written)
        if derived.words == words && derived.shapes == shapes && derived.numbers == numbers {
            bytes.reserveCapacity(written.reduce(0) { $0 + $1.utf8.count + 1 } + punctuation.utf8.count + 16)
            bytes.append(Self.compactMark)
        } else {
            bytes.reserveCapacity(4 * written.reduce(0) { $0 + $1.utf8.count + 1 } + punctuation.utf8.count + 16)
            append(words); bytes.append(0x1E)
            append(shapes); bytes.append(0x1E)
            append(numbers); bytes.append(0x1E)
        }
        append(written); bytes.append(0x1E)
        bytes.append(contentsOf: punctuation.utf8); bytes.append(0x1E)
        append(codes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The words, shapes and numbers of the written words, as ``init(_:language:)`` makes them:
    /// a number is its own word and shape `#`, another word is folded (``folded(_:)``).
    static func derived(_ written: [String]) -> (words: [String], shapes: [String], numbers: [String]) {
        var words: [String] = [], shapes: [String] = [], numbers: [String] = []
        words.reserveCapacity(written.count)
        shapes.reserveCapacity(written.count)
        for word in written { add(word, isNumber: kind(of: word[...]) == .number, words: &words, shapes: &shapes, numbers: &numbers) }
        return (words, shapes, numbers)
    }

    /// One written word into the matcher's lists: a number is its own word and shape `#`,
    /// another word is folded.
    @inline(__always)
    private static func add(_ word: String, isNumber: Bool, words: inout [String], shapes: inout [String], numbers: inout [String]) {
        if isNumber {
            words.append(word)
            shapes.append("#")
            numbers.append(word)
        } else {
            let foldedWord = Self.folded(word)
            words.append(foldedWord)
            shapes.append(foldedWord)
        }
    }

    /// Reads either stored form (``serialized``); nil when it is neither.
    public init?(serialized: String) {
        func items(_ field: Substring) -> [String] {
            field.isEmpty ? [] : field.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        }
        if serialized.utf8.first == Self.compactMark {
            let fields = serialized[serialized.utf8.index(after: serialized.startIndex)...]
                .split(separator: "\u{1E}", omittingEmptySubsequences: false)
            guard fields.count == 3 else { return nil }
            written = items(fields[0])
            punctuation = String(fields[1])
            codes = items(fields[2])
            (words, shapes, numbers) = Self.derived(written)
            return
        }
        let fields = serialized.split(separator: "\u{1E}", omittingEmptySubsequences: false).map(items)
        guard fields.count == 6, fields[0].count == fields[1].count, fields[0].count == fields[3].count else { return nil }
        (words, shapes, numbers, written, codes) = (fields[0], fields[1], fields[2], fields[3], fields[5])
        punctuation = fields[4].first ?? ""
    }

    /// The words of a stored form (``serialized``), without parsing the rest: the edit distance a
    /// candidate is first ranked by. Views into it, but for a compact form's words with capitals
    /// (their folding).
    public static func words(ofSerialized serialized: String) -> [Substring] {
        if serialized.utf8.first == compactMark {
            let body = serialized[serialized.utf8.index(after: serialized.startIndex)...]
            let end = body.firstIndex(of: "\u{1E}") ?? body.endIndex
            guard end > body.startIndex else { return [] }
            return body[..<end].split(separator: "\u{1F}", omittingEmptySubsequences: false).map { word in
                // ASCII without capitals, and any number, is its own word.
                if word.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) || kind(of: word) == .number { return word }
                return Substring(String(word).lowercased())
            }
        }
        let end = serialized.firstIndex(of: "\u{1E}") ?? serialized.endIndex
        guard end > serialized.startIndex else { return [] }
        return serialized[..<end].split(separator: "\u{1F}", omittingEmptySubsequences: false)
    }

    /// The terms of the candidate index: distinct non-number words, with the language pair, so
    /// that a lookup reads only postings of units it could return.
    public func indexTerms(from source: LanguageTag, to target: LanguageTag) -> Set<Int64> {
        Set(indexTermList(from: source, to: target))
    }

    /// ``indexTerms(from:to:)`` ascending, each once: what a store writes (no hashed set per unit).
    func indexTermList(from source: LanguageTag, to target: LanguageTag) -> [Int64] {
        let pair = Self.pairState(from: source, to: target)
        var terms: [Int64] = []
        terms.reserveCapacity(shapes.count)
        for shape in shapes where shape != "#" { terms.append(Int64(bitPattern: FNV1a.hash(shape, continuing: pair))) }
        Self.sortDistinct(&terms)
        return terms
    }

    /// `terms` ascending, each once, in place (a store writes the list; no hashed set per unit).
    static func sortDistinct(_ terms: inout [Int64]) {
        terms.sort()
        var kept = 0
        for i in terms.indices where i == 0 || terms[i] != terms[kept - 1] {
            terms[kept] = terms[i]
            kept += 1
        }
        terms.removeLast(terms.count - kept)
    }

    static func term(_ word: String, from source: LanguageTag, to target: LanguageTag) -> Int64 {
        Int64(bitPattern: FNV1a.hash(word, continuing: pairState(from: source, to: target)))
    }

    /// The hash state after the language pair, which every term of a pair starts with.
    /// (Hashed tag by tag: the hash of `source + U+0001 + target + U+0001`, without the string.)
    static func pairState(from source: LanguageTag, to target: LanguageTag) -> UInt64 {
        let afterSource = FNV1a.hash(byte: 1, continuing: FNV1a.hash(source.rawValue))
        return FNV1a.hash(byte: 1, continuing: FNV1a.hash(target.rawValue, continuing: afterSource))
    }

    /// What a word-break piece is to the matcher.
    enum PieceKind { case punctuation, number, word }

    /// A piece without letters or digits is punctuation (or space); one made only of digits and
    /// the separators numbers use (`100`, `3.5`, `1,000`, `-20`) is a number; the rest are words.
    /// ASCII, nearly every piece of product copy, is decided on bytes.
    static func kind(of piece: Substring) -> PieceKind {
        if let kind = asciiKind(of: piece.utf8) { return kind }
        let scalars = piece.unicodeScalars
        guard scalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { return .punctuation }
        return isNumber(piece) ? .number : .word
    }

    /// ``kind(of:)`` of an all-ASCII piece given as bytes; nil when a byte is not ASCII.
    @inline(__always)
    static func asciiKind<Bytes: Sequence<UInt8>>(of bytes: Bytes) -> PieceKind? {
        var alphanumeric = false, digit = false, numberLike = true
        for b in bytes {
            guard b < 0x80 else { return nil }
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): alphanumeric = true; digit = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): alphanumeric = true; numberLike = false
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "'"): break
            default: numberLike = false
            }
        }
        return !alphanumeric ? .punctuation : (numberLike && digit ? .number : .word)
    }

    /// A word made only of digits and the separators numbers use (`100`, `3.5`, `1,000`, `-20`).
    static func isNumber(_ s: Substring) -> Bool {
        var digit = false
        for c in s.unicodeScalars {
            if c.properties.numericType != nil { digit = true; continue }
            if c != "." && c != "," && c != "-" && c != "'" { return false }
        }
        return digit
    }

    // MARK: keys

    /// Text plus each code's kind and original markup, ids left out: equal for an exact match.
    public static func fingerprint(_ content: Content) -> String {
        var s = ""
        for run in content.runs {
            switch run {
            case .text(let t): s += t
            case .code(let c): s += "\u{E000}\(c.kind.rawValue):\(c.data)\u{E001}"
            }
        }
        return s
    }

    /// The key of an exact match, stored with each unit (64-bit FNV-1a of the fingerprint, hex).
    /// (Hashed run by run: the hash of the fingerprint, without building it.)
    public static func exactKey(_ content: Content) -> String {
        var h = FNV1a.offsetBasis
        for run in content.runs {
            switch run {
            case .text(let t): h = FNV1a.hash(t, continuing: h)
            case .code(let c):
                h = FNV1a.hash("\u{E000}", continuing: h)
                h = FNV1a.hash(c.kind.rawValue, continuing: h)
                h = FNV1a.hash(":", continuing: h)
                h = FNV1a.hash(c.data, continuing: h)
                h = FNV1a.hash("\u{E001}", continuing: h)
            }
        }
        return FNV1a.hex(h)
    }

    /// The key of a number-substituted match: the shapes and codes.
    /// (The joined string is hashed piece by piece: the same key, without building it.)
    public var shapeKey: String {
        let shapesHashed = FNV1a.hash(shapes, separator: " ", continuing: FNV1a.offsetBasis)
        return FNV1a.hex(FNV1a.hash(codes, separator: "\u{1}", continuing: FNV1a.hash("\u{1}", continuing: shapesHashed)))
    }

    /// What identifies a neighbouring segment for in-context matches.
    public static func contextHash(_ content: Content) -> String { exactKey(content) }

    // MARK: word breakers

    private static let breakers = BreakerCache()

    static func breaker(for language: LanguageTag) -> ICUWordBreaker { breakers.breaker(for: language) }
}

/// One word breaker per language, opened on first use and shared.
private final class BreakerCache: @unchecked Sendable {
    // @unchecked: `breakers` is only touched while holding `lock`; ICUWordBreaker is Sendable.
    private let lock = NSLock()
    /// By the whole tag (no parsing per segment); tags of one language share their breaker.
    private var breakers: [String: ICUWordBreaker] = [:]

    func breaker(for tag: LanguageTag) -> ICUWordBreaker {
        lock.lock()
        defer { lock.unlock() }
        if let b = breakers[tag.rawValue] { return b }
        let language = tag.language
        let b = breakers[language] ?? ICUWordBreaker(locale: language)
        breakers[language] = b
        breakers[tag.rawValue] = b
        return b
    }
}
