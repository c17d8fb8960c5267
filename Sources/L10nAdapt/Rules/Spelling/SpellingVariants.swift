import Foundation
import L10nCore

/// The English spelling table: one row per word whose spelling differs between en-US, en-GB
/// ("-ise"), en-CA and en-AU, read from `Resources/Spelling/en-variants.tsv` (generated from
/// SCOWL by `tools/generate-spelling-variants`; see `ORIGIN.md` there).
///
/// Any variant converts to any other through its row. A word that two rows spell the same way
/// in one variant (two en-US words, one en-GB spelling) is ambiguous there and never converted
/// from that variant, so a reverse conversion cannot guess.
struct SpellingVariants: Sendable {
    /// The table's columns, i.e. the spelling systems it distinguishes.
    enum Variant: Int, CaseIterable, Sendable {
        case us, gb, ca, au

        /// The column a BCP 47 English tag writes in: en-IN, en-NZ, en-IE, en-SG (and other
        /// Commonwealth regions) follow en-GB; a bare `en` is en-US.
        init(tag: String) {
            let region = LanguageTag(tag)?.region ?? "US"
            switch region {
            case "US", "PH", "PR", "UM", "VI", "GU", "AS", "MP", "LR": self = .us
            case "CA": self = .ca
            case "AU": self = .au
            default: self = .gb
            }
        }
    }

    /// Each row's spelling in every variant (empty TSV cells already filled with the en-US word).
    private let rows: [[String]]
    /// Per variant: word → row; `nil` value = ambiguous.
    private let index: [[String: Int?]]

    /// The bundled table, read on first use.
    static let bundled: SpellingVariants = {
        guard let folder = Bundle.module.url(forResource: "Spelling", withExtension: nil),
              let text = try? String(contentsOf: folder.appendingPathComponent("en-variants.tsv"), encoding: .utf8)
        else { return SpellingVariants(tsv: "") }
        return SpellingVariants(tsv: text)
    }()

    /// Parses the generator's format: `#` comment lines, a header row, then tab-separated rows,
    /// lines ending in LF or CRLF. Read as bytes: splitting the 3,500 lines into `Character`s
    /// cost 150 M instructions, a fifth of adapting one page for the UK.
    init(tsv: String) {
        var rows: [[String]] = []
        var sawHeader = false
        var tsv = tsv
        tsv.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                defer { start = end + 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard let first = line.first, first != UInt8(ascii: "#") else { continue }
                guard sawHeader else { sawHeader = true; continue }
                let cells = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                guard let us = cells.first, !us.isEmpty else { continue }
                rows.append(Variant.allCases.map { v in
                    let cell = v.rawValue < cells.count ? cells[v.rawValue] : ""
                    return cell.isEmpty ? us : cell
                })
            }
        }
        var index = Array(repeating: [String: Int?](), count: Variant.allCases.count)
        for (r, row) in rows.enumerated() {
            for v in Variant.allCases {
                let word = row[v.rawValue]
                if let existing = index[v.rawValue][word] {
                    if existing != r { index[v.rawValue][word] = .some(nil) }
                } else {
                    index[v.rawValue][word] = r
                }
            }
        }
        self.rows = rows
        self.index = index
    }

    var count: Int { rows.count }

    /// `word` (lower case) respelt from `source` to `target`, or nil when the table has no
    /// different spelling for it.
    func convert(_ word: String, from source: Variant, to target: Variant) -> String? {
        guard source != target, let entry = index[source.rawValue][word], let row = entry else { return nil }
        let result = rows[row][target.rawValue]
        return result == word ? nil : result
    }
}
