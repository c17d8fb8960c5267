import Foundation
import L10nCore

/// Bare figures in a table whose header names their unit: a size chart's column "Chest (in)"
/// over cells `35–37`, or a spec table's row "Weight (lb)" beside `4.4`. The cells say no unit,
/// so no rule could convert them alone; converting them without the header would be wrong, and
/// converting the header without them worse. They convert together or not at all: every bare
/// figure under (or beside) the label into one unit, and the label's unit with them
/// ("Chest (cm)", `89–94`).
///
/// Each cell is adapted as the sentence it stands for ("Chest: 35–37 in"), through the same
/// rules and conventions as any other text — so a convention that keeps inches for screen
/// diagonals keeps a "Screen (in)" column too. Only when every cell of the group converts, and
/// all into the same unit, is anything rewritten.
struct TableUnits {
    /// A cell's or a label's new source, and what was done to it.
    struct Rewrite {
        var source: Content
        var adaptation: Adaptation
    }

    /// The rewrites, by unit index in the document.
    var rewrites: [Int: Rewrite] = [:]

    /// A label cell: the text before its parenthesis, and the unit written in it.
    private struct Label {
        var unit: Int
        var text: String
        var name: Substring
        var token: Substring
        var tokenRange: Range<String.Index>
    }

    init(_ document: Document, engine: AdaptationEngine, rules: [any AdaptationRule], context: AdaptationContext) {
        // Where each cell is, and the cells that hold more than one unit (not told apart: skipped).
        var at: [TableCell: Int] = [:]
        var crowded = Set<TableCell>()
        for (u, unit) in document.units.enumerated() {
            guard let cell = unit.cell else { continue }
            if at.updateValue(u, forKey: cell) != nil { crowded.insert(cell) }
        }
        guard !at.isEmpty else { return }

        // Labels: a header cell names its column's unit, a first-column cell (not a header)
        // its row's. Only plain text ("Chest (in)"), the unit one the scanner knows.
        var columnLabels: [[Int]: Label] = [:]  // [table, column]
        var rowLabels: [[Int]: Label] = [:]  // [table, row]
        for (cell, u) in at where !crowded.contains(cell) {
            let unit = document.units[u]
            guard unit.translate, let label = Self.label(of: unit, index: u, context: context) else { continue }
            if cell.isHeader {
                columnLabels[[cell.table, cell.column]] = label
            } else if cell.column == 0 {
                rowLabels[[cell.table, cell.row]] = label
            }
        }
        guard !columnLabels.isEmpty || !rowLabels.isEmpty else { return }

        // Bare figures, grouped under the label that names their unit (one label, or none).
        var groups: [Int: [(unit: Int, text: String)]] = [:]
        for (cell, u) in at where !crowded.contains(cell) && !cell.isHeader {
            let unit = document.units[u]
            guard !unit.translate, let text = Self.plainText(of: unit) else { continue }
            let column = columnLabels[[cell.table, cell.column]], row = cell.column > 0 ? rowLabels[[cell.table, cell.row]] : nil
            guard let label = column ?? row, column == nil || row == nil else { continue }
            groups[label.unit, default: []].append((u, text))
        }
        let labels = Dictionary((Array(columnLabels.values) + Array(rowLabels.values)).map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })

