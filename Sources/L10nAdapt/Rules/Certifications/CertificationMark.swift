import Foundation
/// A certification or conformity mark the copy may cite, what it attests and where it is at home.
///
/// The catalog is code, not market data: what "UL" means is the same for every market. Markets
/// say what *they* require (`certifications.<category>.required`); those strings are read with
/// this same catalog, so `required: [UKCA, CE]` or `[MIC/TELEC (技適)]` are understood.
struct CertificationMark: Sendable {
    /// Stable id (`UL`), also the name used in notes.
    let id: String
    /// What it is, to complete "UL is …".
    let what: String
    /// Product categories (market `certifications` keys) the mark can attest, most typical first.
    let categories: [String]
    /// Categories its mere mention tells about the product (UL → electrical-safety; CE → none).
    let implies: [String]
    /// ISO 3166 regions where the mark is the market's own (not foreign).
    let regions: Set<String>
    /// Whether, in those regions, the mark satisfies the legal requirement for its categories
    /// (CE does in the EU; a voluntary test mark such as GS or TÜV does not).
    let mandatory: Bool
    /// ICU regex without capture groups; matched with letter/digit boundaries on both sides.
    let pattern: String
    /// The names market files use for it (`required: [cUL]`), when they differ from how copy
    /// writes it or would be unsafe to search for in copy ("GB", "CB", "CTA").
    let aliases: Set<String>

    init(_ id: String, _ what: String, categories: [String], implies: [String] = [], regions: Set<String>, mandatory: Bool = true,
         aliases: Set<String> = [], pattern: String) {
        self.aliases = aliases.union([id])
        self.id = id
        self.what = what
        self.categories = categories
        self.implies = implies
        self.regions = regions
        self.mandatory = mandatory
        self.pattern = pattern
    }

