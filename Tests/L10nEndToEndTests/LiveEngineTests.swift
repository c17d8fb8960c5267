import Foundation
import L10nTestSupport
import Testing

/// Each online engine for real, only where its key (or URL) is set in the environment of the
/// test run — never in CI, which sets none, and never by accident: the CLI runner withholds
/// these variables from every other test (``CLI/onlineEngineVariablePrefixes``). What is checked
/// is ``RealEngineRun``'s: the page localized into German with every code, model number and URL
/// intact (or segments left with findings), valid XLIFF, no key in any output, and nothing asked
/// twice with the same memory.
@Suite(.serialized) struct LiveEngineTests {
    /// An engine, the variables that must be set to try it, and the prefix of those passed on.
    struct Engine {
        var backend: String
        var required: [String]
        var prefix: String

        static let environment = ProcessInfo.processInfo.environment

        var isConfigured: Bool { required.allSatisfy { !(Self.environment[$0] ?? "").isEmpty } }

        var skipped: Comment { "live \(backend) skipped: set \(required.joined(separator: " and ")) to run it" }

        func run() throws {
            let passed = Self.environment.filter { $0.key.hasPrefix(prefix) }
            // Keys and tokens are secrets; URLs, projects and models are not.
            let secrets = passed.filter { $0.key.hasSuffix("_KEY") || $0.key.hasSuffix("_TOKEN") }.map(\.value).filter { $0.count >= 8 }
            try RealEngineRun(backend: backend, environment: passed, secrets: secrets).check()
        }
    }

    static let deepl = Engine(backend: "deepl", required: ["DEEPL_AUTH_KEY"], prefix: "DEEPL_")
    static let google = Engine(backend: "google", required: ["GOOGLE_API_KEY"], prefix: "GOOGLE_")
    static let googleV3 = Engine(backend: "google-v3", required: ["GOOGLE_CLOUD_PROJECT", "GOOGLE_ACCESS_TOKEN"], prefix: "GOOGLE_")
    static let libreTranslate = Engine(backend: "libretranslate", required: ["LIBRETRANSLATE_URL"], prefix: "LIBRETRANSLATE_")
    static let openAI = Engine(backend: "openai", required: ["OPENAI_API_KEY"], prefix: "OPENAI_")

    @Test(.enabled(if: deepl.isConfigured, deepl.skipped)) func deeplForReal() throws { try Self.deepl.run() }
    @Test(.enabled(if: google.isConfigured, google.skipped)) func googleForReal() throws { try Self.google.run() }
    @Test(.enabled(if: googleV3.isConfigured, googleV3.skipped)) func googleV3ForReal() throws { try Self.googleV3.run() }
    @Test(.enabled(if: libreTranslate.isConfigured, libreTranslate.skipped)) func libreTranslateForReal() throws { try Self.libreTranslate.run() }
    @Test(.enabled(if: openAI.isConfigured, openAI.skipped)) func openAIForReal() throws { try Self.openAI.run() }
}
