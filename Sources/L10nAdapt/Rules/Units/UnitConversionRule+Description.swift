extension UnitConversionRule {
    /// The rule's documentation and, through `RuleExamplesTests`, its tests. Markets are ids from
    /// `Resources/Markets`; expected texts are what a careful localizer would write (checked by
    /// hand against Foundation's conversion and CLDR's formats, not copied from output).
    public static let description = RuleDescription(
        id: "units",
        name: "Unit conversion",
        summary: "Converts measurements into the units the market reads, rounded to the precision the source implies and written in the market's locale.",
        rationale: """
            A Brazilian or German buyer cannot picture "52 ft" or "350°F", and EU and Brazilian law want \
            legal (SI) units in product information. Converting blindly is just as wrong: "15.8496 m" \
            claims a precision the author never had, "1-1/4" NPT" is a thread name rather than a length, \
            "15.6"" is how every market sells a screen, and "a 20°F rise" is 11 °C, not −7 °C. So the rule \
            converts what the market's profile names, keeps the source's precision, keeps standard \
            designations, treats temperature differences as differences, and prefers the author's own \
            metric figure where the page already gives one.
            """,
        kind: .unit,
        passing: [
            // Keep contexts the market lists.
            RuleExample("A 15.6\" Full HD IPS display", market: "de"),
            RuleExample("Fits any bag made for a 15\"–16\" laptop.", market: "de"),
            RuleExample("Works as a second screen for a 27-inch monitor.", market: "fr"),
            RuleExample("Runs a 55\" LED TV for 13 hrs.", market: "br"),
            RuleExample("Screen size 15.6\"", market: "uk"),
            RuleExample("Suction / discharge: 1-1/4\" NPT female / 1\" NPT female", market: "de"),
            RuleExample("1/4\" NPT priming plug and Teflon tape", market: "br"),
            RuleExample("For deeper wells, see a 4\" submersible pump.", market: "fr"),
            RuleExample("Garden hose adapter, 3/4\" GHT thread", market: "uk"),
            RuleExample("Built for 26\" wheels and 29 x 2.25\" tires.", market: "de"),
            RuleExample("| S (15\") | Shimano Tourney |", market: "br"),
            RuleExample("8,000 BTU/h window air conditioner", market: "br"),
            RuleExample("Cools rooms with 12,000 BTU.", market: "uk"),
            RuleExample("Cools rooms with 12,000 BTU.", market: "us"),
            RuleExample("Built from 2 x 4 in lumber", market: "ca"),
            // Part designations, kept in every market.
            RuleExample("1/2 in single-sleeve ratcheting metal chuck", market: "de"),
            RuleExample("Chuck | 1/2 in | 1/2 in", market: "br"),
            RuleExample("ER20 collet (1/8\" & 1/4\" collets included)", market: "fr"),
            RuleExample("Wood: spade bit 1-1/2\", auger 1\" | lag screw 3/8\" x 3\"", market: "de"),
            RuleExample("Steel: 1/2\" twist bit", market: "uk"),
            RuleExample("Dust collection: 4\" port", market: "de"),
            RuleExample("Welded 1/4\" wall steel tube frame", market: "br"),
            RuleExample("Built-in dual 1 W speakers & 3.5 mm headphone jack", market: "us"),
            RuleExample("VESA: 75 x 75 mm with included adapter (screws: M4 x 8 mm)", market: "us"),
            RuleExample("Multi-tool with 4, 5 and 6 mm hex keys and 15 mm pedal wrench", market: "us"),
            // Industry conventions (Resources/Conventions): names, industry units, codes.
            RuleExample("Rolls on 27.5 in wheels.", market: "de"),
            RuleExample("Rolls on 27.5 in wheels.", market: "br"),
            RuleExample("Fits 27.5 x 2.4 tyres and 700x38c rims.", market: "de"),
            RuleExample("A 29er with 160 mm rotors and a 12 mm thru-axle", market: "us"),
            RuleExample("Tyres: 225/45 R17 94W on 18-inch alloy wheels", market: "uk"),
            RuleExample("A 2-ton heat pump", market: "de"),
            RuleExample("Uses a 50 mm f/1.8 lens with a 67 mm filter thread", market: "us"),
            RuleExample("1-inch CMOS sensor", market: "fr"),
            RuleExample("Nominal 2 x 4 in lumber", market: "de"),
            RuleExample("G 1/2 inlet, 1/4-20 UNC tripod thread, M10 x 1.25", market: "br"),
            RuleExample("11 kW wallbox for DC fast charging", market: "us"),
            RuleExample("Box: 24 x 16 x 10 in (61 x 41 cm)", market: "de"),
            // Trap corpus (corpora/traps): names and industry units found there.
            RuleExample("Carbon rims with a 30 mm internal width, laced to Boost 148 x 12 mm hubs.", market: "us"),
            RuleExample("Single-speed chain, 1/2\" x 1/8\", 112 links", market: "br"),
            RuleExample("Full-frame sensor size 35.9 x 23.9 mm", market: "us"),
            RuleExample("Standard 1/4\"-20 tripod socket; the head takes 3/8\"-16 screws.", market: "de"),
            RuleExample("Running shoe with a 10 mm drop and 32 mm stack height", market: "us"),
            RuleExample("Shell fabric waterproof to 20,000 mm", market: "us"),
            RuleExample("Rated IP68: water resistant to a depth of 1.5 m for up to 30 minutes.", market: "us"),
            RuleExample("Compression fittings for 15 mm and 22 mm copper tube.", market: "us"),
            RuleExample("Wheels with a 73.1 mm center bore", market: "us"),
            RuleExample("Towing with the factory hitch (2\" receiver)", market: "jp"),
            RuleExample("Pack of 6 pleated 20\" x 20\" x 1\" furnace filters", market: "br"),
            RuleExample("Stainless 14 x 19\" prop", market: "de"),
            RuleExample("Trolling motor with 55 lb thrust", market: "uk"),
            RuleExample("Kit includes 10 mm, 13 mm and 17 mm sockets", market: "us"),
            RuleExample("Does 0-60 mph in under five seconds; 60-0 mph braking is class-leading.", market: "de"),
            RuleExample("Ships on a Euro pallet (1200 x 800 mm) or in 600 x 400 mm euro crates.", market: "us"),
            RuleExample("Rated IPX7: survives 1 m for 30 min.", market: "us"),
            // Units the market does not convert.
            RuleExample("Top speed 15 mph, range 250 miles.", market: "uk"),
            RuleExample("A 250-mile range.", market: "uk"),
            RuleExample("3 HP (2.2 kW) water-cooled spindle", market: "br"),
            RuleExample("65W GaN charger, 2.2 kW motor", market: "us"),
            RuleExample("The 1/2 hp well pump runs for 3 hrs.", market: "in"),
            RuleExample("Lifts water up to 52 ft.", market: "us"),
            // Not quantities at all.
            RuleExample("Model XP-2000B, firmware v2.4.1, Windows 11, Route 66", market: "de"),
            RuleExample("No. 1 in customer satisfaction", market: "de"),
            RuleExample("There are 5 in the box and 2 in stock; 1 in 10 buyers order two.", market: "br"),
            RuleExample("5-in-1 STEM robot kit", market: "fr"),
            RuleExample("Ranked 1 in speaker reviews; only 2 in size M left; 1 in cores of the braid is a spare.", market: "de"),
            // A count after a verb of holding, a place after "in".
            RuleExample("Holds 3 in seat pockets; stores up to 2 in door bins.", market: "de"),
            RuleExample("Launched in 2026 with a 12V battery at 60Hz for $39.99.", market: "de"),
            RuleExample("1920 x 1080 @ 60 Hz, 300 nits, 24,000 RPM", market: "de"),
            RuleExample("Chain rated 0.5 lb/ft, cable 3.2 oz/ft", market: "de"),
            RuleExample("1,512 Wh capacity, 2,000 mAh", market: "uk"),
            RuleExample("Fall '26 collection, built in the 90's", market: "uk"),
            RuleExample("Call 1-800-555-0142 or see 03/04/2026 and 115/230 V", market: "br"),
            RuleExample("Rated 4.7 out of 5 by 2184 buyers", market: "de"),
            RuleExample("\"Offer ends March 31, 2026\" and \"Pro 27\" are trademarks.", market: "de"),
            RuleExample("Delivered on 2026-03-06\" by mistake", market: "br"),
        ],
        failing: [
            // Single values, Brazil.
            RuleExample("Lifts water from depths of up to 52 ft.", market: "br", expected: "Lifts water from depths of up to 15,8 m."),
            RuleExample("Shipping weight: 42 lb", market: "br", expected: "Shipping weight: 19 kg"),
            RuleExample("Recommended tank: 20 gal or larger", market: "br", expected: "Recommended tank: 76 l or larger"),
            RuleExample("Max. water temperature: 104°F.", market: "br", expected: "Max. water temperature: 40 °C."),
            RuleExample("Delivers 19.8 GPM at 20 psi.", market: "br", expected: "Delivers 75 l/min at 1,4 bar."),
            // What the sentence is about picks the target (measurement.convertWhen): a compressor's air in l/min, a pump's water in gal/min.
            RuleExample("The compressor delivers 4.0 CFM at 90 PSI.", market: "de", expected: "The compressor delivers 113 l/min at 6,2 bar."),
            RuleExample("The pump moves 25 m³/h of water.", market: "us", expected: "The pump moves 110 gal/min of water."),
            RuleExample("The exhaust fan moves 25 m³/h.", market: "us", expected: "The exhaust fan moves 14.7 ft³/min."),
            // Feed rates and fabric weights: compound units of their own, not a length and a mass.
            RuleExample("Cuts at up to 600 in/min on 2.9 oz/sq yd fabric.", market: "de", expected: "Cuts at up to 15.000 mm/min on 98 g/m² fabric."),
            RuleExample("Max. feed 1,200 IPM", market: "br", expected: "Max. feed 30.000 mm/min"),
            RuleExample("Feed rate 5,000 mm/min", market: "us", expected: "Feed rate 200 in/min"),
            RuleExample("Pre-set 40/60 psi pressure switch", market: "br", expected: "Pre-set 2,8/4,1 bar pressure switch"),
            RuleExample("Drive 3 in lag screws", market: "br", expected: "Drive 7,6 cm lag screws"),
            RuleExample("Holds 2 lb of chicken wings.", market: "br", expected: "Holds 910 g of chicken wings."),
            RuleExample("Fridge capacity 1.5 cu ft", market: "br", expected: "Fridge capacity 42 l"),
            // Ranges and dimensions.
            RuleExample("Seat height: 17.7–21.6 in", market: "br", expected: "Seat height: 45,0–54,9 cm"),
            RuleExample("Seat height: 17.7 - 21.6 in", market: "de", expected: "Seat height: 45,0–54,9 cm"),
            RuleExample("Box size: 26 x 25 x 13 in, 55 lb", market: "br", expected: "Box size: 66 x 64 x 33 cm, 25 kg"),
            RuleExample("Seat width × depth: 20.5 × 18.9–20.9 in", market: "de", expected: "Seat width × depth: 52,1 × 48,0–53,1 cm"),
            RuleExample("Cuts a full 48\" x 48\" sheet", market: "de", expected: "Cuts a full 122 x 122 cm sheet"),
            RuleExample("4 x 4 ft work area", market: "fr", expected: "1,2 x 1,2\u{202F}m work area"),
            RuleExample("Dimensions: 17.3 x 8.1 x 11.4 in", market: "fr", expected: "Dimensions: 43,9 x 20,6 x 29,0\u{202F}cm"),
            RuleExample("Fits windows 23\"–36\" wide", market: "uk", expected: "Fits windows 58–91 cm wide"),
            RuleExample("Rider height 5'4\"–5'9\"", market: "de", expected: "Rider height 163–175 cm"),
            // Only lengths have dimensions: four glasses of 18 oz each.
            RuleExample("Wine glass set, 4 x 18 oz glasses.", market: "de", expected: "Wine glass set, 4 x 530\u{00A0}ml glasses."),
            // A count in a list of counts: two zones of 18 cm and two of 21 cm, not a 2 x 21 cm strip.
            RuleExample("Four zones (2 x 18 cm, 2 x 21 cm).", market: "us", expected: "Four zones (2 x 7.1 in, 2 x 8.3 in)."),
            // Pounds and ounces are one weight, good to the ounce.
            RuleExample("Packed weight 4 lb 2 oz.", market: "de", expected: "Packed weight 1,87 kg."),
            RuleExample("Trail weight: 2 lbs, 13.5 oz", market: "uk", expected: "Trail weight: 1.290 kg"),
            // Below a kilogram, grams.
            RuleExample("Net weight 1 lb 3.5 oz.", market: "uk", expected: "Net weight 553 g."),
            // ... unless rounding carries it to a kilogram: 2.2 lb is 998 g.
            RuleExample("Weighs 2.2 lb.", market: "uk", expected: "Weighs 1.0 kg."),
            // A label's fluid ounces are its declared contents, exact: whole millilitres, as US labels print them.
            RuleExample("Each 12 fl oz can.", market: "uk", expected: "Each 355 ml can."),
            // From a thousand millilitres or grams, litres and kilograms, to the source's precision.
            RuleExample("Blender with a 64 oz pitcher.", market: "uk", expected: "Blender with a 1.89 l pitcher."),
            RuleExample("A 36 oz bag of coffee beans.", market: "uk", expected: "A 1.02 kg bag of coffee beans."),
            RuleExample("A 128 fl oz jug.", market: "de", expected: "A 3,79 l jug."),
            // ... only when every figure is that large: a range from 473 ml stays in millilitres.
            RuleExample("Tumblers in 16–48 fl oz sizes.", market: "uk", expected: "Tumblers in 473–1,420 ml sizes."),
            // A range's ends are rounded alike: 40 in is good to the inch like 38 in.
            RuleExample("Fits chest 38–40 in.", market: "uk", expected: "Fits chest 97–102 cm."),
            // A dimension's figures are written alike (US Letter: 8.5 x 11 in).
            RuleExample("Prints up to 8.5 x 11 in.", market: "de", expected: "Prints up to 21,6 x 27,9 cm."),
            RuleExample("For sitters from 5′0″ to 6′4″", market: "br", expected: "For sitters from 152 cm to 193 cm"),
            RuleExample("Inflate to 50–70 psi", market: "de", expected: "Inflate to 3,4–4,8 bar"),
            RuleExample("Rooms of 100–150 sq ft", market: "de", expected: "Rooms of 9,3–14 m²"),
            RuleExample("Pans: 8 in/10 in/12 in", market: "uk", expected: "Pans: 20 cm/25 cm/30 cm"),
            RuleExample("Model weighs 51.8 lb / 57.3 lb", market: "de", expected: "Model weighs 23,5 kg / 26,0 kg"),
            // Fractions and feet-inches.
            RuleExample("Sill depth: min. 2½ in.", market: "de", expected: "Sill depth: min. 6,4 cm."),
            RuleExample("1/2 hp well pump", market: "fr", expected: "0,37\u{202F}kW well pump"),
            RuleExample("Model is 6'1\" / 175 lb", market: "de", expected: "Model is 185 cm / 79 kg"),
            // Compound units.
            RuleExample("Min. 1,000 CFM (cu ft/min) recommended", market: "de", expected: "Min. 1.700 m³/h recommended"),
            RuleExample("Max. flow 19.8 GPM (1,188 GPH)", market: "uk", expected: "Max. flow 75 l/min"),
            RuleExample("Delivers 620 in-lbs of max. torque", market: "de", expected: "Delivers 70 N⋅m of max. torque"),
            RuleExample("Lug nuts: 80 ft-lbs", market: "fr", expected: "Lug nuts: 110\u{202F}N⋅m"),
            RuleExample("Cruise at 12–15 mph", market: "de", expected: "Cruise at 19–24 km/h"),
            // Temperatures and temperature differences.
            RuleExample("Bakes at 350°F.", market: "de", expected: "Bakes at 177 °C."),
            RuleExample("Bakes at 350 °F.", market: "fr", expected: "Bakes at 177\u{202F}°C."),
            RuleExample("Thermostat 61°F–86°F", market: "de", expected: "Thermostat 16–30 °C"),
            RuleExample("Operating range -13°F to +140°F", market: "br", expected: "Operating range -25 °C to +60 °C"),
            RuleExample("Charging 32°F to 104°F", market: "uk", expected: "Charging 0°C to 40°C"),
            RuleExample("Sleep mode raises the temperature by 2°F every hour", market: "de", expected: "Sleep mode raises the temperature by 1,1 °C every hour"),
            RuleExample("Up to 20°F cooler than outside", market: "br", expected: "Up to 11 °C cooler than outside"),
            RuleExample("A temperature rise of 20°F at full load.", market: "de", expected: "A temperature rise of 11 °C at full load."),
            RuleExample("CrispChef 6-Qt Air Fryer", market: "de", expected: "CrispChef 5,7 l Air Fryer"),
            RuleExample("Keeps a swing of about 2°F.", market: "uk", expected: "Keeps a swing of about 1.1°C."),
            RuleExample("Accuracy ±2°F", market: "de", expected: "Accuracy ±1,1 °C"),
            RuleExample("Adjust in 5°F steps", market: "uk", expected: "Adjust in 2.8°C steps"),
            RuleExample("Holds 350 degrees F", market: "de", expected: "Holds 177 °C"),
            // Precision (ConversionPrecision's worked examples).
            RuleExample("5 ft cord", market: "uk", expected: "1.5 m cord"),
            RuleExample("26 in wide", market: "uk", expected: "66 cm wide"),
            RuleExample("1 gal tank", market: "uk", expected: "3.8 l tank"),
            RuleExample("60 psi max.", market: "uk", expected: "4.1 bar max."),
            RuleExample("Cools 3,000 sq ft", market: "uk", expected: "Cools 280 m²"),
            RuleExample("A 3 lb bag", market: "uk", expected: "A 1.36 kg bag"),
            RuleExample("0.5 in thick", market: "uk", expected: "1.27 cm thick"),
            RuleExample("60 psi max.", market: "au", expected: "410 kPa max."),
            // Figures the author already gave in both systems.
            RuleExample("A 52 ft (15.8 m) tower", market: "br", expected: "A 15,8 m tower"),
            RuleExample("Up to 13,123 ft (4,000 m) altitude", market: "de", expected: "Up to 4.000 m altitude"),
            RuleExample("Size: 1.77 x 1.73 x 1.18 in (45 x 44 x 30 mm)", market: "br", expected: "Size: 45 x 44 x 30 mm"),
            RuleExample("Storage down to -4°F (-20°C)", market: "de", expected: "Storage down to -20 °C"),
            RuleExample("Wash cold (86°F / 30°C max.)", market: "fr", expected: "Wash cold (30\u{202F}°C max.)"),
            RuleExample("3 HP (2.2 kW) water-cooled spindle", market: "de", expected: "2,2 kW water-cooled spindle"),
            RuleExample("2.2 kW (3 HP) water-cooled spindle", market: "de", expected: "2,2 kW water-cooled spindle"),
            RuleExample("Weight: 1.7 lb (27 oz)", market: "de", expected: "Weight: 770 g"),
            RuleExample("8,000 BTU/h (2,345 W) cooling", market: "de", expected: "2.345 W cooling"),
            RuleExample("6 qt (5.7 L) basket", market: "uk", expected: "5.7 l basket"),
            RuleExample("Window A/C, 5,000 BTU/h (450 W): approx. 2.8 hrs", market: "de", expected: "Window A/C, 1,47 kW (450 W): approx. 2.8 hrs"),
            // Both systems given: one figure stays, never a third.
            RuleExample("Cable: 2 m (approx. 6.6 ft)", market: "br", expected: "Cable: 2 m"),
            RuleExample("Cable: 2 m (6.6 ft)", market: "us", expected: "Cable: 6.6 ft"),
            RuleExample("Bottle: 16 oz (473 ml)", market: "de", expected: "Bottle: 473\u{00A0}ml"),
            // Names stay, measurements beside them convert; small results in the smaller unit.
            RuleExample("Nominal 2x4 studs (actual 1.5\" x 3.5\")", market: "de", expected: "Nominal 2x4 studs (actual 3,8 x 8,9 cm)"),
            RuleExample("Flatness ±0.002 in", market: "de", expected: "Flatness ±0,05 mm"),
            // Below a kilometre, metres: a quarter mile away is 400 m, not 0,40 km; the quarter
            // mile a car runs is the drag strip's benchmark, a name (conventions/automotive.yaml).
            RuleExample("The shop is 1/4 mile from the beach; the car runs the 1/4 mile in 12 s.", market: "de",
                        expected: "The shop is 400 m from the beach; the car runs the 1/4 mile in 12 s."),
            // Held pans sized by one word are inches; a place after "in" makes a count.
            RuleExample("Holds 12 in pans; holds 2 in door bins.", market: "de", expected: "Holds 30 cm pans; holds 2 in door bins."),
            // Counts are not dimensions.
            RuleExample("- 2 x 5 ft hanging chains", market: "de", expected: "- 2 x 1,5 m hanging chains"),
            RuleExample("1 x 6 ft linking cord", market: "br", expected: "1 x 1,8 m linking cord"),
            RuleExample("2 x 2.25\" full-range drivers", market: "uk", expected: "2 x 5.72 cm full-range drivers"),
            // Trap corpus (corpora/traps): real conversions that were missed.
            RuleExample("Standing desk with a 60 x 30 in top", market: "br", expected: "Standing desk with a 152 x 76 cm top"),
            RuleExample("Undermount sink, 33 x 22 in overall", market: "de", expected: "Undermount sink, 84 x 56 cm overall"),
            RuleExample("Studs 16 in on center", market: "de", expected: "Studs 41 cm on center"),
            RuleExample("Trolling motor with a 42 in shaft", market: "uk", expected: "Trolling motor with a 107 cm shaft"),
            RuleExample("Delivers 5.5 GPM at a 45°F temperature rise", market: "de", expected: "Delivers 21 l/min at a 25 °C temperature rise"),
            RuleExample("Filter (actual size 15.5 x 24.5 x 0.75 in)", market: "de", expected: "Filter (actual size 39,4 x 62,2 x 1,90 cm)"),
            RuleExample("Arms are a bit wide for my 27\" desk tray", market: "de", expected: "Arms are a bit wide for my 69 cm desk tray"),
            RuleExample("A 15.6\" IPS display in a body just 0.3 in thin", market: "uk", expected: "A 15.6\" IPS display in a body just 7.6 mm thin"),
            RuleExample("Blender with a 64 oz pitcher", market: "de", expected: "Blender with a 1,89 l pitcher"),
            RuleExample("Queen mattress, 60 x 80 in", market: "br", expected: "Queen mattress, 152 x 203 cm"),
            // keep-original-units
            RuleExample("Lifts water up to 52 ft.", market: "br", expected: "Lifts water up to 15,8 m (52 ft).", keepOriginalUnits: true),
            RuleExample("A 52 ft (15.8 m) tower", market: "br", expected: "A 15,8 m (52 ft) tower", keepOriginalUnits: true),
            // Units the market converts only there.
            RuleExample("8,000 BTU/h cooling", market: "de", expected: "2,34 kW cooling"),
            RuleExample("8,000 BTU/h cooling", market: "in", expected: "2,340 W cooling"),
            RuleExample("1 HP motor", market: "de", expected: "0,75 kW motor"),
            // Metric to US customary.
            RuleExample("Tank: 5 L", market: "us", expected: "Tank: 1.3 gal"),
            RuleExample("Weight: 2 kg", market: "us", expected: "Weight: 4.4 lb"),
            RuleExample("Wash at 30 °C", market: "us", expected: "Wash at 86°F"),
            RuleExample("Max. pressure 2 bar", market: "us", expected: "Max. pressure 29 psi"),
            RuleExample("Cable length 1 m (3.3 ft)", market: "us", expected: "Cable length 3.3 ft"),
            RuleExample("45 N·m of torque", market: "us", expected: "33 ft-lb of torque"),
            RuleExample("Rated for 100 km/h", market: "us", expected: "Rated for 62 mph"),
            RuleExample("Pumps 40 L/min", market: "us", expected: "Pumps 10.6 gal/min"),
            RuleExample("Box: 60 x 40 x 30 cm", market: "us", expected: "Box: 24 x 16 x 12 in"),
        ]
    )
}
