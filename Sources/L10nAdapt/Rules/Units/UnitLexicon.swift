/// The spellings of units an en-US page writes after a number, each mapped to a
/// ``MeasureUnit`` id. Imperial/US spellings for metric markets, metric ones for the US market.
///
/// Order matters: the scanner's alternation takes the first spelling that matches, so longer
/// spellings ("ft-lbs", "sq ft", "gal/min") come before their prefixes ("ft", "gal").
/// Case-sensitive on purpose where case changes the meaning (`M`, `G`, `T`, `mm`/`Mm`, `W`).
enum UnitLexicon {
    enum Spacing: Sendable {
        /// Directly after the number: `5"`, `6'`.
        case attached
        /// Optionally after a space (or NBSP, narrow NBSP, thin space) or a hyphen ("6-qt").
        case spaced
    }

    struct Spelling: Sendable {
        let unit: String
        let pattern: String
        let spacing: Spacing
        /// An inch or foot mark (`"`, `″`, `'`, `′`), which only ever follows a number.
        let isMark: Bool
        /// The bare word "in", which is also the preposition: accepted only in size-like
        /// surroundings (see ``UnitConversionRule``'s heuristic).
        let isBareIn: Bool

        init(_ unit: String, _ pattern: String, _ spacing: Spacing = .spaced, isMark: Bool = false, isBareIn: Bool = false) {
            self.unit = unit
            self.pattern = pattern
            self.spacing = spacing
            self.isMark = isMark
            self.isBareIn = isBareIn
        }
    }

    /// A period after an abbreviation belongs to it only when the sentence clearly goes on
    /// ("3 in. lag screws", "12 in., 5 lb"); "…up to 25 ft. For deeper wells" keeps its full stop.
    static let dot = #"(?:\.(?=[ \u00A0]+\p{Ll}|[,;:)\]/]))?"#

