import Foundation

/// Converts measured quantities into the units the market reads: imperial/US customary to
/// metric for metric markets, metric to US customary for the US, exactly as the market's
/// `measurement.convert` map says (no entry, no change).
///
/// What it handles, and how (each part has its own type):
/// - Finding quantities in en-US text: ``QuantityScanner`` (numbers, fractions, feet-inches,
///   ranges, dimensions, the "in" heuristic) and ``UnitLexicon`` (spellings).
/// - Arithmetic: Foundation's `Measurement.converted(to:)` on ``MeasureUnit/dimension``; no
///   hand-typed factors. Temperature *differences* ("raises by 2°F", "20°F cooler", "±2°F",
///   "5°F steps") convert by scale only: Δ°C = Δ°F × 5/9.
/// - Rounding: ``ConversionPrecision`` (as precise as the source, never fewer than two
///   significant digits, never more than 1.8% off).
/// - Writing: ``UnitFormatter`` (ICU for the market's locale; a few symbol overrides).
/// - Figures the author already gave in both systems: "52 ft (15.8 m)" becomes the metric one,
///   reformatted ("15,8 m"); "2.2 kW (3 HP)" drops the redundant imperial one ("2,2 kW");
///   "1.7 lb (27 oz)" converts the first and drops the second; also with " / " ("86°F / 30°C").
/// - ``Conventions`` (data in `Resources/Conventions/`): trade sizes that are names (threads,
///   wheels, tyres, sockets, 2x4), industry units (bicycle and lens mm, charger kW) and codes
///   (tyre sizes, UL 94 V-0) stay as written, where the market keeps them.
/// - Small results read in the smaller unit: ±0.002 in is ±0.05 mm, not ±0.0051 cm; 1.22 lb
///   is 553 g, not 0.553 kg.
/// - A range's ends round alike ("38–40 in" → 97–102 cm); a fluid ounce is a declared content,
///   written to the whole millilitre ("12 fl oz" → 355 ml).
/// - `--keep-original-units`: "15,8 m (52 ft)".
public struct UnitConversionRule: AdaptationRule {
    public init() {}

    public static func applies(to context: AdaptationContext) -> Bool { !context.market.measurement.convert.isEmpty }

    public func matches(in text: String, context: AdaptationContext) -> [RuleMatch] {
        review(text, context: context).matches
    }

