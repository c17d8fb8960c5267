import Foundation

/// The units market profiles may name, with what converts them (Foundation's `Dimension`) and
/// what formats them (the ICU/CLDR unit identifier used in number skeletons).
public struct MeasureUnit: Hashable, Sendable {
    public enum Quantity: String, Hashable, Sendable, CaseIterable {
        case length, area, volume, mass, temperature, pressure, flow, speed, power, torque, feedRate, arealDensity
    }

    /// Id used in market files (`ft`, `sq-ft`, `gpm`).
    public let id: String
    public let quantity: Quantity
    /// ICU `measure-unit` stem (`length-foot`), or a `per` pair for compound units.
    public let icu: String
    /// The symbol written when ICU has no short form for the pair (rare).
    public let symbol: String
    let make: @Sendable () -> Dimension

    public var dimension: Dimension { make() }

    public static func == (a: MeasureUnit, b: MeasureUnit) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    init(_ id: String, _ quantity: Quantity, icu: String, symbol: String, _ make: @escaping @Sendable () -> Dimension) {
        self.id = id
        self.quantity = quantity
        self.icu = icu
        self.symbol = symbol
        self.make = make
    }

    public static let all: [MeasureUnit] = [
        // length
        .init("in", .length, icu: "length-inch", symbol: "in") { UnitLength.inches },
        .init("ft", .length, icu: "length-foot", symbol: "ft") { UnitLength.feet },
        .init("yd", .length, icu: "length-yard", symbol: "yd") { UnitLength.yards },
        .init("mi", .length, icu: "length-mile", symbol: "mi") { UnitLength.miles },
        .init("mm", .length, icu: "length-millimeter", symbol: "mm") { UnitLength.millimeters },
        .init("cm", .length, icu: "length-centimeter", symbol: "cm") { UnitLength.centimeters },
        .init("m", .length, icu: "length-meter", symbol: "m") { UnitLength.meters },
        .init("km", .length, icu: "length-kilometer", symbol: "km") { UnitLength.kilometers },
        // area
        .init("sq-in", .area, icu: "area-square-inch", symbol: "sq in") { UnitArea.squareInches },
        .init("sq-ft", .area, icu: "area-square-foot", symbol: "sq ft") { UnitArea.squareFeet },
        .init("sq-yd", .area, icu: "area-square-yard", symbol: "sq yd") { UnitArea.squareYards },
        .init("acre", .area, icu: "area-acre", symbol: "ac") { UnitArea.acres },
        .init("sq-mi", .area, icu: "area-square-mile", symbol: "sq mi") { UnitArea.squareMiles },
        .init("cm2", .area, icu: "area-square-centimeter", symbol: "cm²") { UnitArea.squareCentimeters },
        .init("m2", .area, icu: "area-square-meter", symbol: "m²") { UnitArea.squareMeters },
        .init("ha", .area, icu: "area-hectare", symbol: "ha") { UnitArea.hectares },
        .init("km2", .area, icu: "area-square-kilometer", symbol: "km²") { UnitArea.squareKilometers },
        // volume
        .init("fl-oz", .volume, icu: "volume-fluid-ounce", symbol: "fl oz") { UnitVolume.fluidOunces },
        .init("cup", .volume, icu: "volume-cup", symbol: "cup") { UnitVolume.cups },
        .init("pt", .volume, icu: "volume-pint", symbol: "pt") { UnitVolume.pints },
        .init("qt", .volume, icu: "volume-quart", symbol: "qt") { UnitVolume.quarts },
        .init("gal", .volume, icu: "volume-gallon", symbol: "gal") { UnitVolume.gallons },
        .init("gal-imp", .volume, icu: "volume-gallon-imperial", symbol: "gal") { UnitVolume.imperialGallons },
        .init("cu-in", .volume, icu: "volume-cubic-inch", symbol: "cu in") { UnitVolume.cubicInches },
        .init("cu-ft", .volume, icu: "volume-cubic-foot", symbol: "cu ft") { UnitVolume.cubicFeet },
        .init("ml", .volume, icu: "volume-milliliter", symbol: "ml") { UnitVolume.milliliters },
        .init("l", .volume, icu: "volume-liter", symbol: "l") { UnitVolume.liters },
        .init("cm3", .volume, icu: "volume-cubic-centimeter", symbol: "cm³") { UnitVolume.cubicCentimeters },
        .init("m3", .volume, icu: "volume-cubic-meter", symbol: "m³") { UnitVolume.cubicMeters },
        // mass
        .init("oz", .mass, icu: "mass-ounce", symbol: "oz") { UnitMass.ounces },
        .init("lb", .mass, icu: "mass-pound", symbol: "lb") { UnitMass.pounds },
        .init("st", .mass, icu: "mass-stone", symbol: "st") { UnitMass.stones },
        .init("ton", .mass, icu: "mass-ton", symbol: "tn") { UnitMass.shortTons },
        .init("g", .mass, icu: "mass-gram", symbol: "g") { UnitMass.grams },
        .init("kg", .mass, icu: "mass-kilogram", symbol: "kg") { UnitMass.kilograms },
        .init("t", .mass, icu: "mass-tonne", symbol: "t") { UnitMass.metricTons },
        // temperature
        .init("F", .temperature, icu: "temperature-fahrenheit", symbol: "°F") { UnitTemperature.fahrenheit },
        .init("C", .temperature, icu: "temperature-celsius", symbol: "°C") { UnitTemperature.celsius },
        // pressure
        .init("psi", .pressure, icu: "pressure-pound-force-per-square-inch", symbol: "psi") { UnitPressure.poundsForcePerSquareInch },
        .init("inHg", .pressure, icu: "pressure-inch-ofhg", symbol: "inHg") { UnitPressure.inchesOfMercury },
        .init("bar", .pressure, icu: "pressure-bar", symbol: "bar") { UnitPressure.bars },
        .init("kPa", .pressure, icu: "pressure-kilopascal", symbol: "kPa") { UnitPressure.kilopascals },
        .init("MPa", .pressure, icu: "pressure-megapascal", symbol: "MPa") { UnitPressure.megapascals },
        // flow (volume per time)
        .init("gpm", .flow, icu: "volume-gallon per-measure-unit/duration-minute", symbol: "gal/min") { MeasureUnit.flow(UnitVolume.gallons, seconds: 60) },
        .init("gph", .flow, icu: "volume-gallon per-measure-unit/duration-hour", symbol: "gal/h") { MeasureUnit.flow(UnitVolume.gallons, seconds: 3600) },
        .init("cfm", .flow, icu: "volume-cubic-foot per-measure-unit/duration-minute", symbol: "cu ft/min") { MeasureUnit.flow(UnitVolume.cubicFeet, seconds: 60) },
        .init("l-min", .flow, icu: "volume-liter per-measure-unit/duration-minute", symbol: "l/min") { MeasureUnit.flow(UnitVolume.liters, seconds: 60) },
        .init("l-h", .flow, icu: "volume-liter per-measure-unit/duration-hour", symbol: "l/h") { MeasureUnit.flow(UnitVolume.liters, seconds: 3600) },
        .init("m3-h", .flow, icu: "volume-cubic-meter per-measure-unit/duration-hour", symbol: "m³/h") { MeasureUnit.flow(UnitVolume.cubicMeters, seconds: 3600) },
        // speed
        .init("mph", .speed, icu: "speed-mile-per-hour", symbol: "mph") { UnitSpeed.milesPerHour },
        .init("km-h", .speed, icu: "speed-kilometer-per-hour", symbol: "km/h") { UnitSpeed.kilometersPerHour },
        .init("m-s", .speed, icu: "speed-meter-per-second", symbol: "m/s") { UnitSpeed.metersPerSecond },
        .init("kn", .speed, icu: "speed-knot", symbol: "kn") { UnitSpeed.knots },
        // power
        .init("hp", .power, icu: "power-horsepower", symbol: "hp") { UnitPower.horsepower },
        .init("btu-h", .power, icu: "energy-british-thermal-unit per-measure-unit/duration-hour", symbol: "BTU/h") { UnitPower(symbol: "BTU/h", converter: UnitConverterLinear(coefficient: 0.29307107)) },
        .init("W", .power, icu: "power-watt", symbol: "W") { UnitPower.watts },
        .init("kW", .power, icu: "power-kilowatt", symbol: "kW") { UnitPower.kilowatts },
        // feed rates (machining: "cuts at 600 in/min"): a speed, written per minute
        .init("in-min", .feedRate, icu: "length-inch per-measure-unit/duration-minute", symbol: "in/min") { UnitSpeed(symbol: "in/min", converter: UnitConverterLinear(coefficient: 0.0254 / 60)) },
        .init("mm-min", .feedRate, icu: "length-millimeter per-measure-unit/duration-minute", symbol: "mm/min") { UnitSpeed(symbol: "mm/min", converter: UnitConverterLinear(coefficient: 0.001 / 60)) },
        // areal weight (fabrics, paper: "2.9 oz/sq yd", "98 g/m²")
        .init("oz-sq-yd", .arealDensity, icu: "mass-ounce per-measure-unit/area-square-yard", symbol: "oz/sq yd") { UnitArealDensity.ouncesPerSquareYard },
        .init("g-m2", .arealDensity, icu: "mass-gram per-measure-unit/area-square-meter", symbol: "g/m²") { UnitArealDensity.gramsPerSquareMeter },
        // torque (Foundation has no UnitTorque; a Dimension subclass with N·m as base)
        .init("ft-lbf", .torque, icu: "torque-pound-force-foot", symbol: "ft-lbf") { UnitTorque.poundForceFeet },
        .init("in-lbf", .torque, icu: "torque-pound-force-inch", symbol: "in-lbf") { UnitTorque.poundForceInches },
        .init("N-m", .torque, icu: "torque-newton-meter", symbol: "N·m") { UnitTorque.newtonMeters },
    ]

