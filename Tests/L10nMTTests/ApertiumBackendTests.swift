import Foundation
import L10nCore
@testable import L10nMT
import Testing

/// The `apertium` backend against the real Apertium and Debian's pairs (tools/setup installs
/// them): codes through superblanks, the pivot to pt-BR, one pipeline per mode.
@Suite(.enabled(if: InstalledApertium.installation.isUsable, "Apertium is not installed (run tools/setup): apertium tests skipped"))
struct ApertiumBackendTests {
    static var installation: ApertiumInstallation { InstalledApertium.installation }
    static let bold = InlineCode(kind: .open, id: "1", data: "**", type: .fmt)
    static let boldEnd = InlineCode(kind: .close, id: "1", data: "**", type: .fmt)
    static let sku = InlineCode(kind: .standalone, id: "2", data: "XP-2000B", subType: "l10n:sku", display: "XP-2000B", equiv: "XP-2000B", canDelete: false)
    static let url = InlineCode(kind: .standalone, id: "3", data: "https://example.com/care", subType: "l10n:url", equiv: "https://example.com/care", canDelete: false)

    static let page: [SegmentRequest] = [
        SegmentRequest(key: "u1-s1", source: Content([.text("The water pump "), .code(sku), .text(" is "), .code(bold), .text("very fast"), .code(boldEnd), .text(".")])),
        SegmentRequest(key: "u2-s1", source: Content([.text("Read the care guide at "), .code(url), .text(" before you use the pump.")])),
        SegmentRequest(key: "u3-s1", source: Content(text: "It lifts water 10,1 m high and weighs 20,4 kg.")),
        SegmentRequest(key: "u4-s1", source: Content([.code(sku)])),
    ]

    func context(_ target: String) -> TranslationContext {
        TranslationContext(sourceLanguage: LanguageTag("en-US")!, targetLanguage: LanguageTag(target)!)
    }

    func translations(_ results: [SegmentResult]) throws -> [Content] {
        try results.map { result in
            guard case .translated(let content) = result else { throw TestFailure("expected a translation, got \(result)") }
            return content
        }
    }

    struct TestFailure: Error, CustomStringConvertible { var description: String; init(_ d: String) { description = d } }

    @Test func englishToSpanishKeepsCodesProtectedSpansAndNumbers() async throws {
        let backend = ApertiumBackend(installation: Self.installation)
        let results = try await backend.translate(Array(Self.page), context: context("es-MX"))
        #expect(results.count == Self.page.count)
        #expect(results[3] == .untranslated, "a segment with no words is left alone")
        let targets = try translations(Array(results.prefix(3)))
        for (request, target) in zip(Self.page, targets) {
            #expect(TranslationGuard.problem(source: request.source, target: target) == nil, "\(target)")
            #expect(target != request.source, "translated, not copied")
        }
        #expect(targets[0].plainText.lowercased().contains("bomba"), "\(targets[0].plainText)")
        #expect(targets[0].codes == [Self.sku, Self.bold, Self.boldEnd])
        #expect(!targets.contains { $0.plainText.contains("*") || $0.plainText.contains("#") }, "no unknown-word marks")
    }

    @Test func englishToBrazilianPortugueseGoesThroughSpanish() async throws {
        let backend = ApertiumBackend(installation: Self.installation)
        #expect(Self.installation.router.route(from: LanguageTag("en-US")!, to: LanguageTag("pt-BR")!)?.map(\.name) == ["eng-spa", "es-pt_BR"])
        let targets = try translations(Array(try await backend.translate(Array(Self.page.prefix(3)), context: context("pt-BR"))))
        let text = targets.map(\.plainText).joined(separator: " ").lowercased()
        #expect(text.contains("muito") && !text.contains("muy"), "Portuguese, not the Spanish pivot: \(text)")
        for (request, target) in zip(Self.page, targets) {
            #expect(TranslationGuard.problem(source: request.source, target: target) == nil, "\(target)")
        }
        #expect(backend.processesStarted == 2, "one pipeline per mode of the route")
    }

    @Test func onePipelinePerModeServesEveryBatch() async throws {
        let backend = ApertiumBackend(installation: Self.installation)
        for _ in 0..<3 {
            _ = try await backend.translate(Array(Self.page), context: context("es-ES"))
        }
        let copy = backend
        _ = try await copy.translate([Self.page[0]], context: context("es-ES"))
        #expect(backend.processesStarted == 1)
    }

    @Test func reservedCharactersAndEdgesSurvive() async throws {
        let backend = ApertiumBackend(installation: Self.installation)
        let source = Content(text: " The price is $5 [net] for 1/2 <box> {kit} #1 @home ~3 units. ")
        let results = try await backend.translate([SegmentRequest(key: "u1-s1", source: source)], context: context("es-ES"))
        let target = try #require(try translations(results).first).plainText
        for piece in ["$5", "[", "]", "1/2", "<", ">", "{", "}", "#1", "@", "~3"] {
            #expect(target.contains(piece), "\(piece) lost in \(target)")
        }
        #expect(target.hasPrefix(" ") && !target.hasPrefix("  ") && target.hasSuffix(". "), "the source's edges: '\(target)'")
    }

    @Test func pairsWithoutARouteAndMissingInstallationsAreClearErrors() async throws {
        let backend = ApertiumBackend(installation: Self.installation)
        let error = await #expect(throws: BackendError.self) { try await backend.translate(Array(Self.page), context: context("de-DE")) }
        #expect(error?.code == .unsupportedLanguages)
        #expect(!backend.descriptor.languages.supports(LanguageTag("en")!, LanguageTag("de")!))
        #expect(backend.descriptor.languages.supports(LanguageTag("en-US")!, LanguageTag("pt-BR")!))

        let missing = #expect(throws: BackendError.self) {
            try ApertiumBackend(configuration: BackendConfiguration(environment: ["APERTIUM_PATH": "/nonexistent/bin", "APERTIUM_DATADIR": "/nonexistent/share"]))
        }
        #expect(missing?.code == .misconfigured)
        #expect(missing?.description.contains("APERTIUM_PATH") == true)
    }
}

/// The Apertium this machine has (the default folders), found once.
enum InstalledApertium {
    static let installation = ApertiumInstallation.discover()
}