    /// The conversions, and the quantities left alone on purpose: those inside a code or kept
    /// by a convention where the market would otherwise convert them, and figures the page
    /// already gives in both systems.
    public func review(_ text: String, context: AdaptationContext) -> (matches: [RuleMatch], kept: [RuleKeep]) {
        let ns = text as NSString
        let expressions = context.quantities(in: text).map { UnitSenses.bundled.resolved($0, in: ns) }
        let market = context.market
        let conventions = market.conventions
        let formatter = UnitFormatter(locale: context.formattingLocale)
        let codes = context.codeSpans(in: text)
        var result: [RuleMatch] = []
        var kept: [RuleKeep] = []
        var i = 0
        while i < expressions.count {
            let e = expressions[i]
            defer { i += 1 }
            guard let unit = e.unit else { continue }
            let pair = i + 1 < expressions.count ? Self.equivalent(e, expressions[i + 1], in: ns) : nil
            let written = Range(e.range, in: text)!
            let code = codes.first { $0.range.overlaps(written) }
            if let entry = code?.entry ?? conventions.keeping(e, in: text, market: market) ?? Self.listKeeping(i, expressions, in: text, market: market) {
                if market.measurement.convert[unit.id] != nil {
                    kept.append(RuleKeep(range: code?.range ?? written, entry: entry, in: conventions))
                }
                if pair != nil { i += 1 }
                continue
            }
            // "24 x 16 x 10 in (61 x 41 cm)", "2 m (approx. 7 ft)": the author gave both systems
            // but they do not agree figure for figure; converting either would write a third.
            if pair == nil, i + 1 < expressions.count, Self.givesBoth(e, expressions[i + 1], in: ns, convert: market.measurement.convert),
               let both = Self.parenthesized(e, expressions[i + 1], in: ns), let range = Range(both, in: text) {
                kept.append(RuleKeep(range: range, reason: Self.bothSystemsReason, source: Self.description.id))
                i += 1
                continue
            }
            if let pair, let other = expressions[i + 1].unit {
                i += 1
                let firstTarget = market.measurement.target(for: unit.id, in: text).flatMap { MeasureUnit.byID[$0] }
                let secondTarget = market.measurement.target(for: other.id, in: text).flatMap { MeasureUnit.byID[$0] }
                let range = Range(pair, in: text)!
                let rule = "units.\(unit.quantity.rawValue)"
                switch (firstTarget, secondTarget) {
                case (.some, nil):
                    // "52 ft (15.8 m)": the author's own metric figure wins.
                    let kept = Self.reformat(expressions[i], unit: other, formatter: formatter)
                    let after = context.keepOriginalUnits ? "\(kept) (\(ns.substring(with: e.range)))" : kept
                    result.append(RuleMatch(range: range, rule: rule, kind: .unit, replacement: after,
                                            note: "\(Self.reason(market, quantity: unit.quantity)); the source already gives \(ns.substring(with: expressions[i].range)), so that figure is kept and \(ns.substring(with: e.range)) is dropped."))
                case (nil, .some):
                    // "2.2 kW (3 HP)": the imperial equivalent is redundant.
                    let kept = Self.reformat(e, unit: unit, formatter: formatter)
                    let after = context.keepOriginalUnits ? "\(kept) (\(ns.substring(with: expressions[i].range)))" : kept
                    result.append(RuleMatch(range: range, rule: rule, kind: .unit, replacement: after,
                                            note: "\(Self.reason(market, quantity: unit.quantity)); \(ns.substring(with: e.range)) is already in a unit it reads, so the equivalent \(ns.substring(with: expressions[i].range)) is dropped."))
                case (.some(let target), .some):
                    // "1.7 lb (27 oz)": both need converting; one figure is enough.
                    let (converted, exact) = Self.convertNaturally(e, named: target, naturalUnits: context.naturalUnits, difference: false, formatter: formatter,
                                                                   declaredContent: Self.isDeclaredContent(e, in: ns))
                    let after = context.keepOriginalUnits ? "\(converted) (\(ns.substring(with: e.range)))" : converted
                    result.append(RuleMatch(range: range, rule: rule, kind: .unit, replacement: after,
                                            note: "\(Self.reason(market, quantity: unit.quantity)); \(ns.substring(with: e.range)) = \(exact), rounded to the source's precision; the equivalent \(ns.substring(with: expressions[i].range)) is dropped."))
                case (nil, nil):
                    break
                }
                continue
            }
            guard let named = market.measurement.target(for: unit.id, in: text).flatMap({ MeasureUnit.byID[$0] }) else { continue }
            var range = e.range
            // "1,000 CFM (cu ft/min)": a parenthesis that only spells out the unit goes too.
            if let spelled = Self.unitOnlyParenthesis(after: e, in: ns) { range = NSRange(location: range.location, length: NSMaxRange(spelled) - range.location) }
            let difference = unit.quantity == .temperature && Self.isTemperatureDifference(e, in: ns)
            let (converted, exact) = Self.convertNaturally(e, named: named, naturalUnits: context.naturalUnits, difference: difference, formatter: formatter,
                                                           declaredContent: Self.isDeclaredContent(e, in: ns))
            let original = ns.substring(with: e.range)
            let after = context.keepOriginalUnits ? "\(converted) (\(original))" : converted
            let note = difference
                ? "\(Self.reason(market, quantity: unit.quantity)); a temperature difference of \(original) is \(exact) (differences convert by scale only, without the 32° offset), rounded to the source's precision."
                : "\(Self.reason(market, quantity: unit.quantity)); \(original) = \(exact), rounded to the source's precision."
            result.append(RuleMatch(range: Range(range, in: text)!, rule: "units.\(unit.quantity.rawValue)", kind: .unit, replacement: after, note: note))
        }
        return (result, kept)
    }