    public static let byID: [String: MeasureUnit] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// A volume-per-time unit. Foundation has no flow dimension, so flow is expressed as a
    /// `UnitVolume` per second, whose converter stays Foundation's own (litres as base).
    static func flow(_ volume: UnitVolume, seconds: Double) -> Dimension {
        let perSecond = volume.converter.baseUnitValue(fromValue: 1) / seconds
        return UnitFlow(symbol: volume.symbol + "/s", converter: UnitConverterLinear(coefficient: perSecond))
    }
}

/// Volume per time, base unit litres per second.
final class UnitFlow: Dimension, @unchecked Sendable {
    override class func baseUnit() -> Self { Self(symbol: "L/s", converter: UnitConverterLinear(coefficient: 1)) }
}

/// Torque, base unit newton metres. Factors: 1 lbf·ft = 1.3558179483314004 N·m (exact by the
/// definitions of the pound and the foot), 1 lbf·in = 1/12 of that.
final class UnitTorque: Dimension, @unchecked Sendable {
    static let newtonMeters = UnitTorque(symbol: "N·m", converter: UnitConverterLinear(coefficient: 1))
    static let poundForceFeet = UnitTorque(symbol: "lbf·ft", converter: UnitConverterLinear(coefficient: 1.3558179483314004))
    static let poundForceInches = UnitTorque(symbol: "lbf·in", converter: UnitConverterLinear(coefficient: 1.3558179483314004 / 12))
    override class func baseUnit() -> Self { Self(symbol: "N·m", converter: UnitConverterLinear(coefficient: 1)) }
}

/// Mass per area (fabric and paper weights), base unit grams per square metre. 1 oz/sq yd =
/// 28.349523125 g / 0.83612736 m² = 33.905747… g/m² (exact by the definitions of the ounce and
/// the yard).
final class UnitArealDensity: Dimension, @unchecked Sendable {
    static let gramsPerSquareMeter = UnitArealDensity(symbol: "g/m²", converter: UnitConverterLinear(coefficient: 1))
    static let ouncesPerSquareYard = UnitArealDensity(symbol: "oz/sq yd", converter: UnitConverterLinear(coefficient: 28.349523125 / 0.83612736))
    override class func baseUnit() -> Self { Self(symbol: "g/m²", converter: UnitConverterLinear(coefficient: 1)) }
}
