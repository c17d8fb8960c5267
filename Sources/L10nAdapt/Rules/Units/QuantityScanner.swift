import Foundation

/// Finds the measured quantities in en-US text: numbers with a unit after them, grouped into
/// ranges ("17.7–21.6 in", "32°F to 95°F", "40/60 psi") and dimensions ("26 x 25 x 13 in",
/// `48" x 48"`, "20.5 × 18.9–20.9 in").
///
/// One regex pass finds every number (with its unit when one follows); a second pass over
/// that short list joins neighbours whose gap is a range or dimension separator. Both regexes
/// are compiled once; the scan is linear in the text.
///
/// Not a quantity:
/// - numbers inside identifiers and prices ("XP-2000B", "IB-4848", "$39.99", "v2.4.1", "#1"),
///   by what may precede a number;
/// - the preposition "in" ("No. 1 in customer satisfaction", "5 in the box", "2 in stock",
///   "1 in 10", "5-in-1"): the bare word "in" is a unit only when what follows is the end of
///   the text, punctuation, a range or dimension separator, or one of the size words in
///   ``inFollowers`` ("3 in lag screws", "0.3 in thin", "5 in of space"), unless a rank comes
///   before the number ("Ranked 1 in speaker reviews") or a clothing size after "in size"
///   ("only 2 in size M left"). A capitalised or
///   unknown word after it means it is the preposition; this misses rare sizes such as
///   "12 in Black" (left unconverted, never mis-converted);
/// - units this rule does not know, even in part ("0.5 lb/ft", "3.2 oz/ft", "1,512 Wh").
struct QuantityScanner: Sendable {
    init() {}

    func scan(_ text: String) -> [QuantityExpression] {
        Self.memo.value(for: text) {
            let ns = text as NSString
            return Self.group(Self.atoms(in: ns), in: ns)
        }
    }

    /// Quantities by text (their ranges are UTF-16 offsets, the same in an equal text): a page
    /// adapted for several markets is scanned once (see ``TextMemo``).
    static let memo = TextMemo<[QuantityExpression]>()

    // MARK: atoms

    static let number = #"[+\-−±]?(?:(?:\d{1,3}[-‐ \u00A0])?\d{1,2}/(?:2|3|4|8|16|32|64)(?![\d/])|(?:\d+[ \u00A0]?)?[½¼¾⅛⅜⅝⅞⅓⅔]|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)|\.\d+)"#
    /// What may not come right before a number: letters and digits (identifiers), currency and
    /// number signs, decimal and thousands marks, quotes ("'26"), "No. " ("No. 1 in customer
    /// satisfaction"). An "x" may, after a digit ("4x4 ft"). A slash may precede a number
    /// ("40/60 psi"); the pieces of dates and versions have no unit, so they never become quantities.
    static let before = #"(?<![\p{N}_$€£¥₹#@.,\\'"“‘’`^])(?<![\p{L}--[xX]])(?<![\p{L}_][xX\-‐])(?<![Nn]o\.[ \u00A0])(?<!Nr\.[ \u00A0])"#

    private static let feetGroup = 1, inchGroup = 2, wordFeetGroup = 3, wordInchGroup = 4, poundsGroup = 5, ouncesGroup = 6, numberGroup = 7, firstSpellingGroup = 8

    static let atomRegex: NSRegularExpression = {
        let inches = #"\d{1,2}(?:\.\d+)?(?:[ ]?[½¼¾])?|[½¼¾]"#
        let pattern = before + "(?:"
            + #"(\d{1,2})[ ]?['′’][ ]?("# + inches + #")[ ]?(?:"|″|”|'')"# + UnitLexicon.markEnd
            + "|" + #"(\d{1,2})[ \u00A0](?:ft|feet|foot)[ \u00A0]("# + inches + #")[ \u00A0](?:in|inch|inches)"# + UnitLexicon.wordEnd
            // "4 lb 2 oz", "7 lbs, 3.5 oz": one weight in pounds, not 1.8 kg beside 57 g.
            + "|" + #"(\d{1,3})[ \u00A0](?:lbs?|pounds?)\.?,?[ \u00A0](\d{1,2}(?:\.\d+)?)[ \u00A0](?:oz|ounces?)"# + UnitLexicon.wordEnd
            + "|(" + number + ")(?:" + UnitLexicon.alternation() + ")?"
            + ")"
        // A bad pattern is a programming error caught by every test run.
        return try! NSRegularExpression(pattern: pattern)
    }()