        for (labelUnit, cells) in groups.sorted(by: { $0.key < $1.key }) {
            guard let label = labels[labelUnit] else { continue }
            var converted: [(unit: Int, before: String, after: String, rule: String, note: String)] = []
            var symbol: Substring?
            // A column reads in one unit: when its cells would take different ones (860 g beside
            // 1,1 kg, 7,6 mm beside 30 cm), it converts again in the unit the label names.
            for naturalUnits in [true, false] where converted.isEmpty {
                var cellContext = context
                cellContext.naturalUnits = naturalUnits
                symbol = nil
                for (u, text) in cells.sorted(by: { $0.unit < $1.unit }) {
                    // The sentence the cell stands for, adapted like any other.
                    let stem = "\(label.name): "
                    let sentence = "\(stem)\(text) \(label.token)"
                    let key = "\(document.units[u].id)-\(Self.segmentID(of: document.units[u]) ?? "s1")"
                    let result = engine.adaptSegment(Content(text: sentence), key: key, rules: rules, context: cellContext)
                    let out = result.content.plainText
                    guard let change = result.adaptations.first(where: { $0.kind == .unit && $0.after != nil }),
                          out.hasPrefix(stem), let split = Self.figuresAndUnit(out.dropFirst(stem.count)),
                          symbol == nil || symbol == split.unit else { converted = []; break }
                    symbol = split.unit
                    converted.append((u, text, String(split.figures), change.rule,
                                      "\(label.token) from \"\(label.text)\": \(change.note)"))
                }
            }
            guard let symbol, !converted.isEmpty, converted.count == cells.count else { continue }
            for c in converted {
                guard let id = Self.segmentID(of: document.units[c.unit]) else { continue }
                rewrites[c.unit] = Rewrite(
                    source: Content(text: c.after),
                    adaptation: Adaptation(segment: "\(document.units[c.unit].id)-\(id)", rule: c.rule, kind: .unit,
                                           before: c.before, after: c.after, note: c.note))
            }
            guard let id = Self.segmentID(of: document.units[labelUnit]) else { continue }
            var relabelled = label.text
            relabelled.replaceSubrange(label.tokenRange, with: symbol)
            rewrites[labelUnit] = Rewrite(
                source: Content(text: relabelled),
                adaptation: Adaptation(segment: "\(document.units[labelUnit].id)-\(id)", rule: converted[0].rule, kind: .unit,
                                       before: label.text, after: relabelled,
                                       note: "The label names the unit of the bare figures beside it, converted to \(symbol) with them (\(converted.count) cell\(converted.count == 1 ? "" : "s"))."))
        }
    }

    /// The id of a unit's only segment, when it has exactly one.
    private static func segmentID(of unit: TextUnit) -> String? {
        let segments = unit.segments.filter { !$0.isIgnorable }
        return segments.count == 1 ? segments[0].id : nil
    }

    /// A unit's only segment as plain text (no codes), when it is that.
    private static func plainText(of unit: TextUnit) -> String? {
        guard let id = segmentID(of: unit), let segment = unit.segments.first(where: { $0.id == id }),
              segment.source.runs.count == 1, case .text(let text) = segment.source.runs[0] else { return nil }
        return text
    }

    /// "Chest (in)", "Weight [lb]": a name, then a measurement unit alone in brackets at the end.
    private static func label(of unit: TextUnit, index: Int, context: AdaptationContext) -> Label? {
        guard let text = plainText(of: unit), let close = text.last, close == ")" || close == "]" else { return nil }
        let open: Character = close == ")" ? "(" : "["
        guard let o = text.lastIndex(of: open) else { return nil }
        let inner = text[text.index(after: o)..<text.index(before: text.endIndex)]
        let token = inner.trimmingCharacters(in: .whitespaces)
        let name = text[..<o].trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, !name.isEmpty, !token.contains(where: { $0.isNumber }),
              let start = inner.range(of: token) else { return nil }
        // The unit must be one the scanner reads as a whole quantity after a number.
        let probe = "1 " + token
        let found = context.quantities(in: probe)
        guard found.count == 1, found[0].unit != nil, found[0].range.location == 0, found[0].range.length == (probe as NSString).length
        else { return nil }
        return Label(unit: index, text: text, name: Substring(name), token: Substring(token), tokenRange: start)
    }

    /// "89–94 cm" → ("89–94", "cm"): the figures up to the last digit, and the unit after it.
    private static func figuresAndUnit(_ s: Substring) -> (figures: Substring, unit: Substring)? {
        guard let last = s.lastIndex(where: { $0.isASCII && $0.isNumber }), let first = s.first, first.isNumber || first == "±" || first == "-" || first == "−"
        else { return nil }
        let figures = s[...last]
        let unit = s[s.index(after: last)...].drop { $0.isWhitespace }
        guard !unit.isEmpty, !unit.contains(where: { $0.isNumber }) else { return nil }
        return (figures, unit)
    }
}
