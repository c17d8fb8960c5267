import Foundation
import Yams

/// Exchange rates the user supplied (`--rates FILE`), each with the date it was taken.
///
/// Without rates, prices stay in US dollars and only their writing changes. With a rate into the
/// market's currency, prices are converted and every note names the rate and its date: a
/// converted price is indicative, and the reader must be able to see how old the rate is.
/// Pure: the CLI reads the file; ``parse(csv:file:)`` and ``parse(yaml:file:)`` read its text.
public struct ExchangeRates: Hashable, Sendable {
    /// One rate: 1 `from` = `rate` `to`, as of `date`.
    public struct Rate: Hashable, Sendable {
        /// ISO 4217 codes.
        public var from: String
        public var to: String
        public var rate: Decimal
        /// ISO 8601 calendar date (`2026-11-01`), checked.
        public var date: String

        public init(from: String, to: String, rate: Decimal, date: String) {
            self.from = from
            self.to = to
            self.rate = rate
            self.date = date
        }
    }

    public var rates: [Rate]

    public init(_ rates: [Rate]) {
        self.rates = rates
    }

    /// The rate from `from` to `to`: as given, or the inverse of the opposite pair (with the
    /// opposite pair's date). Nil for a currency into itself or a pair the file lacks.
    public func rate(from: String, to: String) -> Rate? {
        guard from != to else { return nil }
        if let direct = rates.first(where: { $0.from == from && $0.to == to }) { return direct }
        if let inverse = rates.first(where: { $0.from == to && $0.to == from }) {
            return Rate(from: from, to: to, rate: 1 / inverse.rate, date: inverse.date)
        }
        return nil
    }

    /// Reads `FROM,TO,RATE,DATE` lines (`USD,BRL,5.43,2026-11-01`). Blank lines and `#` comments
    /// are skipped, as is a first line `from,to,rate,date`. Errors name `file` and the line.
    public static func parse(csv text: String, file: String) throws -> ExchangeRates {
        var rates: [Rate] = []
        var lines: [String: Int] = [:]
        var sawData = false
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            var line = raw.trimmingCharacters(in: .whitespaces)
            if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawData, fields.map({ $0.lowercased() }) == ["from", "to", "rate", "date"] { sawData = true; continue }
            sawData = true
            guard fields.count == 4 else {
                throw ExchangeRatesError(file: file, line: lineNumber, message: "expected 4 fields FROM,TO,RATE,DATE (e.g. USD,BRL,5.43,2026-11-01), found \(fields.count)")
            }
            let rate = try Self.rate(from: fields[0], to: fields[1], rate: fields[2], date: fields[3], file: file, line: lineNumber)
            try Self.add(rate, to: &rates, lines: &lines, file: file, line: lineNumber)
        }
        return ExchangeRates(rates)
    }

    /// Reads a YAML list of `{from, to, rate, date}` mappings, at the top level or under `rates:`.
    /// Errors name `file` and the line.
    public static func parse(yaml text: String, file: String) throws -> ExchangeRates {
        let root: Node?
        do { root = try Yams.compose(yaml: text, .default, .default, .utf8) } catch {
            throw ExchangeRatesError(file: file, line: Self.line(of: error), message: "is not valid YAML")
        }
        guard let root else { return ExchangeRates([]) }
        let list: Node = root.mapping?["rates"] ?? root
        guard let entries = list.sequence else {
            throw ExchangeRatesError(file: file, line: list.mark?.line ?? 1, message: "expected a list of rates (- from: USD, to: BRL, rate: 5.43, date: 2026-11-01)")
        }
        var rates: [Rate] = []
        var lines: [String: Int] = [:]
        for entry in entries {
            let line = entry.mark?.line ?? 1
            guard let mapping = entry.mapping else {
                throw ExchangeRatesError(file: file, line: line, message: "each rate must be a mapping with from, to, rate and date")
            }
            for (key, _) in mapping where !["from", "to", "rate", "date"].contains(key.string ?? "") {
                throw ExchangeRatesError(file: file, line: key.mark?.line ?? line, message: "unknown key '\(key.string ?? "?")'; expected from, to, rate, date")
            }
            func field(_ name: String) throws -> String {
                guard let value = mapping[name]?.scalar?.string else {
                    throw ExchangeRatesError(file: file, line: line, message: "'\(name)' is required")
                }
                return value
            }
            let rate = try Self.rate(from: field("from"), to: field("to"), rate: field("rate"), date: field("date"), file: file, line: line)
            try Self.add(rate, to: &rates, lines: &lines, file: file, line: line)
        }
        return ExchangeRates(rates)
    }

    /// YAML when `file` ends in `.yaml` or `.yml`, CSV otherwise.
    public static func parse(_ text: String, file: String) throws -> ExchangeRates {
        let lower = file.lowercased()
        return try lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") ? parse(yaml: text, file: file) : parse(csv: text, file: file)
    }

    private static func rate(from: String, to: String, rate: String, date: String, file: String, line: Int) throws -> Rate {
        func fail(_ message: String) -> ExchangeRatesError { ExchangeRatesError(file: file, line: line, message: message) }
        for code in [from, to] where code.range(of: "^[A-Z]{3}$", options: .regularExpression) == nil {
            throw fail("'\(code)' is not an ISO 4217 currency code (three capital letters)")
        }
        guard from != to else { throw fail("converts \(from) into itself") }
        guard rate.range(of: "^[0-9]+(\\.[0-9]+)?$", options: .regularExpression) != nil,
              let value = Decimal(string: rate, locale: Locale(identifier: "en_US_POSIX")), value > 0 else {
            throw fail("rate '\(rate)' must be a positive decimal number with '.' as the decimal point")
        }
        guard date.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", options: .regularExpression) != nil,
              let year = Int(date.prefix(4)), let month = Int(date.dropFirst(5).prefix(2)), let day = Int(date.suffix(2)),
              MarketFormatter.day(year: year, month: month, day: day) != nil else {
            throw fail("date '\(date)' must be a calendar date written YYYY-MM-DD")
        }
        return Rate(from: from, to: to, rate: value, date: date)
    }

    private static func add(_ rate: Rate, to rates: inout [Rate], lines: inout [String: Int], file: String, line: Int) throws {
        let key = "\(rate.from)>\(rate.to)"
        if let first = lines[key] {
            throw ExchangeRatesError(file: file, line: line, message: "a second \(rate.from)→\(rate.to) rate (the first is on line \(first))")
        }
        lines[key] = line
        rates.append(rate)
    }

    private static func line(of error: any Error) -> Int {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
            default: break
            }
        }
        return 1
    }
}
