import Foundation
import L10nTestSupport
import Testing

/// What the layout promises: the CLI talks to the engine through `L10nPipeline` alone, declared
/// in `Package.swift`, and exit codes come from one table.
@Suite struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theCLIImportsOnlyThePipelineAndArgumentParser() throws {
        let cli = Self.root.appendingPathComponent("Sources/l10n")
        let files = try #require(FileManager.default.subpaths(atPath: cli.path)).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 10, "found the CLI's sources")
        var imports: Set<String> = []
        for file in files {
            let text = try String(contentsOf: cli.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.contains(" import ") && line.hasPrefix("@") {
                imports.insert(String(line.split(separator: " ").last!))
            }
        }
        #expect(imports == ["ArgumentParser", "Foundation", "L10nPipeline"])
    }

    /// ArgumentParser names a command without `commandName` by `String(describing:)` of its type,
    /// a dynamic cast that scans every protocol conformance record of the binary (≈ 3 M
    /// instructions a command, paid on every start that looks the command up).
    @Test func everyCommandNamesItself() throws {
        let cli = Self.root.appendingPathComponent("Sources/l10n")
        let files = try #require(FileManager.default.subpaths(atPath: cli.path)).filter { $0.hasSuffix(".swift") }
        var configurations = 0
        for file in files {
            let text = try String(contentsOf: cli.appendingPathComponent(file), encoding: .utf8)
            var rest = text[...]
            while let r = rest.range(of: "static let configuration = CommandConfiguration(") {
                let call = rest[r.upperBound...].prefix(120)
                configurations += 1
                #expect(call.drop(while: \.isWhitespace).hasPrefix("commandName:"), "\(file): a command configuration without commandName: \(call.prefix(60))")
                rest = rest[r.upperBound...]
            }
        }
        #expect(configurations >= 20, "found the commands' configurations")
    }

    @Test func packageSwiftDeclaresExactlyThoseDependencies() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let start = try #require(manifest.range(of: ".executableTarget("))
        let end = try #require(manifest.range(of: ")\n", range: start.upperBound..<manifest.endIndex))
        let target = manifest[start.lowerBound..<end.upperBound]
        #expect(target.contains("name: \"l10n\""))
        #expect(target.contains("dependencies: [\"L10nPipeline\", .product(name: \"ArgumentParser\", package: \"swift-argument-parser\")]"), "\(target)")
    }

    @Test func helpListsTheExitCodesOfTheReadme() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.range(of: #"^\| [0-9]+ \| "#, options: .regularExpression) != nil }
        #expect(rows.count == 9)
        // Compared with whitespace collapsed: --help wraps long meanings.
        func words(_ s: some StringProtocol) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let helpWords = words(help.stdout)
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let line = words(cells[0] + " " + cells[1].replacingOccurrences(of: "`", with: ""))
            #expect(helpWords.contains(line), "--help lacks \"\(line)\"")
        }
    }

    @Test func anUnknownMarketIsTheSameUsageErrorEverywhere() throws {
        let dir = try TemporaryDirectory.make("l10n-arch")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# Pump\n".utf8).write(to: dir.appendingPathComponent("pump.md"))
        let show = try CLI.run(["markets", "show", "xx"], in: dir)
        let adapt = try CLI.run(["adapt", "--market", "xx", "pump.md"], in: dir)
        #expect(show.status == 64 && adapt.status == 64)
        #expect(show.stderr == adapt.stderr)
        #expect(show.stderr.contains("no market 'xx'"))
        let backend = try CLI.run(["adapt", "--market", "br", "--backend", "nope", "pump.md"], in: dir)
        #expect(backend.status == 64)
        #expect(backend.stderr.contains("known: apertium, command, deepl, google, google-v3, libretranslate, none, openai, pseudo"))
    }

    @Test func backendsAreListedAndShown() throws {
        let list = try CLI.run(["backends", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) } == ["apertium", "command", "deepl", "google", "google-v3", "libretranslate", "none", "openai", "pseudo"])
        let show = try CLI.run(["backends", "show", "pseudo"])
        #expect(show.status == 0 && show.stdout.contains("inline codes yes"))
        let apertium = try CLI.run(["backends", "show", "apertium"])
        #expect(apertium.status == 0 && apertium.stdout.contains("APERTIUM_PATH"))
        #expect(try CLI.run(["backends", "show", "nope"]).status == 64)
    }
}
