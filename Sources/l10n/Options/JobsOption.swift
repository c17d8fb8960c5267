import ArgumentParser
import L10nPipeline

/// `--jobs N`: how many files are worked on at once.
struct JobsOption: ParsableArguments {
    @Option(name: [.customShort("j"), .long], help: ArgumentHelp(
        "How many files to work on at once (default: one per core). Output and messages are the same for any N.",
        valueName: "n"))
    var jobs: Int = OrderedWork.defaultJobs

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}
