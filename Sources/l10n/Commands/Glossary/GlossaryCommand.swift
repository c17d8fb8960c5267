import ArgumentParser

struct GlossaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Termbases: import TBX/CSV glossaries into the memory's index, look terms up, list them.",
        discussion: """
            Glossary files (TBX-Basic v3 DCA or DCT, TBX 2008 <martif>, or CSV with the header term,language,target term,part of speech,status,note) are the source of truth; the memory named with --tm (or $L10N_TM) keeps an index of them. `adapt --glossary` and `extract --glossary` read the files themselves (or a bundled industry: glossaries/<industry>.csv). See docs/glossaries.md.

            Examples:
              l10n glossary import --tm tm.sqlite plumbing.tbx glossaries/do-not-translate.csv
              l10n glossary lookup --tm tm.sqlite -t de "stainless steel pump housings"
              l10n glossary list --tm tm.sqlite -t pt-BR --format json
            """,
        subcommands: [GlossaryImportCommand.self, GlossaryLookupCommand.self, GlossaryListCommand.self]
    )
}
