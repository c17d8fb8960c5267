import ArgumentParser

/// `--project` and `--market` of the commands that add to a memory: what the stored units are
/// tagged with, so a shared memory can keep projects and markets apart.
struct MemoryScopeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Project the units belong to.", valueName: "name"))
    var project: String?

    @Option(name: .long, help: ArgumentHelp("Market the translations are for (br, de…), when the memory keeps markets apart.", valueName: "id"))
    var market: String?
}
