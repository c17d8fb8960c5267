import Foundation

/// What `l10n markets list` shows of a market: id, name, language, currency, mains and
/// measurement system.
///
/// Decoding every bundled profile in full (YAML composition, tag resolution, `Codable`, schema
/// checks) costs ~20 times more than the rest of the process, so a listing reads these few
/// fields with a line scanner over the plain block-style YAML the profiles are written in. A
/// file the scanner cannot read with certainty (flow mappings, anchors, escapes, a missing
/// field, an id that does not match the file name) is decoded in full instead, so it is listed
/// the same way or fails with the same ``MarketDataError``. `show` and `adapt` always decode and
/// check in full (``MarketCatalog/load(userDirectory:)``).
public struct MarketSummary: Hashable, Sendable {
    public var id: String
    public var name: String
    public var language: String
    public var currency: String
    public var voltages: [Double]
    public var frequency: Double
    public var measurementSystem: MarketProfile.Measurement.System

    public init(_ profile: MarketProfile) {
        id = profile.id
        name = profile.name
        language = profile.language
        currency = profile.currency
        voltages = profile.electrical.voltages
        frequency = profile.electrical.frequency
        measurementSystem = profile.measurement.system
    }

    init(id: String, name: String, language: String, currency: String, voltages: [Double], frequency: Double,
         measurementSystem: MarketProfile.Measurement.System) {
        self.id = id
        self.name = name
        self.language = language
        self.currency = currency
        self.voltages = voltages
        self.frequency = frequency
        self.measurementSystem = measurementSystem
    }

    /// The summary of one profile file, by scanning its bytes line by line; nil when the scanner
    /// is not sure (the caller then decodes the file in full).
    static func scan(_ data: Data, stem: String) -> MarketSummary? {
        let bytes = [UInt8](data)
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        var top: [String: String] = [:]
        var nested: [String: String] = [:]  // "section.key"
        var section: String?
        var i = 0
        while i < bytes.count {
            var j = i
            while j < bytes.count, bytes[j] != 0x0A, bytes[j] != 0x0D { j += 1 }
            let line = bytes[i..<j]
            i = j + 1
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            if first == UInt8(ascii: " ") {
                let body = line.drop { $0 == UInt8(ascii: " ") }
                guard let section, body.first != UInt8(ascii: "#"), line.count - body.count == 2,
                      let (key, value) = keyValue(body) else { continue }
                if nested["\(section).\(key)"] != nil { return nil }
                nested["\(section).\(key)"] = value
                continue
            }
            guard let (key, value) = keyValue(line) else { return nil }
            if top[key] != nil { return nil }
            top[key] = value
            section = value.isEmpty ? key : nil
        }
        guard let id = top["id"].flatMap(plain), id == stem,
              let name = top["name"].flatMap(plain), let language = top["language"].flatMap(plain),
              let currency = top["currency"].flatMap(plain),
              let system = nested["measurement.system"].flatMap(plain).flatMap(MarketProfile.Measurement.System.init(rawValue:)),
              let frequency = nested["electrical.frequency"].flatMap(plain).flatMap(Double.init),
              let voltages = nested["electrical.voltages"].flatMap(numbers), !voltages.isEmpty
        else { return nil }
        return MarketSummary(id: id, name: name, language: language, currency: currency, voltages: voltages,
                             frequency: frequency, measurementSystem: system)
    }

    /// `key: value` with an ASCII key (value possibly empty, comment dropped); nil for anything else.
    private static func keyValue(_ line: ArraySlice<UInt8>) -> (String, String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let key = line[..<colon]
        guard !key.isEmpty, key.allSatisfy({ b in
            (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }) else { return nil }
        var value = line[(colon + 1)...]
        guard value.isEmpty || value.first == UInt8(ascii: " ") else { return nil }
        value = value.drop { $0 == UInt8(ascii: " ") }
        if value.first != UInt8(ascii: "\""), value.first != UInt8(ascii: "'") {
            var k = value.startIndex
            while k < value.endIndex, !(value[k] == UInt8(ascii: "#") && k > value.startIndex && value[k - 1] == UInt8(ascii: " ")) { k += 1 }
            value = value[..<k]
        }
        while value.last == UInt8(ascii: " ") { value = value.dropLast() }
        return (String(decoding: key, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// A plain or simply quoted scalar (no escapes, no YAML indicators); nil otherwise.
    private static func plain(_ value: String) -> String? {
        guard let first = value.first else { return nil }
        if first == "\"" || first == "'" {
            guard value.count >= 2, value.last == first else { return nil }
            let inner = value.dropFirst().dropLast()
            guard !inner.contains(first), !inner.contains("\\") else { return nil }
            return String(inner)
        }
        guard !"&*!|>{}[]%@`,\"'".contains(first), !value.contains(": ") else { return nil }
        return value
    }

    /// `[1, 2.5]`: a flow sequence of numbers; nil otherwise.
    private static func numbers(_ value: String) -> [Double]? {
        guard value.first == "[", value.last == "]" else { return nil }
        var out: [Double] = []
        for item in value.dropFirst().dropLast().split(separator: ",") {
            guard let v = Double(item.trimmingCharacters(in: .whitespaces)) else { return nil }
            out.append(v)
        }
        return out
    }
}
