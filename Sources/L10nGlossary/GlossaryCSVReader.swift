import Foundation
import L10nCore

/// Reads the glossary CSV format (docs/glossaries.md): a header
/// `term,language,target term,part of speech,status,note`, then one row per source term × target
/// language. RFC 4180 quoting (fields in double quotes may hold commas, line breaks and `""`),
/// CRLF or LF, an optional UTF-8 BOM, and `#` comment lines and blank lines between rows.
///
/// `language` is the target's BCP 47 tag, or `*` for a do-not-translate row that holds in every
/// language; `status` is `preferred` (the default when empty), `admitted`, `forbidden` or
/// `do-not-translate`. A row that cannot be used is skipped and listed with its line; a file
/// without the header, or with a quote left open, is an error naming the file and line.
public struct GlossaryCSVReader: Sendable {
    /// The header, in this order (cells compared trimmed and case-insensitively).
    public static let header = ["term", "language", "target term", "part of speech", "status", "note"]

    public var sourceLanguage: LanguageTag

    public init(sourceLanguage: LanguageTag = LanguageTag("en")!) {
        self.sourceLanguage = sourceLanguage
    }

    public func read(_ data: Data, file: String) throws -> GlossaryFile {
        let text = try TextInput.decodeUTF8(data, file: file)
        let records = try Self.records(of: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file)
        guard let first = records.first else {
            throw FormatError(.malformed, "an empty glossary: the first line must be the header \(Self.header.joined(separator: ","))",
                              at: SourceLocation(file: file, line: 1))
        }
        let names = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard names.count >= Self.header.count, Array(names.prefix(Self.header.count)) == Self.header else {
            throw FormatError(.malformed, "not a glossary CSV: the header must be \(Self.header.joined(separator: ",")), found \(first.fields.joined(separator: ","))",
                              at: SourceLocation(file: file, line: first.line))
        }
        var entries: [TermEntry] = []
        var skipped: [GlossaryFile.Skipped] = []
        let name = (file as NSString).lastPathComponent
        for record in records.dropFirst() {
            switch entry(record, glossary: name) {
            case .success(let entry): entries.append(entry)
            case .failure(let problem): skipped.append(GlossaryFile.Skipped(line: record.line, reason: problem.reason))
            }
        }
        return GlossaryFile(name: file, termbase: Termbase(entries), skipped: skipped)
    }

    private struct Problem: Error { var reason: String }

    private func entry(_ record: Record, glossary: String) -> Result<TermEntry, Problem> {
        let f = record.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard f.count >= Self.header.count else {
            return .failure(Problem(reason: "\(f.count) field(s), expected \(Self.header.count) (\(Self.header.joined(separator: ",")))"))
        }
        guard !f[0].isEmpty else { return .failure(Problem(reason: "no term")) }
        guard let status = TermStatus(name: f[4]) else {
            return .failure(Problem(reason: "unknown status '\(f[4])' (preferred, admitted, forbidden or do-not-translate)"))
        }
        let target: LanguageTag?
        if f[1] == "*" {
            guard status == .doNotTranslate else { return .failure(Problem(reason: "language * is only for do-not-translate rows")) }
            target = nil
        } else {
            guard let tag = LanguageTag(f[1]) else { return .failure(Problem(reason: "language '\(f[1])' is not a BCP 47 tag (or *)")) }
            target = tag
        }
        let targetTerm = f[2].isEmpty ? nil : f[2]
        if targetTerm == nil, status != .doNotTranslate { return .failure(Problem(reason: "no target term for a \(status.rawValue) row")) }
        return .success(TermEntry(sourceLanguage: sourceLanguage, term: f[0], targetLanguage: target, targetTerm: targetTerm,
                                  partOfSpeech: f[3].isEmpty ? nil : f[3], status: status, note: f[5].isEmpty ? nil : f[5],
                                  glossary: glossary, line: record.line))
    }

    struct Record {
        var line: Int
        var fields: [String]
    }

    /// The records of `text` per RFC 4180, comment and blank lines left out, each with the line
    /// it starts on.
    static func records(of text: String, file: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var quoted = false, wasQuoted = false, atRecordStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].allSatisfy(\.isWhitespace) && !wasQuoted) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []; field = ""; wasQuoted = false; atRecordStart = true
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            if atRecordStart {
                recordLine = line
                atRecordStart = false
                if c == "#" {
                    // A comment line: up to the end of the line.
                    while let n = next(), n != "\n" {}
                    line += 1
                    atRecordStart = true
                    continue
                }
            }
            switch c {
            case "\"" where field.allSatisfy(\.isWhitespace) && !wasQuoted:
                field = ""
                quoted = true
                wasQuoted = true
            case ",":
                fields.append(field); field = ""; wasQuoted = false
            case "\r":
                if let n = next(), n != "\n" { pending = n }
                line += 1
                endRecord()
            case "\n":
                line += 1
                endRecord()
            default:
                field.unicodeScalars.append(c)
            }
        }
        if quoted {
            throw FormatError(.malformed, "a quoted field opened on line \(recordLine) is never closed", at: SourceLocation(file: file, line: recordLine))
        }
        if !atRecordStart { endRecord() }
        return records
    }
}
