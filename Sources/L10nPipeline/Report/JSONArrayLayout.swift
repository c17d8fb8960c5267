import Foundation

/// How a pretty-printing JSON writer lays out one array of a document: the bytes before the first
/// element (its indentation included), between two elements, and after the last. It is learnt
/// from the writer itself, by rendering the document with sentinel strings as the elements, so a
/// long array can be written an element at a time — each element cut out of a rendering of the
/// document with it alone in the array — and come out byte for byte as the writer would have
/// written the whole document. (Indentation depends only on depth, so the document may be a
/// skeleton with nothing else in it, as long as the array sits at the same depth.)
struct JSONArrayLayout: Sendable {
    let open: [UInt8]
    let separator: [UInt8]
    let close: [UInt8]

    /// The string put in the array to find where its elements go; a document never contains it
    /// quoted (`"…"`) but where it was put, since a quote inside a JSON string is escaped.
    static let sentinel = "l10n-json-array-element"

    /// `render` renders the document with the given strings as the array's elements.
    init(render: ([String]) throws -> Data) throws {
        let token = Self.token(Self.sentinel)
        let parts = try Self.split(try render([Self.sentinel]), at: [token])
        open = parts[0]
        close = parts[1]
        let two = Array(try render([Self.sentinel, Self.sentinel]))
        let lower = open.count + token.count, upper = two.count - close.count - token.count
        guard lower <= upper, two.starts(with: open + token), two[upper...].elementsEqual(token + close) else {
            throw Self.mismatch("two elements")
        }
        separator = Array(two[lower..<upper])
    }

    /// The element of a rendering of the document with that element alone in the array.
    func element(of rendered: Data) throws -> Data {
        let bytes = [UInt8](rendered)
        guard bytes.count >= open.count + close.count, bytes.starts(with: open), bytes[(bytes.count - close.count)...].elementsEqual(close) else {
            throw Self.mismatch("an element")
        }
        return Data(bytes[open.count..<(bytes.count - close.count)])
    }

    /// `string` as a JSON writer writes it when it needs no escaping: in quotes.
    static func token(_ string: String) -> [UInt8] {
        Array("\"\(string)\"".utf8)
    }

    /// `rendered` cut around each of `tokens`, which must occur in that order: `tokens.count + 1` parts.
    static func split(_ rendered: Data, at tokens: [[UInt8]]) throws -> [[UInt8]] {
        let bytes = [UInt8](rendered)
        var parts: [[UInt8]] = []
        var rest = bytes[...]
        for token in tokens {
            guard let range = rest.firstRange(of: token) else { throw mismatch("a sentinel") }
            parts.append(Array(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(Array(rest))
        return parts
    }

    private static func mismatch(_ what: String) -> PipelineError {
        PipelineError(.misassembled, "internal: a report's JSON writer laid out \(what) other than it lays out the whole report")
    }
}