    /// Size words after which the bare word "in" is the unit ("3 in lag screws").
    static let inFollowers = [
        "x", "by", "to", "and", "or", "wide", "long", "high", "tall", "deep", "thick", "thin", "across", "apart", "square",
        "diameter", "dia", "in diameter", "max", "min", "maximum", "minimum", "clearance", "travel", "stroke", "lift", "head",
        "extension", "cord", "hose", "cable", "blade", "bar", "pan", "fry", "skillet", "wok", "saucepan", "pot", "griddle",
        "screen", "display", "monitor", "TV", "laptop", "tablet", "tablets", "phone", "phones", "smartphone", "smartphones",
        "pizza", "pizzas", "wheel", "wheels", "tire", "tires", "rim", "rims", "caster", "casters",
        "pans", "pots", "skillets", "woks", "screw", "screws", "nail", "nails", "bolt", "bolts", "lag", "deck", "drywall", "chuck", "bit", "bits", "port", "pipe",
        "tube", "of", "offset", "rise", "drop", "overhang", "gap", "opening", "depth", "height", "width", "length", "size",
        "radius", "seat", "subwoofer", "woofer", "driver", "drivers", "speaker", "speakers", "frame",
        "lumber", "board", "boards", "stud", "studs", "post", "posts", "bike", "bikes", "bicycle", "thread", "NPT", "BSP", "well",
        "submersible", "collet", "collets", "socket", "drive", "jack", "on center", "on-center", "o.c.", "shaft",
        "scale", "extender", "chain", "necklace", "duct", "ducts", "strap", "rolls", "roll", "receiver", "PEX", "PVC", "CPVC", "SSD", "HDD", "rack", "bay", "bays", "blades", "path",
    ]
    static let inFollowRegex: NSRegularExpression = {
        let words = inFollowers.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        return try! NSRegularExpression(pattern: #"\G(?:\s*$|[ \u00A0]*[.,;:!?)\]|/–—\-×*_"”]|\s*\(|\s+(?:"# + words + #")(?![\p{L}\p{N}]))"#)
    }()

    static func atoms(in ns: NSString) -> [QuantityExpression.Atom] {
        var atoms: [QuantityExpression.Atom] = []
        atomRegex.enumerateMatches(in: ns as String, range: NSRange(location: 0, length: ns.length)) { m, _, _ in
            guard let m else { return }
            let feet = m.range(at: feetGroup), wordFeet = m.range(at: wordFeetGroup)
            if feet.location != NSNotFound || wordFeet.location != NSNotFound {
                let f = feet.location != NSNotFound ? feet : wordFeet
                let i = feet.location != NSNotFound ? m.range(at: inchGroup) : m.range(at: wordInchGroup)
                guard let n = SourceNumber.feetInches(feet: ns.substring(with: f)[...], inches: ns.substring(with: i)[...]) else { return }
                atoms.append(.init(range: m.range, number: n, spelling: nil, isFeetInches: true))
                return
            }
            let pounds = m.range(at: poundsGroup)
            if pounds.location != NSNotFound {
                guard let n = SourceNumber.poundsOunces(pounds: ns.substring(with: pounds)[...], ounces: ns.substring(with: m.range(at: ouncesGroup))[...]) else { return }
                atoms.append(.init(range: m.range, number: n, spelling: nil, isPoundsOunces: true))
                return
            }
            var numberRange = m.range(at: numberGroup)
            guard numberRange.location != NSNotFound, var n = SourceNumber(ns.substring(with: numberRange)[...]) else { return }
            var whole = m.range
            // "+/-2°F" is "±2°F".
            if n.sign == .minus, numberRange.location >= 2, ns.substring(with: NSRange(location: numberRange.location - 2, length: 2)) == "+/" {
                n.sign = .plusMinus
                numberRange = NSRange(location: numberRange.location - 2, length: numberRange.length + 2)
                whole = NSRange(location: whole.location - 2, length: whole.length + 2)
            }
            var spelling: Int?
            for i in UnitLexicon.spellings.indices where m.range(at: firstSpellingGroup + i).location != NSNotFound {
                spelling = i
                break
            }
            if let s = spelling, UnitLexicon.spellings[s].isMark, isClosingQuote(at: NSMaxRange(m.range) - 1, in: ns) {
                atoms.append(.init(range: numberRange, number: n, spelling: nil))
                return
            }
            if let s = spelling, UnitLexicon.spellings[s].isBareIn, !endsDimension(before: numberRange.location, in: ns),
               inFollowRegex.firstMatch(in: ns as String, options: [.anchored, .withoutAnchoringBounds], range: NSRange(location: NSMaxRange(m.range), length: ns.length - NSMaxRange(m.range))) == nil
                || isPrepositionIn(number: numberRange, end: NSMaxRange(m.range), in: ns) {
                atoms.append(.init(range: numberRange, number: n, spelling: nil))
                return
            }
            atoms.append(.init(range: spelling == nil ? numberRange : whole, number: n, spelling: spelling))
        }
        return atoms
    }

    /// A ranking before the number ("Ranked 1 in speaker reviews", "voted 1 in display tests"; not
    /// "top", which is also a table top: "top 2 in thick").
    private static let rankLead = try! NSRegularExpression(pattern: #"(?:^|[^\p{L}])(?:rank(?:s|ed|ing)?|voted|placed|finished)\s+$"#, options: [.caseInsensitive])
    /// A verb of holding before the number ("Holds 3 in seat pockets", "stores up to 2 in the
    /// door"): with a noun phrase after "in" (``containerFollow``), the number counts things and
    /// "in" says where they go. Not "fits", which sizes ("fits 2 in receiver hitches").
    private static let containerLead = try! NSRegularExpression(
        pattern: #"(?:^|[^\p{L}])(?:holds?|holding|stores?|storing|carr(?:y|ies|ying)|keeps?|keeping|stows?|stashes|stash)\s+(?:up\s+to\s+)?$"#,
        options: [.caseInsensitive])
    /// Two lower-case words after "in" ("seat pockets"): a place, where a size word alone ("3 in
    /// seat") would be the size of a seat.
    private static let containerFollow = try! NSRegularExpression(pattern: #"\G\s+\p{Ll}[\p{L}\-]*\s+\p{Ll}\p{L}*"#)
    /// A size name after "in size" ("only 2 in size M left", "3 in size 10").
    private static let sizeFollow = try! NSRegularExpression(pattern: #"\G\s+size\s+(?:X{0,3}[SL]|M|[2-6]XL|XXS|small|medium|large|petite|regular|tall|\d{1,2}(?:\.5)?)(?![\p{L}\p{N}])"#, options: [.caseInsensitive])

    /// Whether the bare "in" after the number at `number` is the preposition even though a size
    /// word follows it: a rank before the number, "in size M" (a count in a clothing size), or a
    /// verb of holding before the number and a place after "in" ("Holds 3 in seat pockets").
    static func isPrepositionIn(number: NSRange, end: Int, in ns: NSString) -> Bool {
        let start = max(0, number.location - 24)
        let lead = ns.substring(with: NSRange(location: start, length: number.location - start))
        let leadRange = NSRange(location: 0, length: (lead as NSString).length)
        let rest = NSRange(location: end, length: ns.length - end)
        if rankLead.firstMatch(in: lead, range: leadRange) != nil { return true }
        if containerLead.firstMatch(in: lead, range: leadRange) != nil,
           containerFollow.firstMatch(in: ns as String, options: [.anchored, .withoutAnchoringBounds], range: rest) != nil { return true }
        return sizeFollow.firstMatch(in: ns as String, options: [.anchored, .withoutAnchoringBounds], range: rest) != nil
    }

    private static let dimensionLead = try! NSRegularExpression(pattern: #"\d(?:[.,]\d+)?\s?[x×]\s?$"#)

    /// Whether the number at `location` is the last figure of a dimension ("60 x 30 in top",
    /// "33 x 22 in overall"): after "x" the bare word "in" is the unit, whatever follows.
    static func endsDimension(before location: Int, in ns: NSString) -> Bool {
        let start = max(0, location - 12)
        let lead = ns.substring(with: NSRange(location: start, length: location - start))
        return dimensionLead.firstMatch(in: lead, range: NSRange(location: 0, length: (lead as NSString).length)) != nil
    }

    /// Whether the `"` (or `”`) at `index` closes a quotation ("Offer ends March 31, 2026"",
    /// `?v=20260304"`) rather than marking inches: the previous double quote on the line is an
    /// opening one (not itself after a digit).
    static func isClosingQuote(at index: Int, in ns: NSString) -> Bool {
        let mark = ns.character(at: index)
        guard mark == 0x22 || mark == 0x201D else { return false }
        let opening: Set<unichar> = mark == 0x22 ? [0x22] : [0x201C]
        var i = index - 1
        while i >= 0, index - i < 300 {
            let c = ns.character(at: i)
            if c == 0x0A { return false }
            if opening.contains(c) {
                guard i > 0 else { return true }
                let before = ns.character(at: i - 1)
                return !(0x30...0x39).contains(before)
            }
            if mark == 0x201D, c == 0x201D { return false }
            i -= 1
        }
        return false
    }

    // MARK: grouping

    /// The separator written between two numbers, if the gap is one.
    static func separator(_ gap: String, next: inout QuantityExpression.Atom, nextText: Character?) -> QuantityExpression.Separator? {
        guard gap.utf16.count <= 6 else { return nil }
        let trimmed = gap.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{00A0}\u{202F}\u{2009}")))
        switch trimmed {
        case "–", "—", "-", "‐", "−": return .dash
        case "to" where gap.first?.isWhitespace == true && gap.last?.isWhitespace == true: return .to
        case "/": return .slash(gap.first?.isWhitespace == true ? " / " : "/")
        case "x", "X", "×": return .dimension(trimmed == "×" ? "×" : "x")
        case "by" where gap.first?.isWhitespace == true: return .dimension("x")
        case "" where !gap.isEmpty && next.number.sign == .minus && nextText == "-":
            // "17.7 - 21.6 in": the scanner read "-21.6"; the hyphen is the range dash.
            next.number.sign = .none
            next.range = NSRange(location: next.range.location + 1, length: next.range.length - 1)
            return .dash
        default: return nil
        }
    }

    private static let listItemStart = try! NSRegularExpression(pattern: #"(?:^|[\n|+;:(]|(?:^|\s)(?:[-*•]|\d+\.))[ \t]*$"#)

    /// A count opens the text, a list item or a table cell ("- 2 x 5 ft hanging chains"; a
    /// Markdown list item's segment starts right at "2 x 5 ft").
    static func startsListItem(before location: Int, in ns: NSString) -> Bool {
        let start = max(0, location - 12)
        let s = ns.substring(with: NSRange(location: start, length: location - start))
        let text = start == 0 ? "\n" + s : s
        return listItemStart.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }

    private static let listJoin = try! NSRegularExpression(pattern: #"^\s*(?:,|;|/|&|and|or)\s*$"#)

    /// Whether only a list separator stands between the previous count and `location`.
    static func followsCount(_ end: Int?, before location: Int, in ns: NSString) -> Bool {
        guard let end, end <= location, location - end <= 6 else { return false }
        let gap = ns.substring(with: NSRange(location: end, length: location - end))
        return listJoin.firstMatch(in: gap, range: NSRange(location: 0, length: (gap as NSString).length)) != nil
    }

    static func group(_ atoms: [QuantityExpression.Atom], in ns: NSString) -> [QuantityExpression] {
        var result: [QuantityExpression] = []
        var i = 0
        var atoms = atoms
        // Where the last count ended: "(2 x 18 cm, 2 x 21 cm)" lists two counts, the second
        // only by the company it keeps.
        var lastCountEnd: Int?
        while i < atoms.count {
            // Extend from atom i while the gaps are separators and units agree.
            var seps: [QuantityExpression.Separator] = []
            var k = i
            while k + 1 < atoms.count {
                let gapRange = NSRange(location: NSMaxRange(atoms[k].range), length: atoms[k + 1].range.location - NSMaxRange(atoms[k].range))
                guard gapRange.length >= 0 else { break }
                var next = atoms[k + 1]
                let nextChar = ns.substring(with: NSRange(location: next.range.location, length: 1)).first
                guard let sep = separator(ns.substring(with: gapRange), next: &next, nextText: nextChar) else { break }
                if let u = atoms[k].unitID, next.unitID != u { break }
                atoms[k + 1] = next
                seps.append(sep)
                k += 1
            }
            // The expression ends at the last number with a unit.
            guard let last = (i...k).last(where: { atoms[$0].unitID != nil }) else { i = k + 1; continue }
            var start = i
            // "2 x 2.25" drivers", "1 x 3.5 mm jack", "- 2 x 5 ft hanging chains": a count, not a dimension.
            if last - start == 1, seps[0].isDimension, atoms[start].unitID == nil, atoms[start].number.fractionDigits == 0,
               atoms[start].number.denominator == nil {
                let count = atoms[start].number.magnitude
                let finerSize = atoms[last].number.fractionDigits > 0 || atoms[last].number.denominator != nil
                // Only lengths (and areas) have dimensions: "4 x 18 oz glasses" are four glasses.
                let quantity = MeasureUnit.byID[atoms[last].unitID ?? ""]?.quantity
                let hasDimensions = quantity == .length || quantity == .area
                if !hasDimensions || count == 1 || (finerSize && (atoms[last].isMark || count <= 4)) || (count <= 3 && startsListItem(before: atoms[start].range.location, in: ns))
                    || (count <= 4 && followsCount(lastCountEnd, before: atoms[start].range.location, in: ns)) {
                    start += 1
                    lastCountEnd = NSMaxRange(atoms[last].range)
                }
            }
            // A unitless number cut off from its successor by a unit ("26 in x 25") was
            // already excluded by the loop; what remains shares the last unit.
            let expression = QuantityExpression(atoms: Array(atoms[start...last]), separators: Array(seps[(start - i)..<(last - i)]))
            result.append(expression)
            i = last + 1
        }
        return result
    }
}