    /// EU members plus the EEA (where CE, RoHS and the EU energy label apply).
    static let eea: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ]
    private static let conformity = ["electrical-safety", "radio", "emc", "machinery", "toys", "hazardous-substances", "pv-inverter", "medical"]

    /// Every known mark. Order matters where patterns share a start: the longer form first
    /// (`UL 1741` before `UL`, `China RoHS` before `RoHS`, `MIC/TELEC` before `TELEC`).
    static let all: [CertificationMark] = [
        // Great Britain recognises CE for most goods indefinitely (DBT, 2024), and Switzerland and
        // Türkiye accept it by agreement, so CE is at home there too.
        .init("CE", "the EU/EEA conformity mark", categories: conformity, regions: eea.union(["GB", "CH", "TR"]),
              pattern: #"CE"#),
        .init("UKCA", "the Great Britain conformity mark", categories: conformity, regions: ["GB"], pattern: #"UKCA|UKNI"#),
        .init("UL 1741", "a US grid-interconnection listing for inverters (UL)", categories: ["pv-inverter", "electrical-safety"],
              implies: ["pv-inverter"], regions: ["US", "CA"], pattern: #"UL\s?1741(?:[\s-]?S[AB])?"#),
        .init("UL", "a US/Canadian safety mark", categories: ["electrical-safety"], implies: ["electrical-safety"], regions: ["US", "CA"], aliases: ["cUL"],
              pattern: #"c-UL-us|c?UL(?:us)?(?!\s?94\b)(?:[\s-](?:Listed|Recognized|Certified|Classified))?"#),
        .init("ETL", "a US/Canadian safety mark (Intertek)", categories: ["electrical-safety"], implies: ["electrical-safety"], regions: ["US", "CA"],
              pattern: #"c?ETL(?:us)?(?:[\s-](?:Listed|Certified|Verified))?"#),
        .init("CSA", "a Canadian/US safety mark (CSA Group)", categories: ["electrical-safety"], implies: ["electrical-safety"], regions: ["CA", "US"],
              pattern: #"CSA(?:[\s-](?:Certified|Listed|Approved))?"#),
        .init("FCC", "a US radio and EMC authorization", categories: ["radio", "emc"], implies: ["radio"], regions: ["US"],
              pattern: #"FCC(?:\sID:?\s?[A-Z0-9][A-Z0-9-]{2,}|\sPart\s\d+(?:\s?[A-Z](?![\p{L}]))?)?"#),
        .init("IC", "a Canadian radio certification (ISED)", categories: ["radio", "emc"], implies: ["radio"], regions: ["CA"],
              pattern: #"ISED(?:\sCanada)?|Industry\sCanada|IC:\s?\d+[A-Z]?-[A-Z0-9]+|IC\sID|(?<=FCC\s?[/&]\s?)IC|(?<=FCC\sand\s)IC"#),
        .init("China RoHS", "China's hazardous-substances marking", categories: ["hazardous-substances"], implies: ["hazardous-substances"],
              regions: ["CN"], pattern: #"China\sRoHS"#),
        .init("RoHS", "the EU hazardous-substances directive", categories: ["hazardous-substances"], implies: ["hazardous-substances"],
              regions: eea.union(["GB", "CH", "TR"]), pattern: #"RoHS(?:\s?[23])?|ROHS"#),
        .init("WEEE", "the EU electronic-waste take-back marking", categories: [], regions: eea.union(["GB"]), pattern: #"WEEE"#),
        .init("Energy Star", "a US/Canadian energy-efficiency label (EPA)", categories: ["energy-efficiency"], implies: ["energy-efficiency"],
              regions: ["US", "CA"], pattern: #"(?i:energy\sstar)(?:®)?"#),
        .init("EU energy label", "the EU energy label", categories: ["energy-efficiency"], implies: ["energy-efficiency"], regions: eea.union(["GB", "CH", "TR"]),
              aliases: ["EU Ecodesign/energy label"], pattern: #"EU\s(?:Ecodesign/)?energy\slabel|EPREL"#),
        .init("DLC", "a US/Canadian utility-rebate listing for LED lighting (DesignLights Consortium)", categories: ["energy-efficiency"],
              implies: ["energy-efficiency"], regions: ["US", "CA"], pattern: #"DLC(?:\s(?:Listed|Premium|Qualified))?"#),
        .init("NSF", "a US food-equipment and drinking-water certification", categories: ["food-contact"], implies: ["food-contact"],
              regions: ["US", "CA"], pattern: #"NSF(?:/ANSI(?:/CAN)?\s?\d+)?"#),
        .init("FDA", "a US Food and Drug Administration reference", categories: ["food-contact", "medical"], implies: ["food-contact"],
              regions: ["US"], pattern: #"FDA"#),
        .init("LFGB", "the German food-contact law", categories: ["food-contact"], implies: ["food-contact"], regions: ["DE", "AT"],
              pattern: #"LFGB"#),
        .init("ASTM F963", "the US toy-safety standard", categories: ["toys"], implies: ["toys"], regions: ["US"], pattern: #"ASTM\sF963(?:-\d{2})?"#),
        .init("CPSIA", "the US children's-product safety law", categories: ["toys"], implies: ["toys"], regions: ["US"], pattern: #"CPSIA"#),
        .init("CPSC", "the US Consumer Product Safety Commission", categories: ["toys", "electrical-safety"], implies: ["toys"], regions: ["US"],
              pattern: #"CPSC"#),
        .init("EN 71", "the EU toy-safety standard", categories: ["toys"], implies: ["toys"], regions: eea.union(["GB"]), pattern: #"EN\s?71(?:-\d)?"#),
        .init("IEEE 1547", "the US grid-interconnection standard", categories: ["pv-inverter"], implies: ["pv-inverter"], regions: ["US"],
              pattern: #"IEEE\s?1547(?:\.1)?"#),
        .init("VDE-AR-N 4105", "the German grid-connection rule for generators", categories: ["pv-inverter"], implies: ["pv-inverter"],
              regions: ["DE"], pattern: #"VDE-AR-N\s?4105"#),
        .init("AS/NZS 4777", "the Australian/New Zealand inverter standard", categories: ["pv-inverter"], implies: ["pv-inverter"],
              regions: ["AU", "NZ"], pattern: #"AS/NZS\s?4777(?:\.2)?"#),
        .init("TÜV", "a German testing-body mark (voluntary)", categories: ["electrical-safety"], regions: ["DE", "AT"], mandatory: false,
              pattern: #"TÜV(?:\s(?:SÜD|Rheinland|NORD))?|TUV"#),
        .init("GS", "Germany's voluntary \"tested safety\" mark", categories: ["electrical-safety", "machinery"], regions: ["DE"], mandatory: false,
              aliases: ["GS"], pattern: #"GS(?=[\s-](?:mark|Zeichen|certified|tested))"#),
        .init("VDE", "a German testing-body mark (voluntary)", categories: ["electrical-safety"], regions: ["DE"], mandatory: false, pattern: #"VDE(?!-)"#),
        .init("PSE", "Japan's electrical-safety mark (METI)", categories: ["electrical-safety"], regions: ["JP"], pattern: #"PSE"#),
        .init("TELEC", "Japan's radio-equipment approval (MIC, 技適)", categories: ["radio"], regions: ["JP"],
              pattern: #"MIC/TELEC|TELEC|Giteki|技適(?:マーク)?|MIC(?=\s(?:certified|approved|certification|radio))"#),
        .init("VCCI", "Japan's EMC mark", categories: ["emc"], regions: ["JP"], pattern: #"VCCI"#),
        .init("CCC", "China Compulsory Certification", categories: ["electrical-safety", "emc"], regions: ["CN"], pattern: #"CCC"#),
        .init("SRRC", "China's radio type approval", categories: ["radio"], regions: ["CN"], pattern: #"SRRC|CMIIT\sID"#),
        .init("KC", "Korea's conformity mark (KC)", categories: ["electrical-safety", "radio", "emc"], regions: ["KR"], pattern: #"KC"#),
        .init("EAC", "the Eurasian Economic Union conformity mark", categories: conformity, regions: ["RU", "BY", "KZ", "AM", "KG"], pattern: #"EAC"#),
        .init("INMETRO", "Brazil's conformity mark (Inmetro)", categories: ["electrical-safety", "toys", "energy-efficiency"], regions: ["BR"],
              pattern: #"INMETRO|Inmetro"#),
        .init("ANATEL", "Brazil's telecom and radio approval (Anatel)", categories: ["radio"], regions: ["BR"], pattern: #"ANATEL|Anatel"#),
        .init("NOM", "Mexico's official-standard mark", categories: ["electrical-safety", "energy-efficiency"], regions: ["MX"],
              pattern: #"NOM(?:-\d{3}(?:-[A-Z0-9]+)*)?"#),
        .init("RCM", "the Australian/New Zealand compliance mark", categories: ["electrical-safety", "radio", "emc"], regions: ["AU", "NZ"],
              pattern: #"RCM|C-Tick"#),
        .init("BIS", "India's standards mark (BIS)", categories: ["electrical-safety"], regions: ["IN"], pattern: #"BIS|ISI\smark"#),
        .init("SASO", "Saudi Arabia's product-conformity mark (SASO)", categories: ["electrical-safety", "energy-efficiency", "toys", "machinery", "emc", "hazardous-substances"],
              regions: ["SA"], pattern: #"SASO(?:\s\d{3,4})?"#),
        .init("SABER", "Saudi Arabia's product-registration platform (SABER)", categories: ["electrical-safety", "emc", "toys", "machinery", "pv-inverter"],
              regions: ["SA"], pattern: #"SABER"#),
        .init("G-Mark", "the Gulf (GCC) conformity mark", categories: ["electrical-safety", "toys"], regions: ["SA", "AE", "KW", "BH", "QA", "OM"],
              pattern: #"G-Mark|GCC\sConformity\sMark"#),
        .init("ECAS", "the UAE conformity scheme (ECAS)", categories: ["electrical-safety", "emc", "energy-efficiency", "toys", "hazardous-substances"],
              regions: ["AE"], pattern: #"ECAS"#),
        .init("TDRA", "the UAE radio-equipment approval (TDRA)", categories: ["radio"], regions: ["AE"], pattern: #"TDRA"#),
        .init("CB", "the international IECEE CB test certificate", categories: ["electrical-safety"], regions: [], mandatory: false,
              pattern: #"CB\s(?:Scheme|scheme|certificate|report|test\scertificate)|IECEE\sCB"#),
        .init("CITC", "Saudi Arabia's radio-equipment approval (CST, formerly CITC)", categories: ["radio"], regions: ["SA"], pattern: #"CITC"#),
        .init("BSMI", "Taiwan's product-safety mark", categories: ["electrical-safety"], regions: ["TW"], pattern: #"BSMI"#),
        .init("KCC", "Korea's former radio/EMC mark (now KC)", categories: ["radio", "emc"], regions: ["KR"], pattern: #"KCC"#),
        .init("KS", "a Korean Industrial Standard", categories: ["pv-inverter", "electrical-safety"], regions: ["KR"], pattern: #"KS\s?[A-Z]\s?\d{4}"#),
        .init("CTA", "China's network access licence (CTA/NAL)", categories: ["radio"], regions: ["CN"], pattern: #"Network\sAccess\sLicen[cs]e"#),
        .init("GB", "a Chinese national standard (GB)", categories: ["energy-efficiency", "food-contact", "pv-inverter", "machinery", "electrical-safety"],
              regions: ["CN"], pattern: #"GB(?:/T)?\s?\d{3,5}(?:\.\d+)?(?:-\d{4})?"#),
        .init("JIS", "a Japanese Industrial Standard", categories: ["hazardous-substances"], regions: ["JP"], pattern: #"JIS(?:\s?[A-Z]\s?\d{4}(?:-\d)?)?"#),
        .init("IFT", "Mexico's telecom-equipment approval (IFT)", categories: ["radio"], regions: ["MX"], pattern: #"IFT(?=[\s:-]\s?(?:\d|approv|certif))"#),
        .init("SAA", "an Australian electrical approval (SAA)", categories: ["electrical-safety"], regions: ["AU", "NZ"], pattern: #"SAA"#),
        .init("WPC", "India's radio-equipment approval (WPC/ETA)", categories: ["radio"], regions: ["IN"],
              pattern: #"WPC(?=\s(?:approval|approved|certified|ETA))|ETA\s(?:approval|certificate)"#),
        .init("GOST-R", "the Russian GOST R certification", categories: ["food-contact", "electrical-safety"], regions: ["RU"], pattern: #"GOST(?:[-\s]R)?"#),
        .init("TSE", "the Turkish Standards Institution mark", categories: ["electrical-safety"], regions: ["TR"], mandatory: false, pattern: #"TSE"#),
        .init("PSB", "Singapore's Safety Mark", categories: ["electrical-safety"], regions: ["SG"], pattern: #"PSB(?:\sSafety\sMark)?"#),
        .init("IMDA", "Singapore's radio-equipment registration (IMDA)", categories: ["radio"], regions: ["SG"], pattern: #"IMDA"#),
        .init("S-Mark", "the Swiss safety mark (ESTI)", categories: ["electrical-safety"], regions: ["CH"], mandatory: false, pattern: #"S-Mark|ESTI"#),
        .init("OFCOM", "the Swiss radio regulator (OFCOM/BAKOM)", categories: ["radio"], regions: ["CH"], pattern: #"OFCOM|BAKOM"#),
        .init("DGCCRF", "the French consumer-protection authority (food-contact rules)", categories: ["food-contact"], regions: ["FR"], pattern: #"DGCCRF"#),
    ]

    /// All marks as one alternation; capture group *i* + 1 is ``all``[*i*].
    static let pattern = NSRegularExpression.compiled("(?<![\\p{L}\\p{N}])(?:" + all.map { "(\($0.pattern))" }.joined(separator: "|") + ")(?![\\p{L}\\p{N}])")

    /// The marks a market file's `required` entry names (`cUL` → UL, `MIC/TELEC` → TELEC).
    static func named(_ entry: String) -> [CertificationMark] {
        let exact = all.filter { $0.aliases.contains(entry) }
        return exact.isEmpty ? find(in: entry).map(\.mark) : exact
    }

    /// Every mark cited in `text`, in order.
    static func find(in text: String) -> [(range: Range<String.Index>, mark: CertificationMark)] {
        let found = memo.value(for: text) {
            pattern.scan(text).compactMap { hit -> (Range<Int>, Int)? in
                guard let i = all.indices.first(where: { hit.result.range(at: $0 + 1).location != NSNotFound }) else { return nil }
                return (text.utf8Offsets(of: hit.range), i)
            }
        }
        return found.map { (text.range(utf8Offsets: $0.0), all[$0.1]) }
    }

    /// The marks' places (UTF-8 offsets) and indices in ``all`` by text: a page adapted for
    /// several markets is searched once (see ``TextMemo``).
    static let memo = TextMemo<[(Range<Int>, Int)]>()
}
