// swift-tools-version:6.1
import Foundation
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode (strict concurrency) plus
/// `ExistentialAny`, so `any Protocol` is always spelled out.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// `L10nGlossary` is rooted at the package so that the curated `glossaries/` folder (CSV/TBX
/// files, the source of truth) is its resource and `--glossary INDUSTRY` works from any folder:
/// every other top-level entry and every other `Sources/` folder is excluded from it. Listed
/// when the manifest is read; new files inside `glossaries/` are copied without a change here.
let glossaryExcluded: [String] = {
    let root = Context.packageDirectory
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    let sources = (try? FileManager.default.contentsOfDirectory(atPath: root + "/Sources")) ?? []
    return entries.filter { !$0.hasPrefix(".") && $0 != "Sources" && $0 != "glossaries" }.sorted()
        + sources.filter { !$0.hasPrefix(".") && $0 != "L10nGlossary" }.sorted().map { "Sources/" + $0 }
}()

let package = Package(
    name: "l10n",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "l10n", targets: ["l10n"]),
        /// The engine for Swift programs that embed it: `import L10nPipeline` and use `Localizer`
        /// (the engine types its API speaks in come with it, see `L10nPipeline/EngineTypes.swift`).
        .library(name: "L10nEngine", targets: ["L10nPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // HTTP MT backends (L10nMT) and the in-process test servers that fake their services.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // SHA-256 content hashes for incremental batch runs (L10nPipeline) and DeepL glossary names (L10nMT).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The shared translation memory (`--tm postgres://…`): many CI runners, one memory.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // To silence postgres-nio's logger (its events are not for people running l10n), and for
        // the DeepL backend's warnings (a glossary it had to translate without).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C shims: system C libraries, each seen by exactly one Swift target.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CHunspell",
            pkgConfig: "hunspell",
            providers: [.apt(["libhunspell-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),

        // Engine
        .target(name: "L10nCore", swiftSettings: swiftSettings),
        .target(name: "L10nXML", dependencies: ["L10nCore", "CLibXML2"], swiftSettings: swiftSettings),
        .target(name: "L10nText", dependencies: ["L10nCore", "L10nXML", "CICU"], resources: [.copy("Resources")], swiftSettings: swiftSettings),
        .target(
            name: "L10nFormats",
            dependencies: ["L10nCore", "L10nXML", "CCmarkGFM"],
            resources: [.copy("XLIFF/Validation/Schemas")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "L10nAdapt",
            dependencies: ["L10nCore", "L10nText", "L10nQA", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/Markets"), .copy("Resources/Conventions"), .copy("Resources/Spelling"), .copy("Resources/Units")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "L10nMT",
            // Crypto: DeepL glossaries are named by a SHA-256 of their entries; Logging: warnings
            // about glossaries a batch had to go without.
            dependencies: [
                "L10nCore", .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "L10nQA", dependencies: ["L10nCore", "CHunspell"], swiftSettings: swiftSettings),
        .target(
            name: "L10nGlossary",
            dependencies: ["L10nCore", "L10nText", "L10nXML", "L10nQA"],
            path: ".",
            exclude: glossaryExcluded,
            sources: ["Sources/L10nGlossary"],
            resources: [.copy("glossaries")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "L10nMemory",
            dependencies: [
                "L10nCore", "L10nText", "L10nXML", "L10nFormats", "L10nGlossary", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API for the import's posting rows (see PostingWriter).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "L10nPipeline",
            dependencies: [
                "L10nCore", "L10nText", "L10nFormats", "L10nAdapt", "L10nMT", "L10nQA", "L10nMemory", "L10nGlossary",
                .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),

        // CLI
        .executableTarget(
            name: "l10n",
            dependencies: ["L10nPipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),

        // Benchmarks (tools/bench-tm runs it in release mode; not a test).
        .executableTarget(name: "bench-tm", dependencies: ["L10nMemory", "L10nCore"], path: "tools/bench-tm-src", swiftSettings: swiftSettings),

        // Test support: helpers shared by the test targets (fixture folders, corpus listing,
        // temporary folders, the CLI runner, the XLIFF target filler). Only test targets use it.
        .target(
            name: "L10nTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/L10nTestSupport",
            swiftSettings: swiftSettings
        ),

        // Tests
        .testTarget(name: "L10nCoreTests", dependencies: ["L10nCore", "L10nTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "L10nTextTests",
            dependencies: ["L10nText", "L10nTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "L10nFormatsTests",
            dependencies: ["L10nFormats", "L10nText", "L10nTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "L10nXMLTests", dependencies: ["L10nXML", "L10nFormats", "L10nText", "L10nMemory", "L10nGlossary", "L10nTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "L10nAdaptTests", dependencies: ["L10nAdapt", "L10nTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "L10nMTTests",
            dependencies: ["L10nMT", "L10nTestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "L10nQATests", dependencies: ["L10nQA", "L10nAdapt", "L10nGlossary"], swiftSettings: swiftSettings),
        .testTarget(
            name: "L10nMemoryTests",
            dependencies: ["L10nMemory", "L10nGlossary", "L10nTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "L10nGlossaryTests",
            dependencies: ["L10nGlossary", "L10nTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "L10nPipelineTests", dependencies: ["L10nPipeline", "L10nFormats", "L10nXML", "L10nTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "L10nEndToEndTests",
            // `l10n`: the executable these tests run, so `swift test` builds it next to them.
            // Yams: the trap corpus (`corpora/traps/*.yaml`) is read by the tests themselves.
            // L10nXML: the sitemap is validated against the sitemaps.org and XHTML schemas.
            dependencies: ["l10n", "L10nTestSupport", "L10nXML", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