    private static let listGap = try! NSRegularExpression(pattern: #"^\s*(?:,\s*(?:and\s+|or\s+|&\s+)?|and\s+|or\s+|&\s+|/\s*)$"#)

    /// "10 mm, 13 mm and 17 mm sockets": the cue after the last item of a list of quantities in
    /// one unit names every item, so the convention that keeps the last keeps them all.
    static func listKeeping(_ i: Int, _ expressions: [QuantityExpression], in text: String, market: MarketProfile) -> Convention? {
        let ns = text as NSString
        var j = i
        while j + 1 < expressions.count, expressions[j + 1].unitID == expressions[i].unitID {
            let gapStart = NSMaxRange(expressions[j].range)
            let gap = ns.substring(with: NSRange(location: gapStart, length: expressions[j + 1].range.location - gapStart))
            guard listGap.firstMatch(in: gap, range: NSRange(location: 0, length: (gap as NSString).length)) != nil else { break }
            j += 1
        }
        return j > i ? market.conventions.keeping(expressions[j], in: text, market: market) : nil
    }

    static let bothSystemsReason = "The page already gives the figure in both systems (not figure for figure); converting either would write a third."

    // MARK: conversion

    /// `e` converted to `named`, or to the smaller unit below one of it (``naturalTarget(for:named:)``)
    /// unless rounding carries a figure back to a whole one: 2.2 lb is 998 g, written 1,0 kg,
    /// never 1.000 g. From a thousand of `named` in every figure, the larger unit (``largerUnit``):
    /// a 64 oz pitcher holds 1,89 l and a 36 oz bag weighs 1,02 kg, not 1.890 ml and 1.020 g;
    /// each rounded to the source's precision in that unit.
    static func convertNaturally(_ e: QuantityExpression, named: MeasureUnit, naturalUnits: Bool, difference: Bool, formatter: UnitFormatter, declaredContent: Bool) -> (String, String) {
        let target = naturalUnits ? naturalTarget(for: e, named: named) : named
        let result = convert(e, to: target, difference: difference, formatter: formatter, declaredContent: declaredContent)
        if naturalUnits, !difference, target.id == named.id, result.smallest >= 1000 - 1e-9,
           let larger = largerUnit[named.id].flatMap({ MeasureUnit.byID[$0] }) {
            let big = convert(e, to: larger, difference: difference, formatter: formatter, declaredContent: declaredContent)
            return (big.text, big.exact)
        }
        guard target.id != named.id,
              Measurement(value: result.largest, unit: target.dimension).converted(to: named.dimension).value >= 1 - 1e-9 else { return (result.text, result.exact) }
        let whole = convert(e, to: named, difference: difference, formatter: formatter, declaredContent: declaredContent)
        return (whole.text, whole.exact)
    }

    /// The converted text, for the note the unrounded values ("15.85 m"), and the largest and
    /// smallest rounded figures (in `target`, as magnitudes).
    static func convert(_ e: QuantityExpression, to target: MeasureUnit, difference: Bool, formatter: UnitFormatter, declaredContent: Bool = false) -> (text: String, exact: String, largest: Double, smallest: Double) {
        let source = MeasureUnit.byID[e.unitID]!
        let isTemperature = source.quantity == .temperature
        func toTarget(_ v: Double) -> Double {
            Measurement(value: v, unit: source.dimension).converted(to: target.dimension).value
        }
        var numbers: [(value: Double, digits: Int, exact: Double, sign: SourceNumber.Sign)] = []
        // A range's ends are measured alike: in "38–40 in" the 40 is good to the inch like the
        // 38, so both ends round to the centimetre (97–102 cm, not 97–100 cm). A round figure
        // (trailing zeros) takes the resolution of the finest other end, but no finer than the
        // unit: "0.5–10 lb" is 0.23–4.5 kg, "100–120 ft" still 30–37 m.
        let isRange = !e.isSingle && e.separators.allSatisfy { $0 == .dash || $0 == .to }
        let written = e.atoms.map { $0.number.resolution(trailingZerosSignificant: isTemperature || e.isDimension) }
        func resolution(_ i: Int) -> Double {
            guard isRange, written[i] > 1, let finest = written.indices.filter({ $0 != i }).map({ written[$0] }).min() else { return written[i] }
            return min(written[i], max(1, finest))
        }
        for (index, atom) in e.atoms.enumerated() {
            let n = atom.number
            let v = n.sign == .plusMinus ? n.magnitude : n.value
            let isDifference = difference || n.sign == .plusMinus
            let exact = isDifference ? toTarget(v) - toTarget(0) : toTarget(v)
            // A dimension's figures are measured to the unit ("60 x 30 in" top, "60 x 80 in"
            // mattress): 152 x 76 cm, not 150 x 76 cm with one figure rounded and one not.
            let convertedResolution = abs(toTarget(v + resolution(index)) - toTarget(v))
            let precision = ConversionPrecision(value: exact, convertedResolution: convertedResolution, boundRelativeError: !(isTemperature && !isDifference),
                                                twoSignificantDigits: n.sign != .plusMinus, declaredContent: declaredContent && n.sign != .plusMinus)
            numbers.append((precision.rounded(exact), precision.fractionDigits, exact, n.sign))
        }
        // A dimension's figures are written alike: one written coarser than the others with
        // decimals is raised to the least precise of them. US Letter's "8.5 x 11 in" is
        // 21.6 x 27.9 cm, not 21.6 x 28 cm; "35 x 25 x 35 cm" is 13.8 x 9.8 x 13.8 in, not
        // 14 x 9.8 x 14 in; "15.5 x 24.5 x 0.75 in" stays 39.4 x 62.2 x 1.90 cm (0.75 was
        // written finer, and no figure is made finer than its neighbours were).
        if e.isDimension, let digits = numbers.map(\.digits).filter({ $0 > 0 }).min() {
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            numbers = numbers.map { n in
                guard n.digits < digits else { return n }
                let r = (n.exact * scale).rounded(.toNearestOrAwayFromZero) / scale
                return (r == 0 ? 0 : r, digits, n.exact, n.sign)
            }
        }
        let last = numbers[numbers.count - 1]
        let (prefix, suffix) = formatter.affixes(target, sample: last.value, fractionDigits: last.digits)
        let body = render(e, prefix: prefix, suffix: suffix) { i in
            let n = numbers[i]
            let sign = n.sign == .plusMinus ? "±" : (n.sign == .plus && n.value >= 0 ? "+" : "")
            return sign + formatter.number(n.value, fractionDigits: n.digits)
        }
        var exact = UnitFormatter.fallback(numbers[0].exact, numbers[0].digits + 1)
        for (i, separator) in e.separators.enumerated() {
            exact += separator.isDimension ? " x " : (separator == .dash || separator == .to ? "–" : "/")
            exact += UnitFormatter.fallback(numbers[i + 1].exact, numbers[i + 1].digits + 1)
        }
        let magnitudes = numbers.map { abs($0.value) }
        return (prefix + body + suffix, exact + " " + target.symbol, magnitudes.max() ?? 0, magnitudes.min() ?? 0)
    }

    /// The numbers joined with the expression's separators; the unit once at the end, and also
    /// after a number that had its own unit before "to" or "/" ("0 °C to 35 °C").
    static func render(_ e: QuantityExpression, prefix: String, suffix: String, number: (Int) -> String) -> String {
        var s = ""
        for i in e.atoms.indices {
            if i > 0 {
                switch e.separators[i - 1] {
                case .dash: s += "–"
                case .to: s += " to "
                case .slash(let written): s += written
                case .dimension(let sign): s += " \(sign) "
                }
            }
            let ownUnit = i < e.atoms.count - 1 && e.atoms[i].unitID != nil && !e.separators[i].isDimension && e.separators[i] != .dash
            s += (ownUnit && i > 0 ? prefix : "") + number(i) + (ownUnit ? suffix : "")
        }
        return s
    }

    /// An equivalent written in a unit the market reads, reformatted for the locale with the
    /// precision it was written with.
    static func reformat(_ e: QuantityExpression, unit: MeasureUnit, formatter: UnitFormatter) -> String {
        func digits(_ n: SourceNumber) -> Int { n.denominator.map { $0 <= 2 ? 1 : ($0 <= 4 ? 2 : 3) } ?? n.fractionDigits }
        let last = e.atoms[e.atoms.count - 1].number
        let (prefix, suffix) = formatter.affixes(unit, sample: last.value, fractionDigits: digits(last))
        let body = render(e, prefix: prefix, suffix: suffix) { i in
            let n = e.atoms[i].number
            return (n.sign == .plusMinus ? "±" : n.sign == .plus ? "+" : "") + formatter.number(n.value, fractionDigits: digits(n))
        }
        return prefix + body + suffix
    }

    // MARK: surroundings

    private static let openParen = try! NSRegularExpression(pattern: #"^\s*\(\s*(?:(?:approx\.?|approximately|about|around|ca\.|circa|~|≈)\s*)?$"#, options: [.caseInsensitive])
    private static let closeParen = try! NSRegularExpression(pattern: #"^\s*\)"#)
    private static let slashGap = try! NSRegularExpression(pattern: #"^\s*/\s*$"#)

    /// "a (b)" or "a / b" where b is the same quantity in another unit and agrees with a within
    /// 10% (1.5° for temperatures): the span of the pair.
    static func equivalent(_ a: QuantityExpression, _ b: QuantityExpression, in ns: NSString) -> NSRange? {
        // Equivalents agree: "5,000 BTU/h (450 W)" is a cooling capacity and a power draw.
        guard let units = comparableUnits(a, b), a.atoms.count == b.atoms.count,
              agree(a, b, units, within: 0.1, degrees: 1.5) else { return nil }
        if let span = parenthesized(a, b, in: ns) { return span }
        let gapRange = NSRange(location: NSMaxRange(a.range), length: b.range.location - NSMaxRange(a.range))
        guard gapRange.length >= 0, gapRange.length <= 16 else { return nil }
        let gap = ns.substring(with: gapRange)
        if slashGap.firstMatch(in: gap, range: NSRange(location: 0, length: (gap as NSString).length)) != nil {
            return NSRange(location: a.range.location, length: NSMaxRange(b.range) - a.range.location)
        }
        return nil
    }

    /// The units of `a` and `b` when they measure the same quantity in different units; "oz"
    /// beside a volume is the fluid ounce ("16 oz (473 ml)" is a drink, not a weight).
    static func comparableUnits(_ a: QuantityExpression, _ b: QuantityExpression) -> (MeasureUnit, MeasureUnit)? {
        guard var ua = a.unit, var ub = b.unit else { return nil }
        if ua.id == "oz", ub.quantity == .volume, let fl = MeasureUnit.byID["fl-oz"] { ua = fl }
        if ub.id == "oz", ua.quantity == .volume, let fl = MeasureUnit.byID["fl-oz"] { ub = fl }
        guard ua.quantity == ub.quantity, ua.id != ub.id else { return nil }
        return (ua, ub)
    }

    /// Whether each figure of `a` (in `units.0`) is within `within` of `b`'s (in `units.1`), or
    /// `degrees` for temperatures.
    private static func agree(_ a: QuantityExpression, _ b: QuantityExpression, _ units: (MeasureUnit, MeasureUnit), within: Double, degrees: Double) -> Bool {
        zip(a.atoms, b.atoms).allSatisfy { x, y in
            let converted = Measurement(value: x.number.value, unit: units.0.dimension).converted(to: units.1.dimension).value
            let tolerance = units.0.quantity == .temperature ? degrees : within * max(abs(y.number.value), abs(converted))
            return abs(converted - y.number.value) <= tolerance
        }
    }

    /// The span of "a (b)" (also "a (approx. b)"), if `b` is in parentheses right after `a`.
    private static func parenthesized(_ a: QuantityExpression, _ b: QuantityExpression, in ns: NSString) -> NSRange? {
        let gapRange = NSRange(location: NSMaxRange(a.range), length: b.range.location - NSMaxRange(a.range))
        guard gapRange.length >= 0, gapRange.length <= 16 else { return nil }
        let gap = ns.substring(with: gapRange)
        guard openParen.firstMatch(in: gap, range: NSRange(location: 0, length: (gap as NSString).length)) != nil else { return nil }
        let rest = NSRange(location: NSMaxRange(b.range), length: min(4, ns.length - NSMaxRange(b.range)))
        guard let close = closeParen.firstMatch(in: ns.substring(with: rest), range: NSRange(location: 0, length: rest.length)) else { return nil }
        return NSRange(location: a.range.location, length: NSMaxRange(b.range) + close.range.length - a.range.location)
    }

    /// "a (b)" where b measures the same quantity in the other system (the market converts one
    /// of them, not both) but not figure for figure (another count of dimensions, or a rough
    /// "approx." within a third): the page already gives both. Figures further apart are
    /// different things ("5,000 BTU/h (450 W)": cooling capacity and power draw); two figures
    /// in the same system ("48 x 2.8 x 2.2 in (4 ft)") both convert.
    static func givesBoth(_ a: QuantityExpression, _ b: QuantityExpression, in ns: NSString, convert: [String: String]) -> Bool {
        guard let units = comparableUnits(a, b), (convert[units.0.id] == nil) != (convert[units.1.id] == nil) else { return false }
        return agree(a, b, units, within: 0.35, degrees: 5) && parenthesized(a, b, in: ns) != nil
    }

    /// Below one of `named`, the smaller unit of the same system reads naturally where
    /// engineers write it (tolerances, thicknesses): 0.05 mm, not 0.0051 cm.
    static func naturalTarget(for e: QuantityExpression, named: MeasureUnit) -> MeasureUnit {
        guard let smaller = smallerUnit[named.id].flatMap({ MeasureUnit.byID[$0] }), let source = e.unit else { return named }
        let largest = e.atoms.map { abs(Measurement(value: $0.number.magnitude, unit: source.dimension).converted(to: named.dimension).value) }.max() ?? 0
        return largest < 1 ? smaller : named
    }

    /// Target unit → the unit used below one of it: 0.05 mm, not 0.0051 cm; a 1.22 lb pack is
    /// 553 g, not 0.553 kg (metric markets write grams below a kilogram, on packs and in specs);
    /// a quarter mile is 400 m, not 0,40 km.
    static let smallerUnit: [String: String] = ["cm": "mm", "kg": "g", "km": "m"]

    /// Target unit → the unit used from a thousand of it: 1,89 l, not 1.890 ml; 1,02 kg, not
    /// 1.020 g (what packs and specs print).
    static let largerUnit: [String: String] = ["ml": "l", "g": "kg"]

    /// Whether `e` declares a pack's contents, exact by law rather than measured: written "fl oz"
    /// (or "fluid ounces"), the unit of a label's net contents. A 12 fl oz can holds 355 ml (what
    /// US labels print beside it, 21 CFR 101.105), not "350 ml" rounded to the fluid ounce. An
    /// "oz" that a cue makes a volume ("a 20 oz tumbler", "18 oz glasses") is a capacity,
    /// rounded as measured. See ``ConversionPrecision`` (declared contents).
    static func isDeclaredContent(_ e: QuantityExpression, in ns: NSString) -> Bool {
        e.unitID == "fl-oz" && declaredContentSpelling.firstMatch(in: ns as String, range: e.range) != nil
    }

    private static let declaredContentSpelling = try! NSRegularExpression(pattern: #"fl\.?\s?oz|fluid\s+ounce"#, options: [.caseInsensitive])

    private static let unitParenthesis = try! NSRegularExpression(pattern: #"\G\s*\(\s*(?:"# + UnitLexicon.spellings.map { "(\($0.pattern))" }.joined(separator: "|") + #")\s*\)"#)

    /// "(cu ft/min)" right after a quantity, naming its own unit.
    static func unitOnlyParenthesis(after e: QuantityExpression, in ns: NSString) -> NSRange? {
        let start = NSMaxRange(e.range)
        guard let m = unitParenthesis.firstMatch(in: ns as String, options: [.anchored, .withoutAnchoringBounds], range: NSRange(location: start, length: ns.length - start)) else { return nil }
        for (i, s) in UnitLexicon.spellings.enumerated() where m.range(at: i + 1).location != NSNotFound {
            return s.unit == e.unitID ? m.range : nil
        }
        return nil
    }

    private static let differenceBefore = try! NSRegularExpression(pattern: #"(?:\bby|\bwithin|\bdifferential(?: of)?|\bincrements? of|\bsteps? of|\b(?:rise|drop|increase|decrease|difference|change|swing|variation|fluctuation)s? of(?: up to| about| approx\.?| around)?|\bdelta|Δ)\s*$"#, options: [.caseInsensitive])
    private static let differenceAfter = try! NSRegularExpression(pattern: #"^\s*(?:temperature\s+)?(?:cooler|warmer|colder|hotter|lower|higher|less|more|rise|drop|increase|decrease|difference|differential|delta|swing|steps?|increments?|change|variation|above|below)\b"#, options: [.caseInsensitive])

    /// "raises the temperature by 2°F", "20°F cooler", "a 5°F rise", "±2°F", "5°F steps".
    /// "Up to 20°F cooler" is a difference by the word after it; "up to 104°F" is a limit.
    static func isTemperatureDifference(_ e: QuantityExpression, in ns: NSString) -> Bool {
        guard e.isSingle else { return false }
        if e.atoms[0].number.sign == .plusMinus { return true }
        let start = e.range.location, end = NSMaxRange(e.range)
        let before = ns.substring(with: NSRange(location: max(0, start - 24), length: start - max(0, start - 24)))
        let after = ns.substring(with: NSRange(location: end, length: min(24, ns.length - end)))
        let afterHit = differenceAfter.firstMatch(in: after, range: NSRange(location: 0, length: (after as NSString).length)) != nil
        if afterHit { return true }
        return differenceBefore.firstMatch(in: before, range: NSRange(location: 0, length: (before as NSString).length)) != nil
    }

    /// "Brazil uses metric units" / "The United States uses US customary units".
    static func reason(_ market: MarketProfile, quantity: MeasureUnit.Quantity) -> String {
        switch market.measurement.system {
        case .metric: "\(market.name) uses metric units"
        case .usCustomary: "\(market.name) uses US customary units"
        case .ukMixed: "\(market.name) uses metric units for \(quantity.rawValue)"
        }
    }
}
