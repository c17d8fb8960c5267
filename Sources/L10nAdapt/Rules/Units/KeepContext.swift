import Foundation

/// Why a quantity keeps its original unit, found from the words around it.
///
/// The first six are the market vocabulary (`measurement.keep`): a market lists the ones its
/// readers expect in inches or BTU. ``tradeSize`` is not configurable: chuck, bit, collet,
/// fastener, port and jack sizes are *designations* of standard parts ("1/2 in chuck",
/// "1/4" collet", "lag screw 3/8" x 3"", "3.5 mm headphone jack", "M4 x 8 mm"), which no market
/// converts; converting them would name a part that does not exist.
///
/// Detection reads a short window after the quantity (up to three words to a cue word) and
/// one before it (a cue word a few characters back in the same clause). Neither window
/// crosses a line break (nor, backwards, a comma or semicolon), so a table row's header does not leak into the next row.
/// Limits: a table cell that holds only `15.6"` has no words to read; for that case values
/// that are almost only ever screen diagonals (``typicalDiagonals``), written with an inch
/// mark or "inch", count as screen sizes.
enum KeepContext: String, Hashable, Sendable, CaseIterable {
    case screenDiagonal = "screen-diagonal"
    case pipeThread = "pipe-thread"
    case wheelSize = "wheel-size"
    case tireSize = "tire-size"
    case btuRating = "btu-rating"
    case lumberNominal = "lumber-nominal"
    case tradeSize = "trade-size"

    /// Whether a market with `keep` leaves a quantity in this context unchanged.
    func isKept(by keep: [String]) -> Bool { self == .tradeSize || keep.contains(rawValue) }

    /// Decimal screen diagonals that are rarely anything else.
    static let typicalDiagonals: Set<Double> = [10.1, 10.2, 10.5, 10.9, 11.6, 12.3, 12.9, 13.3, 13.6, 14.1, 15.6, 16.1, 17.3, 18.5, 21.5, 23.6, 23.8, 31.5]

    private static func regex(_ pattern: String, caseInsensitive: Bool = true) -> NSRegularExpression {
        // Constant patterns: a bad one is a programming error that every test run catches.
        try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    /// Up to `n` words before the cue word.
    private static func words(_ n: Int) -> String { #"(?:[\p{L}][\p{L}\-]*\s+|&\s+|\d+(?:/\d+)?(?:"|″|-inch)?\s+){0,"# + "\(n)}?" }
    private static let end = #"(?![\p{L}])"#

    static let screenAfter = regex(#"^\s*(?:-|\()?\s*"# + words(3) + #"(?:displays?|screens?|monitors?|TVs?|televisions?|laptops?|notebooks?|tablets?|panels?|touchscreens?|LCD|LED|OLED|QLED|IPS|HD|FHD|UHD|4K|Retina|iPads?|MacBooks?|Chromebooks?|smartphones?|phones?)"# + end)
    static let screenBefore = regex(#"(?:screen|display|monitor|diagonal|\bTV|laptop|tablet)[^.\n,;]{0,25}$"#)
    static let pipeAfter = regex(#"^\s*"# + words(2) + #"(?:NPT[FS]?|NPS|BSP[PTF]?|GHT|MNPT|FNPT|MPT|FPT|MIP|FIP|MHT|FHT|threads?|threaded|pipes?|piping|hose thread|garden hose|fittings?|inlets?|outlets?|connections?|connectors?|couplings?|unions?|valves?|barbs?|submersibles?|wells?|casings?)"# + end)
    static let pipeBefore = regex(#"(?:thread|pipe size|\bNPT|\bBSP)[^.\n,;]{0,12}$"#)
    static let wheelAfter = regex(#"^\s*"# + words(2) + #"(?:wheels?|rims?|wheelsets?|bikes?|bicycles?|BMX|MTB|cruisers?)"# + end)
    static let wheelBefore = regex(#"(?:frame(?: size)?|wheels?(?: size)?)[^.\n,;]{0,20}$"#)
    /// Frame sizes in a size chart: "S (15")", "XL (21")".
    static let sizeLetterBefore = regex(#"(?:^|[\s|(])(?:XXS|XS|S|M|L|XL|XXL|2XL|3XL)\s*\($"#, caseInsensitive: false)
    static let tireAfter = regex(#"^\s*"# + words(2) + #"(?:tires?|tyres?|tubes?)"# + end)
    static let tireBefore = regex(#"(?:tires?|tyres?)[^.\n,;]{0,15}$"#)
    static let lumberAfter = regex(#"^\s*"# + words(1) + #"(?:lumber|boards?|studs?|posts?|joists?|beams?|rafters?|framing|timbers?|planks?)"# + end)
    static let tradeAfter = regex(#"^\s*(?:\(\s*)?"# + words(3) + #"(?:chucks?|collets?|shanks?|drives?|sockets?|bits?|ports?|walls?|jacks?|headphones?|audio|hex|Allen|wrench(?:es)?|QR|thru-axles?|rotors?|cranks?|cranksets?|crankarms?|VESA)"# + end)
    static let tradeBefore = regex(#"(?:\b(?:bits?|augers?|collets?|chucks?|shanks?|screws?|bolts?|fasteners?|sockets?|VESA|cranks?|rotors?)\b[^.\n,;]{0,14}|\bM\d{1,2}\s*[x×]\s*)$"#)

    /// The context of `expression` in `text`, if any.
    static func detect(_ expression: QuantityExpression, in text: NSString) -> KeepContext? {
        let unitID = expression.unitID
        if unitID == "btu-h" { return .btuRating }
        let range = expression.range
        let after = window(text, from: NSMaxRange(range), length: 60)
        let before = window(text, upTo: range.location, length: 40)
        func hit(_ r: NSRegularExpression, _ s: String) -> Bool { r.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil }

        if unitID == "in" || unitID == "mm" || unitID == "cm" {
            if hit(tradeAfter, after) || hit(tradeBefore, before) { return .tradeSize }
        }
        guard unitID == "in" else { return nil }
        if hit(pipeAfter, after) || hit(pipeBefore, before) { return .pipeThread }
        if hit(tireAfter, after) || hit(tireBefore, before) { return .tireSize }
        if hit(wheelAfter, after) || hit(wheelBefore, before) || (hit(sizeLetterBefore, before) && after.hasPrefix(")")) { return .wheelSize }
        if hit(lumberAfter, after) { return .lumberNominal }
        if hit(screenAfter, after) || hit(screenBefore, before) { return .screenDiagonal }
        if expression.isSingle, let atom = expression.atoms.first, atom.number.fractionDigits == 1,
           typicalDiagonals.contains(atom.number.magnitude), let s = atom.spelling,
           UnitLexicon.spellings[s].isMark || UnitLexicon.spellings[s].pattern.contains("inch") {
            return .screenDiagonal
        }
        return nil
    }

    private static func window(_ text: NSString, from start: Int, length: Int) -> String {
        let s = text.substring(with: NSRange(location: start, length: min(length, text.length - start)))
        return s.firstIndex(where: \.isNewline).map { String(s[..<$0]) } ?? s
    }

    private static func window(_ text: NSString, upTo end: Int, length: Int) -> String {
        let start = max(0, end - length)
        let s = text.substring(with: NSRange(location: start, length: end - start))
        return s.lastIndex(where: \.isNewline).map { String(s[s.index(after: $0)...]) } ?? s
    }
}
