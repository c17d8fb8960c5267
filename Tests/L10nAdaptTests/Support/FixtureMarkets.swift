@testable import L10nAdapt

/// Stand-ins for the markets the advisory and spelling examples use, mirroring the values of
/// `Sources/L10nAdapt/Resources/Markets/<id>.yaml` that the rules read (mains, certification
/// regimes, tone policy, spelling), with short notes. ``AdvisoryHarness`` prefers the real
/// files and falls back to these only when a file is absent or does not decode in this build.
enum FixtureMarkets {
    static let byID: [String: MarketProfile] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    static let all: [MarketProfile] = [
        MarketProfile(
            id: "br", name: "Brazil", language: "pt-BR", locale: "pt_BR", currency: "BRL",
            measurement: .init(system: .metric, convert: [:], keep: []),
            electrical: .init(voltages: [127.0, 220.0], frequency: 60.0, plugs: ["C", "N"], plugStandard: "NBR 14136", summary: "Brazil: 127 V or 220 V depending on the region, 60 Hz; NBR 14136 plugs (type N, 10 A and 20 A), two-pin type C also fits. Products need a bivolt (127/220 V) design or a clearly marked voltage."),
            certifications: [
                "electrical-safety": .init(required: ["INMETRO"], authority: "Inmetro", note: "(test fixture)"),
                "radio": .init(required: ["ANATEL"], authority: "Anatel", note: "(test fixture)"),
                "emc": .init(required: ["ANATEL"], authority: "Anatel", note: "(test fixture)"),
                "energy-efficiency": .init(required: ["INMETRO"], authority: "Inmetro (PBE) / Procel", note: "(test fixture)"),
                "food-contact": .init(required: [], authority: "Anvisa", note: "(test fixture)"),
                "toys": .init(required: ["INMETRO"], authority: "Inmetro", note: "(test fixture)"),
                "pv-inverter": .init(required: ["INMETRO"], authority: "Inmetro / ANEEL", note: "(test fixture)"),
                "hazardous-substances": .init(required: [], authority: "Ministério do Meio Ambiente / IBAMA", note: "(test fixture)"),
                "machinery": .init(required: [], authority: "Ministério do Trabalho e Emprego", note: "(test fixture)"),
                "medical": .init(required: [], authority: "Anvisa", note: "(test fixture)"),
            ],
            spelling: nil,
            tone: .init(address: .informal, superlatives: .flag, comparatives: .allow, exclamationRun: 2, allCaps: .flag, emoji: .allow, note: "(test fixture)"),
            dates: .init(order: .dmy, separator: "/", pattern: "dd/MM/yyyy", longPattern: "d 'de' MMMM 'de' yyyy")
        ),
        MarketProfile(
            id: "de", name: "Germany", language: "de-DE", locale: "de_DE", currency: "EUR",
            measurement: .init(system: .metric, convert: [:], keep: []),
            electrical: .init(voltages: [230.0], frequency: 50.0, plugs: ["C", "F"], plugStandard: "DIN VDE 0620-1", summary: "Germany: 230 V, 50 Hz, Schuko plug (type F, CEE 7/4) and Europlug (type C) for small devices up to 2.5 A."),
            certifications: [
                "electrical-safety": .init(required: ["CE"], authority: "Marktüberwachungsbehörden der Länder (state market surveillance) / BAuA", note: "(test fixture)"),
                "radio": .init(required: ["CE"], authority: "Bundesnetzagentur", note: "(test fixture)"),
                "emc": .init(required: ["CE"], authority: "Bundesnetzagentur", note: "(test fixture)"),
                "energy-efficiency": .init(required: ["EU Ecodesign/energy label"], authority: "Marktüberwachungsbehörden der Länder / Bundesanstalt für Materialforschung und -prüfung (BAM)", note: "(test fixture)"),
                "food-contact": .init(required: ["LFGB"], authority: "Lebensmittelüberwachung der Länder / BVL", note: "(test fixture)"),
                "toys": .init(required: ["CE"], authority: "Marktüberwachungsbehörden der Länder", note: "(test fixture)"),
                "pv-inverter": .init(required: ["CE"], authority: "Netzbetreiber (grid operators) / Bundesnetzagentur (Marktstammdatenregister)", note: "(test fixture)"),
                "hazardous-substances": .init(required: ["RoHS", "WEEE"], authority: "Umweltbundesamt / stiftung ear", note: "(test fixture)"),
                "machinery": .init(required: ["CE"], authority: "Marktüberwachungsbehörden der Länder (Arbeitsschutz)", note: "(test fixture)"),
                "medical": .init(required: ["CE"], authority: "BfArM / Länder authorities", note: "(test fixture)"),
            ],
            spelling: nil,
            tone: .init(address: .formal, superlatives: .flag, comparatives: .flag, exclamationRun: 2, allCaps: .flag, emoji: .flag, note: "(test fixture)"),
            dates: .init(order: .dmy, separator: ".", pattern: "dd.MM.yyyy", longPattern: "d. MMMM yyyy")
        ),
        MarketProfile(
            id: "jp", name: "Japan", language: "ja-JP", locale: "ja_JP", currency: "JPY",
            measurement: .init(system: .metric, convert: [:], keep: []),
            electrical: .init(voltages: [100.0], frequency: 50.0, plugs: ["A", "B"], plugStandard: "JIS C 8303", summary: "Japan: 100 V; 50 Hz in eastern Japan (Tokyo, Tohoku, Hokkaido) and 60 Hz in western Japan (Nagoya, Osaka, Kyushu) — products must work on both or state their region; JIS C 8303 plugs (types A and B). US 120 V products are not rated for 100 V."),
            certifications: [
                "electrical-safety": .init(required: ["PSE"], authority: "METI (Ministry of Economy, Trade and Industry)", note: "(test fixture)"),
                "radio": .init(required: ["TELEC"], authority: "Ministry of Internal Affairs and Communications (MIC)", note: "(test fixture)"),
                "emc": .init(required: ["PSE", "VCCI"], authority: "METI (DENAN) / VCCI Council", note: "(test fixture)"),
                "energy-efficiency": .init(required: [], authority: "Agency for Natural Resources and Energy (METI)", note: "(test fixture)"),
                "food-contact": .init(required: [], authority: "Consumer Affairs Agency / MHLW", note: "(test fixture)"),
                "toys": .init(required: [], authority: "METI / Consumer Affairs Agency", note: "(test fixture)"),
                "pv-inverter": .init(required: [], authority: "Electric utilities / JET (Japan Electrical Safety & Environment Technology Laboratories)", note: "(test fixture)"),
                "hazardous-substances": .init(required: ["JIS"], authority: "METI", note: "(test fixture)"),
                "machinery": .init(required: [], authority: "MHLW (Industrial Safety and Health Act)", note: "(test fixture)"),
                "medical": .init(required: [], authority: "MHLW / PMDA", note: "(test fixture)"),
            ],
            spelling: nil,
            tone: .init(address: .formal, superlatives: .flag, comparatives: .flag, exclamationRun: 2, allCaps: .flag, emoji: .flag, note: "(test fixture)"),
            dates: .init(order: .ymd, separator: "/", pattern: "yyyy/MM/dd", longPattern: "yyyy年M月d日")
        ),
        MarketProfile(
            id: "uk", name: "United Kingdom", language: "en-GB", locale: "en_GB", currency: "GBP",
            measurement: .init(system: .metric, convert: [:], keep: []),
            electrical: .init(voltages: [230.0], frequency: 50.0, plugs: ["G"], plugStandard: "BS 1363", summary: "United Kingdom: 230 V, 50 Hz, BS 1363 fused plug (type G). Domestic appliances must be supplied with a BS 1363 plug fitted (or an approved BS 1363/A conversion plug); a travel adaptor does not satisfy the 1994 Plugs and Sockets Regulations."),
            certifications: [
                "electrical-safety": .init(required: ["UKCA", "CE"], authority: "OPSS (Office for Product Safety and Standards) / Trading Standards", note: "(test fixture)"),
                "radio": .init(required: ["UKCA", "CE"], authority: "OPSS / Ofcom", note: "(test fixture)"),
                "emc": .init(required: ["UKCA", "CE"], authority: "OPSS", note: "(test fixture)"),
                "energy-efficiency": .init(required: ["EU Ecodesign/energy label"], authority: "OPSS / DESNZ", note: "(test fixture)"),
                "food-contact": .init(required: [], authority: "Food Standards Agency", note: "(test fixture)"),
                "toys": .init(required: ["UKCA", "CE"], authority: "OPSS / Trading Standards", note: "(test fixture)"),
                "pv-inverter": .init(required: ["UKCA", "CE"], authority: "Distribution network operators / ENA", note: "(test fixture)"),
                "hazardous-substances": .init(required: ["RoHS", "WEEE"], authority: "OPSS / Environment Agency", note: "(test fixture)"),
                "machinery": .init(required: ["UKCA", "CE"], authority: "HSE / OPSS", note: "(test fixture)"),
                "medical": .init(required: ["UKCA", "CE"], authority: "MHRA", note: "(test fixture)"),
            ],
            spelling: "en-GB",
            tone: .init(address: .neutral, superlatives: .flag, comparatives: .allow, exclamationRun: 2, allCaps: .flag, emoji: .allow, note: "(test fixture)"),
            dates: .init(order: .dmy, separator: "/", pattern: "dd/MM/yyyy", longPattern: "d MMMM yyyy")
        ),
        MarketProfile(
            id: "us", name: "United States", language: "en-US", locale: "en_US", currency: "USD",
            measurement: .init(system: .metric, convert: [:], keep: []),
            electrical: .init(voltages: [120.0, 240.0], frequency: 60.0, plugs: ["A", "B"], plugStandard: "ANSI/NEMA WD 6", summary: "United States: 120 V, 60 Hz, NEMA 1-15 / 5-15 plugs (types A and B); 240 V split-phase circuits with NEMA 6-, 10- or 14- receptacles for large appliances."),
            certifications: [
                "electrical-safety": .init(required: ["UL", "ETL", "CSA"], authority: "OSHA (NRTL program) / CPSC / local authorities having jurisdiction", note: "(test fixture)"),
                "radio": .init(required: ["FCC"], authority: "FCC", note: "(test fixture)"),
                "emc": .init(required: ["FCC"], authority: "FCC", note: "(test fixture)"),
                "energy-efficiency": .init(required: [], authority: "DOE / FTC / California Energy Commission", note: "(test fixture)"),
                "food-contact": .init(required: ["FDA"], authority: "FDA", note: "(test fixture)"),
                "toys": .init(required: [], authority: "CPSC", note: "(test fixture)"),
                "pv-inverter": .init(required: ["UL", "ETL", "CSA"], authority: "NRTLs / local AHJ / utilities", note: "(test fixture)"),
                "hazardous-substances": .init(required: [], authority: "US EPA (TSCA) / California OEHHA (Prop 65) / state agencies", note: "(test fixture)"),
                "machinery": .init(required: ["UL", "ETL", "CSA"], authority: "OSHA", note: "(test fixture)"),
                "medical": .init(required: ["FDA"], authority: "FDA", note: "(test fixture)"),
            ],
            spelling: "en-US",
            tone: .init(address: .neutral, superlatives: .flag, comparatives: .allow, exclamationRun: 2, allCaps: .flag, emoji: .allow, note: "(test fixture)"),
            dates: .init(order: .mdy, separator: "/", pattern: "MM/dd/yyyy", longPattern: "MMMM d, yyyy")
        ),
        MarketProfile(
            id: "au", name: "Australia", language: "en-AU", locale: "en_AU", currency: "AUD",
            measurement: .init(system: .metric, convert: [:], keep: []),
            electrical: .init(voltages: [230.0], frequency: 50.0, plugs: ["I"], plugStandard: "AS/NZS 3112", summary: "Australia: 230 V, 50 Hz, AS/NZS 3112 plug (type I, 10 A; 15 A variant with wider earth pin)."),
            certifications: [
                "electrical-safety": .init(required: ["RCM"], authority: "Electrical Regulatory Authorities Council (EESS) / state electrical safety regulators", note: "(test fixture)"),
                "radio": .init(required: ["RCM"], authority: "ACMA", note: "(test fixture)"),
                "emc": .init(required: ["RCM"], authority: "ACMA", note: "(test fixture)"),
                "energy-efficiency": .init(required: [], authority: "Department of Climate Change, Energy, the Environment and Water (GEMS Regulator)", note: "(test fixture)"),
                "food-contact": .init(required: [], authority: "Food Standards Australia New Zealand / state food authorities", note: "(test fixture)"),
                "toys": .init(required: [], authority: "ACCC", note: "(test fixture)"),
                "pv-inverter": .init(required: ["RCM"], authority: "Clean Energy Council / network service providers / EESS", note: "(test fixture)"),
                "hazardous-substances": .init(required: [], authority: "DCCEEW / state EPAs", note: "(test fixture)"),
                "machinery": .init(required: [], authority: "Safe Work Australia / state WHS regulators", note: "(test fixture)"),
                "medical": .init(required: [], authority: "Therapeutic Goods Administration (TGA)", note: "(test fixture)"),
            ],
            spelling: "en-AU",
            tone: .init(address: .neutral, superlatives: .flag, comparatives: .allow, exclamationRun: 2, allCaps: .flag, emoji: .allow, note: "(test fixture)"),
            dates: .init(order: .dmy, separator: "/", pattern: "dd/MM/yyyy", longPattern: "d MMMM yyyy")
        ),
        MarketProfile(
            id: "ca", name: "Canada", language: "en-CA", locale: "en_CA", currency: "CAD",
            measurement: .init(system: .metric, convert: [:], keep: []),
            electrical: .init(voltages: [120.0, 240.0], frequency: 60.0, plugs: ["A", "B"], plugStandard: "CSA C22.2 No. 42", summary: "Canada: 120 V, 60 Hz, NEMA 1-15 / 5-15 plugs (types A and B, same as the US); 240 V split-phase for large appliances."),
            certifications: [
                "electrical-safety": .init(required: ["CSA", "cUL", "ETL"], authority: "SCC-accredited certification bodies / provincial electrical safety regulators / Health Canada", note: "(test fixture)"),
                "radio": .init(required: ["IC"], authority: "ISED Canada (Innovation, Science and Economic Development)", note: "(test fixture)"),
                "emc": .init(required: ["IC"], authority: "ISED Canada", note: "(test fixture)"),
                "energy-efficiency": .init(required: [], authority: "Natural Resources Canada (NRCan)", note: "(test fixture)"),
                "food-contact": .init(required: [], authority: "Health Canada", note: "(test fixture)"),
                "toys": .init(required: [], authority: "Health Canada", note: "(test fixture)"),
                "pv-inverter": .init(required: ["CSA", "cUL", "ETL"], authority: "SCC-accredited certification bodies / provincial regulators / utilities", note: "(test fixture)"),
                "hazardous-substances": .init(required: [], authority: "Environment and Climate Change Canada / provincial stewardship programs", note: "(test fixture)"),
                "machinery": .init(required: ["CSA", "cUL", "ETL"], authority: "Provincial occupational health and safety regulators / electrical safety authorities", note: "(test fixture)"),
                "medical": .init(required: [], authority: "Health Canada", note: "(test fixture)"),
            ],
            spelling: "en-CA",
            tone: .init(address: .neutral, superlatives: .flag, comparatives: .allow, exclamationRun: 2, allCaps: .flag, emoji: .allow, note: "(test fixture)"),
            dates: .init(order: .ymd, separator: "-", pattern: "yyyy-MM-dd", longPattern: "MMMM d, yyyy")
        ),
        MarketProfile(
            id: "cn", name: "China", language: "zh-CN", locale: "zh_CN", currency: "CNY",
            measurement: .init(system: .metric, convert: [:], keep: []),
            electrical: .init(voltages: [220.0], frequency: 50.0, plugs: ["A", "C", "I"], plugStandard: "GB 1002", summary: "China (mainland): 220 V, 50 Hz; GB 1002 plugs — two flat pins (type A shape) and three angled flat pins (type I shape, earthed, 10 A/16 A); universal multi-sockets also accept type C."),
            certifications: [
                "electrical-safety": .init(required: ["CCC"], authority: "SAMR / CNCA (Certification and Accreditation Administration)", note: "(test fixture)"),
                "radio": .init(required: ["SRRC"], authority: "MIIT (Ministry of Industry and Information Technology)", note: "(test fixture)"),
                "emc": .init(required: ["CCC"], authority: "SAMR / CNCA", note: "(test fixture)"),
                "energy-efficiency": .init(required: ["GB"], authority: "NDRC / SAMR (China Energy Label, CNIS)", note: "(test fixture)"),
                "food-contact": .init(required: ["GB"], authority: "National Health Commission / SAMR", note: "(test fixture)"),
                "toys": .init(required: ["CCC"], authority: "SAMR / CNCA", note: "(test fixture)"),
                "pv-inverter": .init(required: ["GB"], authority: "State Grid / China Southern Power Grid / NEA", note: "(test fixture)"),
                "hazardous-substances": .init(required: ["RoHS"], authority: "MIIT / SAMR", note: "(test fixture)"),
                "machinery": .init(required: ["GB"], authority: "SAMR / Ministry of Emergency Management", note: "(test fixture)"),
                "medical": .init(required: [], authority: "NMPA (National Medical Products Administration)", note: "(test fixture)"),
            ],
            spelling: nil,
            tone: .init(address: .formal, superlatives: .flag, comparatives: .flag, exclamationRun: 2, allCaps: .flag, emoji: .flag, note: "(test fixture)"),
            dates: .init(order: .ymd, separator: "/", pattern: "yyyy/M/d", longPattern: "yyyy年M月d日")
        ),
        MarketProfile(
            id: "sa", name: "Saudi Arabia", language: "ar-SA", locale: "ar_SA", currency: "SAR",
            measurement: .init(system: .metric, convert: [:], keep: []),
            electrical: .init(voltages: [230.0, 127.0], frequency: 60.0, plugs: ["G"], plugStandard: "SASO 2203", summary: "Saudi Arabia: 230 V, 60 Hz (note: 60 Hz, unlike the rest of the Gulf), SASO 2203 fused plug (type G, BS 1363 style). Older buildings may still have 127 V outlets; products must be rated for 220–230 V 60 Hz."),
            certifications: [
                "electrical-safety": .init(required: ["SASO", "SABER", "CB"], authority: "SASO (Saudi Standards, Metrology and Quality Organization)", note: "(test fixture)"),
                "radio": .init(required: [], authority: "CST (Communications, Space & Technology Commission, formerly CITC)", note: "(test fixture)"),
                "emc": .init(required: ["SASO", "SABER"], authority: "SASO / CST", note: "(test fixture)"),
                "energy-efficiency": .init(required: ["SASO"], authority: "SASO / Saudi Energy Efficiency Center", note: "(test fixture)"),
                "food-contact": .init(required: [], authority: "SFDA (Saudi Food and Drug Authority)", note: "(test fixture)"),
                "toys": .init(required: ["SASO", "SABER", "G-Mark"], authority: "SASO", note: "(test fixture)"),
                "pv-inverter": .init(required: ["SASO", "SABER"], authority: "SASO / Water & Electricity Regulatory Authority (formerly ECRA) / Saudi Electricity Company", note: "(test fixture)"),
                "hazardous-substances": .init(required: ["SASO"], authority: "SASO", note: "(test fixture)"),
                "machinery": .init(required: ["SASO", "SABER"], authority: "SASO", note: "(test fixture)"),
                "medical": .init(required: [], authority: "SFDA (Saudi Food and Drug Authority)", note: "(test fixture)"),
            ],
            spelling: nil,
            tone: .init(address: .formal, superlatives: .flag, comparatives: .flag, exclamationRun: 2, allCaps: .flag, emoji: .flag, note: "(test fixture)"),
            dates: .init(order: .dmy, separator: "/", pattern: "dd‏/MM‏/yyyy", longPattern: "d MMMM yyyy")
        ),
    ]
}
