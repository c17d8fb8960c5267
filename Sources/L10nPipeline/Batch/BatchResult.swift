import Foundation
import L10nCore

/// What a batch run did, for the summary table, the exit code and the reports.
package struct BatchResult: Sendable {
    package struct Stale: Hashable, Sendable {
        package var path: String
        package var reason: String
    }

    /// Per market: what the table at the end of a run shows.
    package struct MarketTally: Hashable, Sendable {
        package var market: String
        package var made = 0
        package var unchanged = 0
        package var segments = 0
        package var words = 0
        /// Segments filled from the memory (people's translations).
        package var fromMemory = 0
        /// Machine translation this run: calls, segments and characters sent (what is billed),
        /// and segments whose earlier machine translation was reused instead.
        package var mtCalls = 0
        package var mtCharacters = 0
        package var mtReused = 0
        package var findings: [Severity: Int] = [:]
    }

    package let check: Bool
    package private(set) var markets: [MarketTally]
    /// Files written this run (outputs of pages made, the sitemap); page records not counted.
    package var filesWritten = 0
    /// In check mode: what is out of date.
    package var stale: [Stale] = []
    /// Pages that left the project (deleted, renamed or excluded) whose outputs were removed.
    package var pagesRemoved = 0
    /// Their outputs deleted this run, and those kept because they were changed since written.
    package var removed: [String] = []
    package var keptChanged: [String] = []
    /// Glossary rows that could not be used (`file:line: skipped: reason`).
    package var glossarySkipped: [String] = []

    init(markets: [String], check: Bool) {
        self.markets = markets.map { MarketTally(market: $0) }
        self.check = check
    }

    /// Counts a page's entries (every market's); the entries themselves go to the reports as the
    /// page is delivered (``BatchReportWriter``): nothing of them is kept here.
    mutating func add(_ report: [AdaptReport.Entry], made: Bool) {
        for entry in report {
            guard let i = markets.firstIndex(where: { $0.market == entry.market }) else { continue }
            if made { markets[i].made += 1 } else { markets[i].unchanged += 1 }
            markets[i].segments += entry.segments
            for finding in entry.findings { markets[i].findings[Severity(rawValue: finding.severity) ?? .warning, default: 0] += 1 }
            guard made else { continue }
            markets[i].fromMemory += entry.leverage?.filled ?? 0
            if let translation = entry.targets?.translation {
                markets[i].mtCalls += translation.requests
                markets[i].mtCharacters += translation.characters
                markets[i].mtReused += translation.reused ?? 0
            }
        }
    }

    /// Findings at or above `level` (`error`, `warning`, `info`; `never` counts none).
    package func findings(atLeast level: String) -> Int {
        let order: [Severity] = [.info, .warning, .error]
        guard let floor = order.firstIndex(where: { $0.rawValue == level }) else { return 0 }
        return markets.reduce(0) { total, tally in total + order[floor...].reduce(0) { $0 + (tally.findings[$1] ?? 0) } }
    }

    /// Pages made this run and pages left as they were (each page counts once, not per market).
    package var pagesMade: Int { markets.first?.made ?? 0 }
    package var pagesUnchanged: Int { markets.first?.unchanged ?? 0 }

    /// The table printed at the end of a run: one row per market, then totals.
    package var table: String {
        let header = ["market", "made", "unchanged", "segments", "from TM", "MT calls", "MT chars", "MT reused", "errors", "warnings", "info"]
        var rows = markets.map { t in
            [t.market, "\(t.made)", "\(t.unchanged)", "\(t.segments)", "\(t.fromMemory)", "\(t.mtCalls)", "\(t.mtCharacters)", "\(t.mtReused)",
             "\(t.findings[.error] ?? 0)", "\(t.findings[.warning] ?? 0)", "\(t.findings[.info] ?? 0)"]
        }
        if markets.count > 1 {
            var total = ["total"]
            for column in 1..<header.count { total.append("\(rows.reduce(0) { $0 + (Int($1[column]) ?? 0) })") }
            rows.append(total)
        }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
