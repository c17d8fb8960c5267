import L10nCore

/// Offline machine translation with Debian's Apertium: rule-based, deterministic, free, and the
/// default where an installed pair (or two, through a pivot) covers the language pair.
///
/// Inline codes travel as superblanks (``ApertiumStreamFormat``), so markup comes back where
/// it was and in order; a segment whose codes do not come back intact fails alone. Output is a
/// machine draft for review (`mt:apertium`, XLIFF state `initial`).
public struct ApertiumBackend: TranslationBackend {
    public static let id = "apertium"

    public static let pathOption = BackendOption(
        name: "path", environment: "APERTIUM_PATH", summary: "folder of the Apertium programs (default \(ApertiumInstallation.defaultPrograms))")
    public static let dataOption = BackendOption(
        name: "data", environment: "APERTIUM_DATADIR", summary: "folder of the Apertium language data (default \(ApertiumInstallation.defaultData))")

    /// The descriptor for `installation`: its language pairs are the routes its modes allow.
    public static func descriptor(for installation: ApertiumInstallation) -> BackendDescriptor {
        let modes = installation.modes.map(\.name).sorted()
        let summary = modes.isEmpty
            ? "Offline rule-based MT with Apertium (not installed: run tools/setup)."
            : "Offline rule-based MT with Apertium (\(modes.count) modes installed; the default where it has a route)."
        return BackendDescriptor(
            id: id, displayName: "Apertium (offline)", summary: summary,
            options: [pathOption, dataOption], languages: .pairs(installation.isUsable ? installation.router.pairs : []),
            limits: BatchLimits(maxSegments: 200, maxCharacters: 50_000), supportsInlineCodes: true, producesDrafts: true)
    }

    /// The installation `configuration` names (`APERTIUM_PATH`, `APERTIUM_DATADIR`).
    public static func installation(_ configuration: BackendConfiguration) -> ApertiumInstallation {
        ApertiumInstallation.discover(programs: configuration.value(for: pathOption), data: configuration.value(for: dataOption))
    }

    public let descriptor: BackendDescriptor
    public let installation: ApertiumInstallation
    private let pool: ApertiumProcessPool

    public init(installation: ApertiumInstallation) {
        self.installation = installation
        self.descriptor = Self.descriptor(for: installation)
        self.pool = ApertiumProcessPool(installation: installation)
    }

    public init(configuration: BackendConfiguration) throws {
        let installation = Self.installation(configuration)
        guard installation.isUsable else {
            throw BackendError(.misconfigured, backend: Self.id,
                               "no Apertium found (programs in \(installation.programs.path), modes in \(installation.data.path)/modes): run tools/setup or set APERTIUM_PATH / APERTIUM_DATADIR")
        }
        self.init(installation: installation)
    }

    /// Pipelines started so far by this backend and its copies.
    var processesStarted: Int { pool.started }

    public func translate(_ batch: [SegmentRequest], context: TranslationContext) async throws -> [SegmentResult] {
        try Task.checkCancellation()
        guard let route = installation.router.route(from: context.sourceLanguage, to: context.targetLanguage) else {
            throw BackendError(.unsupportedLanguages, backend: Self.id, "no installed mode translates \(context.sourceLanguage) → \(context.targetLanguage)")
        }
        // Segments with no words to translate (only codes, spaces, digits) stay as they are.
        var results = [SegmentResult?](repeating: nil, count: batch.count)
        var current: [Int: Content] = [:]
        for (i, request) in batch.enumerated() {
            if request.source.plainText.contains(where: \.isLetter) { current[i] = request.source } else { results[i] = .untranslated }
        }
        for mode in route {
            let order = current.keys.sorted()
            guard !order.isEmpty else { break }
            let encoded = order.map { ApertiumStreamFormat.encode(current[$0]!) }
            let answers = try await pool.process(for: mode).translate(encoded.map(\.text))
            for (k, i) in order.enumerated() {
                do {
                    current[i] = try ApertiumStreamFormat.decode(answers[k], codes: encoded[k].codes)
                } catch {
                    current[i] = nil
                    results[i] = .failed(reason: "\(mode.name): \(error)")
                }
            }
        }
        for (i, content) in current {
            results[i] = .translated(Self.withEdges(of: batch[i].source, on: content))
        }
        return results.map { $0 ?? .untranslated }
    }

    /// `target` with the source's leading and trailing whitespace: Apertium adds or drops
    /// spaces at the ends of a segment, which would change the spacing between sentences.
    static func withEdges(of source: Content, on target: Content) -> Content {
        func leading(_ c: Content) -> String {
            guard case .text(let t)? = c.runs.first else { return "" }
            return String(t.prefix(while: \.isWhitespace))
        }
        func trailing(_ c: Content) -> String {
            guard case .text(let t)? = c.runs.last else { return "" }
            return String(t.reversed().prefix(while: \.isWhitespace).reversed())
        }
        var runs = target.runs
        if case .text(let t)? = runs.first { runs[0] = .text(String(t.drop(while: \.isWhitespace))) }
        if case .text(let t)? = runs.last { runs[runs.count - 1] = .text(String(t.reversed().drop(while: \.isWhitespace).reversed())) }
        runs.insert(.text(leading(source)), at: 0)
        runs.append(.text(trailing(source)))
        return Content(runs)
    }
}
