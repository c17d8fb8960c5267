import Foundation
import L10nCore

/// The stable, storable form of a ``Content``: its text with one private-use character where each
/// inline code stands, plus the codes in a JSON table, in order.
///
/// **Encoding (version 1, never changed in place):**
/// - `text`: the text runs verbatim; each code is U+E000; a U+E000 or U+E001 that is part of the
///   text is written U+E001 followed by that character. So any text round-trips, and the text with
///   the markers removed is what a person reads.
/// - `codes`: a JSON array, one object per code in text order, keys sorted:
///   `{"data":"<b>","id":"1","kind":"open"}` plus `type`, `subType`, `display`, `equiv`,
///   `isolated`, `canDelete` when they differ from the defaults. `"[]"` when there are none.
///
/// A table in one column rather than markup in the text keeps lookups on the text alone and lets
/// a database index the text without tag noise.
public struct StoredContent: Hashable, Sendable {
    public var text: String
    public var codes: String

    static let codeScalar: Unicode.Scalar = "\u{E000}"
    static let escapeScalar: Unicode.Scalar = "\u{E001}"

    /// Whether `s` holds U+E000 or U+E001 (UTF-8 EE 80 80 / EE 80 81), checked on bytes.
    static func hasMarks(_ s: String) -> Bool {
        // Nearly every text has no 0xEE byte at all: one memchr over contiguous UTF-8 says so.
        var copy = s
        let lead = copy.withUTF8 { bytes in
            bytes.isEmpty ? false : memchr(bytes.baseAddress!, 0xEE, bytes.count) != nil
        }
        guard lead else { return false }
        var utf8 = s.utf8.makeIterator()
        var state = 0
        while let b = utf8.next() {
            switch (state, b) {
            case (_, 0xEE): state = 1
            case (1, 0x80): state = 2
            case (2, 0x80), (2, 0x81): return true
            default: state = 0
            }
        }
        return false
    }

    public init(text: String, codes: String) {
        self.text = text
        self.codes = codes
    }

    public init(_ content: Content) {
        var text = ""
        var table: [StoredCode] = []
        for run in content.runs {
            switch run {
            case .text(let t):
                guard Self.hasMarks(t) else { text += t; continue }
                for c in t.unicodeScalars {
                    if c == Self.codeScalar || c == Self.escapeScalar { text.unicodeScalars.append(Self.escapeScalar) }
                    text.unicodeScalars.append(c)
                }
            case .code(let code):
                text.unicodeScalars.append(Self.codeScalar)
                table.append(StoredCode(code))
            }
        }
        self.text = text
        self.codes = table.isEmpty ? "[]" : Self.encodeTable(table)
    }

    /// The content back; nil when the text and the table disagree (a damaged row).
    public var content: Content? {
        // No codes: the common case, without a JSON decoder.
        if codes == "[]", !Self.hasMarks(text) { return Content(text: text) }
        guard let table = try? JSONDecoder().decode([StoredCode].self, from: Data(codes.utf8)) else { return nil }
        var runs: [Content.Run] = []
        var pending = ""
        var next = 0
        var escaped = false
        for c in text.unicodeScalars {
            if escaped { pending.unicodeScalars.append(c); escaped = false; continue }
            if c == Self.escapeScalar { escaped = true; continue }
            if c == Self.codeScalar {
                guard next < table.count else { return nil }
                if !pending.isEmpty { runs.append(.text(pending)); pending = "" }
                runs.append(.code(table[next].code))
                next += 1
                continue
            }
            pending.unicodeScalars.append(c)
        }
        guard next == table.count, !escaped else { return nil }
        if !pending.isEmpty { runs.append(.text(pending)) }
        return Content(runs)
    }

    private static func encodeTable(_ table: [StoredCode]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(table)) ?? Data("[]".utf8), as: UTF8.self)
    }
}

/// One code of the JSON table: defaults left out, so the stored form stays small and stable.
private struct StoredCode: Codable {
    var kind: InlineCode.Kind
    var id: String
    var data: String
    var type: InlineCode.CodeType?
    var subType: String?
    var display: String?
    var equiv: String?
    var isolated: Bool?
    var canDelete: Bool?

    init(_ c: InlineCode) {
        kind = c.kind; id = c.id; data = c.data; type = c.type; subType = c.subType; display = c.display; equiv = c.equiv
        isolated = c.isolated ? true : nil
        canDelete = c.canDelete ? nil : false
    }

    var code: InlineCode {
        InlineCode(kind: kind, id: id, data: data, type: type, subType: subType, display: display, equiv: equiv,
                   isolated: isolated ?? false, canDelete: canDelete ?? true)
    }
}
