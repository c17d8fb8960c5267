import Foundation
/// The product categories a text is about, for certification advice, when the user gave none
/// (`AdaptationContext.categories`). Keys are the market files' `certifications` keys.
///
/// Inference is deliberately shallow, keyword by keyword: it only decides which of the
/// market's regimes to mention next to a mark the copy already cites.
enum ProductCategories {
    private static let cues: [(category: String, pattern: NSRegularExpression)] = [
        ("radio", NSRegularExpression.compiled(#"\b(?:bluetooth|wi-?fi|wireless|radio|zigbee|z-wave|nfc|lte|4g|5g|2\.4\s?ghz|walkie-talkie|transmitter)\b"#, options: .caseInsensitive)),
        ("electrical-safety", NSRegularExpression.compiled(#"\b(?:\d{3}\s?v(?:ac)?|mains|plugs?|outlets?|power\scords?|ac\sadapter|wall\scharger)\b"#, options: .caseInsensitive)),
        ("food-contact", NSRegularExpression.compiled(#"\b(?:cookware|food|kitchen|cutting\sboard|utensils?|drinking\swater|bpa-free|food-safe|food-grade|frying\span|saucepan|bakeware|tumbler|water\sbottle|NSF|FDA)\b"#, options: .caseInsensitive)),
        ("toys", NSRegularExpression.compiled(#"\b(?:toys?|ASTM\sF963|CPSIA|choking\shazard|EN\s?71)\b|\bages?\s\d+\s?(?:\+|and\sup|years?\sand\sup)|\b\d+\+\s?(?:years|yrs)\b"#, options: .caseInsensitive)),
        ("pv-inverter", NSRegularExpression.compiled(#"\b(?:inverters?|microinverters?|photovoltaic|PV|solar|grid-tie|UL\s?1741)\b"#, options: .caseInsensitive)),
        ("energy-efficiency", NSRegularExpression.compiled(#"\b(?:energy\sstar|kwh\s?/\s?(?:year|yr|annum)|kwh\sper\syear|energy\s(?:class|label|rating|efficiency))\b"#, options: .caseInsensitive)),
        ("machinery", NSRegularExpression.compiled(#"\b(?:CNC|machinery|lathes?|milling\smachines?|(?:wood|plunge|trim|spindle|CNC)\srouters?|table\ssaws?|band\ssaws?|(?<!coffee\s|espresso\s|washing\s|bread\s|ice\s|answering\s|fax\s|time\s)machines?)\b"#, options: .caseInsensitive)),
        ("hazardous-substances", NSRegularExpression.compiled(#"\b(?:RoHS|lead-free|REACH)\b"#)),
        ("medical", NSRegularExpression.compiled(#"\b(?:medical\sdevice|510\(k\)|FDA[-\s]cleared)"#, options: .caseInsensitive)),
    ]

    /// The categories `text` suggests, plus those the marks it cites imply (UL → electrical-safety).
    static func infer(from text: String, marks: [CertificationMark]) -> Set<String> {
        var found = Set(marks.flatMap(\.implies))
        for cue in cues where !found.contains(cue.category) && cue.pattern.occurs(in: text) {
            found.insert(cue.category)
        }
        return found
    }

    /// How a note names the category ("Brazil requires … for electrical safety").
    static func displayName(_ category: String) -> String {
        switch category {
        case "electrical-safety": "electrical safety"
        case "radio": "radio equipment"
        case "emc": "electromagnetic compatibility"
        case "energy-efficiency": "energy efficiency"
        case "food-contact": "food-contact materials"
        case "toys": "toys"
        case "pv-inverter": "grid-connected (PV) inverters"
        case "hazardous-substances": "hazardous substances"
        case "machinery": "machinery"
        case "medical": "medical devices"
        default: category.replacingOccurrences(of: "-", with: " ")
        }
    }
}
