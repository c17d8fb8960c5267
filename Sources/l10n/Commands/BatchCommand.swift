import ArgumentParser
import Foundation
import L10nPipeline

struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Bring a whole catalogue up to date for every market, as a project file (l10n.yaml) describes it: for CI.",
        discussion: """
            Reads the project file (default ./l10n.yaml; see the annotated one at the root of l10n's repository and docs/batch.md), localizes every source page it names for every market, and writes the outputs, the site pages and sitemap, the reports and a record of the run (`state`).

            Incremental: a page whose bytes, project settings, market data and engine version are unchanged since the last run, and whose outputs are still the ones written then, is skipped. Machine translations are kept in the memory, so a changed page pays only for its new sentences. Deterministic: the same inputs give the same bytes, for any --jobs.

            Examples:
              l10n batch                       # run ./l10n.yaml
              l10n batch --check               # CI: fail if committed outputs are out of date
              l10n batch --shard 2/4           # this runner's quarter of the pages (a CI matrix)

            Exit codes: 0 done; 1 with --check when something is out of date, or a QA finding at or above qa.failOn; for errors, the codes in `l10n --help` (nothing is written then).
            """)

    @Option(name: [.customShort("c"), .long], help: ArgumentHelp("The project file.", valueName: "file"))
    var config = ProjectConfiguration.fileName

    @Flag(help: "Change nothing: list pages whose outputs are out of date and exit 1 if there are any.")
    var check = false

    @Option(help: ArgumentHelp("Take a stable share of the pages, K of N (1-based), for a CI matrix: the shards together are one full run.", valueName: "K/N"))
    var shard: String?

    @Flag(help: "Localize every page again, even unchanged ones (after the memory gained translations people made).")
    var force = false

    @Flag(name: .long, help: "No progress bar or page lines; the summary only.")
    var quiet = false

    @OptionGroup var jobs: JobsOption

    func validate() throws {
        if let shard, BatchShard(shard) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, such as 2/4; got '\(shard)'") }
        if check && force { throw ValidationError("--check and --force contradict each other") }
    }

    func run() async throws {
        let runner: BatchRunner
        do { runner = try BatchRunner.load(config) } catch { throw ExitStatus.report(error) }
        let progress = BatchProgressDisplay(style: quiet ? .quiet : BatchProgressDisplay.Style.detect())
        let options = BatchRunner.Options(shard: shard.flatMap(BatchShard.init), check: check, force: force, jobs: jobs.jobs)
        let result: BatchResult
        do {
            result = try await runner.run(options) { progress.show($0) }
        } catch let failure as BatchFailure {
            progress.finish()
            for error in failure.errors { _ = ExitStatus.report(error) }
            throw ExitStatus.report(failure)
        } catch {
            progress.finish()
            throw ExitStatus.report(error)
        }
        progress.finish()
        for line in result.glossarySkipped { Console.note(line) }
        if check {
            for stale in result.stale { Console.out("out of date: \(stale.path): \(stale.reason)") }
            if !result.stale.isEmpty {
                Console.note("\(result.stale.count) out of date; run `l10n batch` and commit the outputs")
                throw ExitStatus.invalid
            }
            Console.note("up to date: \(result.pagesUnchanged) page(s) × \(result.markets.count) market(s)")
            return
        }
        Console.out(result.table)
        Console.out("\(result.pagesMade) page(s) localized, \(result.pagesUnchanged) unchanged; \(result.filesWritten) file(s) written")
        if result.pagesRemoved > 0 {
            Console.out("\(result.pagesRemoved) page(s) left the project: \(result.removed.count) output(s) removed")
        }
        for path in result.keptChanged {
            Console.note("kept \(path): its page left the project, but the file was changed since it was written (remove it yourself if it should go)")
        }
        let failOn = runner.configuration.qa.failOn
        let failing = result.findings(atLeast: failOn)
        if failOn != "never", failing > 0 {
            Console.note("\(failing) finding(s) at or above qa.failOn (\(failOn)): exit 1")
            throw ExitStatus.invalid
        }
    }
}
