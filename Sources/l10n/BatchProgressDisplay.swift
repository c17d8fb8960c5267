import Foundation
import L10nPipeline

/// The terminal side of a batch run: a progress bar with rate and ETA on an interactive
/// terminal, one plain line per page in CI logs (`CI` set, or standard error not a terminal).
final class BatchProgressDisplay: @unchecked Sendable {
    // @unchecked: every member is touched only while holding `lock`.
    enum Style {
        case bar, lines, quiet

        static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
            if let ci = environment["CI"], !ci.isEmpty, ci != "false" { return .lines }
            return isatty(STDERR_FILENO) == 1 ? .bar : .lines
        }
    }

    private let style: Style
    private let lock = NSLock()
    private var start = Date()
    private var drawn = false

    init(style: Style) { self.style = style }

    func show(_ event: BatchRunner.Event) {
        lock.lock()
        defer { lock.unlock() }
        switch (event, style) {
        case (_, .quiet):
            return
        case (.started(let pages, let markets, let others), _):
            start = Date()
            let shard = others > 0 ? " (\(others) in other shards)" : ""
            Console.note("batch: \(pages) page(s)\(shard) × \(markets.count) market(s): \(markets.joined(separator: ", "))")
        case (.page(let done, let total, let source, let outcome), .lines):
            Console.note("[\(done)/\(total)] \(source): \(outcome)")
        case (.page(let done, let total, _, _), .bar):
            let elapsed = max(Date().timeIntervalSince(start), 0.001)
            let rate = Double(done) / elapsed
            let eta = rate > 0 ? Double(total - done) / rate : 0
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let line = "\r\(bar) \(done)/\(total) pages · \(String(format: "%.1f", rate)) pages/s · ETA \(Self.clock(eta))\u{1B}[K"
            FileHandle.standardError.write(Data(line.utf8))
            drawn = true
        }
    }

    /// Ends the bar's line so what follows starts on its own.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)); drawn = false }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