    static let spellings: [Spelling] = [
        // torque, before length and mass
        .init("ft-lbf", #"(?:ft\.?[-‐·⋅ ]?lbs?|lbs?\.?[-‐·⋅]ft|lb\.? ft|foot[-‐ ]pounds?|pound[-‐ ]f(?:ee|oo)t|lbf[-·⋅ ]?ft)"# + dot),
        .init("in-lbf", #"(?:in\.?[-‐·⋅]lbs?|in\.? lbs|lbs?\.?[-‐·⋅]in|inch[-‐ ]pounds?|pound[-‐ ]inch(?:es)?|lbf[-·⋅ ]?in)"# + dot),
        .init("N-m", #"(?:N[·⋅.\-]?m)"#),
        // flow, before volume and length
        .init("gpm", #"(?:GPM|gpm|gal\.?/min|[Gg]allons? per minute)"#),
        .init("gph", #"(?:GPH|gph|gal\.?/h(?:r|our)?|[Gg]allons? per hour)"#),
        .init("cfm", #"(?:CFM|cfm|cu\.? ?ft\.?/min|ft³/min|cubic f(?:ee|oo)t per minute)"#),
        .init("l-min", #"(?:[lL]/min|LPM|lpm|lit(?:er|re)s? per minute)"#),
        .init("l-h", #"(?:[lL]/h|lit(?:er|re)s? per hour)"#),
        .init("m3-h", #"(?:m³/h|m3/h|m³/hr|m3/hr)"#),
        // feed rate, before length ("in") and speed ("m/s")
        .init("in-min", #"(?:in\.?/min|IPM|ipm|inch(?:es)? per minute)"#),
        .init("mm-min", #"(?:mm/min)"#),
        // speed
        .init("mph", #"(?:mph|MPH|miles per hour)"#),
        .init("km-h", #"(?:km/h|kph|km/hr)"#),
        .init("m-s", #"(?:m/s)"#),
        // power
        .init("btu-h", #"(?:BTU/h(?:r|our)?|Btu/h(?:r)?|BTUh|BTUH|Btuh|BTU|Btu)"#),
        .init("hp", #"(?:HP|hp|Hp|horsepower)"#),
        .init("kW", #"(?:kW|kilowatts?)"#),
        .init("W", #"(?:W|watts?)"#),
        // pressure
        .init("psi", #"(?:psi[ag]?|PSI[AG]?)"#),
        .init("inHg", #"(?:inHg|in\.? ?Hg)"#),
        .init("kPa", #"(?:kPa)"#),
        .init("MPa", #"(?:MPa)"#),
        .init("bar", #"(?:bars?)"#),
        // temperature: the degree sign may be spaced from the number and from the letter
        .init("F", #"(?:[°º˚] ?F|℉|degrees? (?:Fahrenheit|F)|deg\.? ?F)"#),
        .init("C", #"(?:[°º˚] ?C|℃|degrees? (?:Celsius|C)|deg\.? ?C)"#),
        // areal weight, before area and mass ("g/m²/24h" is a vapour transmission rate: not this)
        .init("oz-sq-yd", #"(?:oz\.?/(?:sq\.? ?yd|yd²|yd2)|ounces? per square yard)(?!/)"#),
        .init("g-m2", #"(?:g/m²|g/m2|gsm|GSM)(?!/)"#),
        // area
        .init("sq-ft", #"(?:sq\.? ?ft|ft²|ft2|square f(?:ee|oo)t|sq\.? feet)"# + dot),
        .init("sq-in", #"(?:sq\.? ?in(?:ch(?:es)?)?|in²|square inch(?:es)?)"# + dot),
        .init("sq-yd", #"(?:sq\.? ?yds?|yd²|square yards?)"# + dot),
        .init("sq-mi", #"(?:sq\.? ?mi|mi²|square miles?)"# + dot),
        .init("acre", #"(?:acres?)"#),
        .init("m2", #"(?:m²|m2|sq\.? ?m|square met(?:er|re)s?)"#),
        .init("cm2", #"(?:cm²|cm2)"#),
        .init("km2", #"(?:km²|km2)"#),
        .init("ha", #"(?:ha|hectares?)"#),
        // volume
        .init("fl-oz", #"(?:fl\.? ?oz|fluid ounces?)"# + dot),
        .init("cu-ft", #"(?:cu\.? ?ft|ft³|ft3|cubic f(?:ee|oo)t)"# + dot),
        .init("cu-in", #"(?:cu\.? ?in|in³|cubic inch(?:es)?)"# + dot),
        .init("cup", #"(?:cups?)"#),
        .init("pt", #"(?:pints?)"#),
        .init("qt", #"(?:qts?|Qts?|QTS?|quarts?|Quarts?)"# + dot),
        .init("gal-imp", #"(?:imperial gallons?|imp\.? gal)"#),
        .init("gal", #"(?:gal|Gal|GAL|gallons?|Gallons?)"# + dot),
        .init("ml", #"(?:ml|mL|millilit(?:er|re)s?)"#),
        .init("m3", #"(?:m³|m3|cubic met(?:er|re)s?)"#),
        .init("cm3", #"(?:cm³|cm3|cc)"#),
        .init("l", #"(?:L|l|lit(?:er|re)s?)"#),
        // mass
        .init("oz", #"(?:oz|ounces?)"# + dot),
        .init("lb", #"(?:lbs?|pounds?)"# + dot),
        .init("kg", #"(?:kg|kilograms?|kilos?)"#),
        .init("g", #"(?:g|grams?)"#),
        .init("t", #"(?:t|tonnes?|metric tons?)"#),
        // length
        .init("in", #"(?:inch(?:es)?)"#),
        .init("in", #"(?:in\.(?=[ \u00A0]+\p{Ll}|[,;:)\]/]))"#),
        .init("in", #"(?:in)"#, isBareIn: true),
        .init("in", #"(?:"|″|”|'')"#, .attached, isMark: true),
        .init("ft", #"(?:ft|feet|foot)"# + dot),
        .init("ft", #"(?:'|′|’)"#, .attached, isMark: true),
        .init("yd", #"(?:yds?|yards?)"# + dot),
        .init("mi", #"(?:mi|miles?)"# + dot),
        .init("mm", #"(?:mm|millimet(?:er|re)s?)"#),
        .init("cm", #"(?:cm|centimet(?:er|re)s?)"#),
        .init("km", #"(?:km|kilomet(?:er|re)s?)"#),
        .init("m", #"(?:m|met(?:er|re)s?)"#),
    ]

    /// Spaces allowed between a number and a spaced unit.
    static let space = #"[ \u00A0\u202F\u2009]"#

    /// What may not follow a unit: a letter or digit (so "in" is not "inside", "m" not "min",
    /// "W" not "Wh"), "-1" or "-in" ("5-in-1"), or "/" + letter ("lb/ft", "oz/ft": compound
    /// units this rule does not know must not be half-converted). Marks may be followed by "x"
    /// ("48"x48"").
    static let wordEnd = #"(?![\p{L}\p{N}_])(?![-‐][\p{L}\p{N}])(?!/\p{L})"#
    static let markEnd = #"(?!\p{N})(?![\p{L}--[xX]])(?!/\p{L})"#

    /// One capture group per spelling, in order; group `firstGroup + i` is `spellings[i]`.
    ///
    /// Consecutive spellings of the same spacing share one end check: `(?:(a)|(b))end` tries
    /// `a`, then `end`, then backtracks into `b`, exactly as `(a)end|(b)end` does, but ICU
    /// compiles each `\p{L}` set of an end check anew, and one per spelling was most of the
    /// cost of compiling this expression (≈ 140 M instructions at every start).
    static func alternation() -> String {
        var runs: [(spacing: Spacing, alternatives: [String])] = []
        for s in spellings {
            let alternative = switch s.spacing {
            case .attached: "(\(s.pattern))"
            case .spaced: "(?:\(space)|[-‐])?(\(s.pattern))"
            }
            if runs.last?.spacing == s.spacing { runs[runs.count - 1].alternatives.append(alternative) } else { runs.append((s.spacing, [alternative])) }
        }
        return runs.map { run in
            "(?:" + run.alternatives.joined(separator: "|") + ")" + (run.spacing == .attached ? markEnd : wordEnd)
        }.joined(separator: "|")
    }
}
