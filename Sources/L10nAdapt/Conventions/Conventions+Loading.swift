import Foundation
import Yams

extension Conventions {
    /// The bundled files, then those in `<userDirectory>/conventions/` when that folder exists: a
    /// user file replaces the bundled file of the same name, a new name adds entries. Errors are
    /// ``MarketDataError``s naming the file and key path, like a market's.
    public static func load(userDirectory: String? = nil) throws -> Conventions {
        guard let bundled = Bundle.module.url(forResource: "Conventions", withExtension: nil) else {
            throw MarketDataError(file: "Conventions", keyPath: "", message: "the bundled conventions are missing from this build")
        }
        var byName: [String: (display: String, data: Data, bundled: Bool)] = [:]
        try read(bundled.path, prefix: "conventions/", bundled: true, into: &byName)
        if let userDirectory {
            let folder = URL(fileURLWithPath: userDirectory).appendingPathComponent("conventions").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
                try read(folder, prefix: folder + "/", bundled: false, into: &byName)
            }
        }
        var entries: [Convention] = []
        var files: [String: String] = [:]
        var origins: [(file: String, index: Int, bundled: Bool)] = []
        for name in byName.keys.sorted() {
            let (display, data, isBundled) = byName[name]!
            for (index, entry) in try decode(data, file: display).enumerated() {
                if let first = files[entry.id] {
                    throw MarketDataError(file: display, keyPath: "entries[\(index)].id", message: "'\(entry.id)' is already defined in \(first)")
                }
                files[entry.id] = display
                entries.append(entry)
                origins.append((display, index, isBundled))
            }
        }
        return try Conventions(entries: entries, files: files, origin: { (origins[$0].file, origins[$0].index) }, checked: { origins[$0].bundled })
    }

    /// ``bundled`` (loaded once per process), or the error that made it empty.
    static func checkedBundled() throws -> Conventions { bundled.entries.isEmpty ? try load() : bundled }

    private static func read(_ path: String, prefix: String, bundled: Bool, into byName: inout [String: (display: String, data: Data, bundled: Bool)]) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        for name in names {
            do { byName[name] = (prefix + name, try Data(contentsOf: URL(fileURLWithPath: path).appendingPathComponent(name)), bundled) } catch {
                throw MarketDataError(file: prefix + name, keyPath: "", message: "cannot be read")
            }
        }
    }

    static let fileKeys: Set<String> = ["industry", "summary", "entries"]
    static let entryKeys: Set<String> = ["id", "kind", "rationale", "source", "units", "after", "before", "values", "pattern", "silencesAdvisories", "context", "markets", "gap", "within", "topic", "examples"]

    /// Scalars resolve to strings, or to null (`~`, `null`): every field of an entry is a string,
    /// a list of them or a small number, which the decoder reads from the text either way, and
    /// Yams' default resolver tries its integer, float, boolean and timestamp expressions on
    /// every scalar each time a mapping is searched by key (a fifth of loading the bundled files).
    static let resolver = Resolver.basic.appending(Resolver.Rule.null)

    /// One decoder for every file: making one evaluates Yams' `Parser.Encoding.default` (its
    /// stored property's default) whatever encoding it is given, which reads the whole process
    /// environment (≈ 800 k instructions, 22 bundled files). It holds no state between decodes.
    nonisolated(unsafe) private static let decoder = YAMLDecoder(encoding: .utf8)

    /// Decodes and checks one file's entries.
    public static func decode(_ data: Data, file: String) throws -> [Convention] {
        func fail(_ path: String, _ message: String) -> MarketDataError { MarketDataError(file: file, keyPath: path, message: message) }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("", "is not UTF-8 text") }
        let node: Node?
        // `.utf8` said, not Yams' `.default`: that reads the whole process environment on every
        // use (≈ 400 k instructions; 197 uses when the bundled data loads). A `YAMLDecoder`
        // evaluates it when made whatever it is given, so one decoder serves every file.
        do { node = try Yams.compose(yaml: text, Self.resolver, .default, .utf8) } catch { throw fail("", "is not valid YAML: \(error)") }
        guard let mapping = node?.mapping else { throw fail("", "must be a mapping with industry, summary and entries") }
        for key in ["industry", "summary", "entries"] where mapping[key] == nil { throw fail(key, "is required") }
        try checkKeys(mapping, allowed: fileKeys, path: "", fail: fail)
        guard let list = mapping["entries"]?.sequence, !list.isEmpty else { throw fail("entries", "must be a non-empty list") }
        var entries: [Convention] = []
        let decoder = Self.decoder
        for (i, item) in list.enumerated() {
            let path = "entries[\(i)]"
            guard let fields = item.mapping else { throw fail(path, "must be a mapping") }
            try checkKeys(fields, allowed: entryKeys, path: path, fail: fail)
            let entry: Convention
            do { entry = try decoder.decode(Convention.self, from: item) } catch let error as DecodingError {
                let inner = MarketCatalog.keyPath(of: error)
                throw fail(inner.isEmpty ? path : "\(path).\(inner)", MarketCatalog.reason(of: error))
            }
            try check(entry, path: path, fail: fail)
            entries.append(entry)
        }
        return entries
    }

    private static func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, path: String, fail: (String, String) -> MarketDataError) throws {
        for (key, _) in mapping {
            guard let name = key.string, allowed.contains(name) else {
                let shown = key.string ?? "?"
                throw fail(path.isEmpty ? shown : "\(path).\(shown)", "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
        }
    }

    /// `^[a-z0-9]+(-[a-z0-9]+)*$`, checked on the bytes (as a regular expression it was compiled
    /// anew for every entry: a sixth of loading the bundled conventions).
    static func isHyphenatedWords(_ id: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    /// `trimmingCharacters(in: .whitespaces).isEmpty`, without making the trimmed string
    /// (≈ 17 k instructions a call; a thousand calls when the bundled files load).
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { whitespaces.contains($0) }
    }

    private static let whitespaces = CharacterSet.whitespaces

    /// Values that decode but cannot work.
    private static func check(_ e: Convention, path: String, fail: (String, String) -> MarketDataError) throws {
        guard isHyphenatedWords(e.id) else { throw fail("\(path).id", "must be lower-case words joined by hyphens, got '\(e.id)'") }
        if isBlank(e.rationale) { throw fail("\(path).rationale", "must say why the form stays") }
        if isBlank(e.source) { throw fail("\(path).source", "must name where the convention comes from") }
        switch (e.units, e.pattern) {
        case (nil, nil): throw fail(path, "needs `units` (with cue words) or a `pattern`")
        case (.some, .some): throw fail(path, "has both `units` and `pattern`; split it into two entries")
        case (nil, .some):
            let unitKeys: [(String, Bool)] = [("after", e.after != nil), ("before", e.before != nil), ("values", e.values != nil), ("gap", e.gap != nil), ("within", e.within != nil)]
            for (key, present) in unitKeys where present {
                throw fail("\(path).\(key)", "applies only to entries with `units`")
            }
        case (.some(let units), nil):
            if units.isEmpty { throw fail("\(path).units", "must list at least one unit") }
            if e.silencesAdvisories != nil { throw fail("\(path).silencesAdvisories", "applies only to entries with a `pattern`") }
            for (i, u) in units.enumerated() where MeasureUnit.byID[u] == nil {
                throw fail("\(path).units[\(i)]", "unknown unit '\(u)'; see the unit ids in Markets/README.md")
            }
        }
        for key in ["after", "before", "topic"] {
            let words = key == "after" ? e.after : key == "before" ? e.before : e.topic
            if let words, words.isEmpty || words.contains(where: isBlank) {
                throw fail("\(path).\(key)", "must list non-empty cue words")
            }
        }
        if let gap = e.gap, !(0...4).contains(gap) { throw fail("\(path).gap", "must be 0–4 words") }
        if let within = e.within, !(0...40).contains(within) { throw fail("\(path).within", "must be 0–40 characters") }
        if let context = e.context, !MarketSchema.keepContexts.contains(context) {
            throw fail("\(path).context", "unknown context '\(context)'; expected one of \(MarketSchema.keepContexts.sorted().joined(separator: ", "))")
        }
        if let markets = e.markets {
            for (i, m) in markets.enumerated() where !(2...3).contains(m.utf8.count) || !m.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) {
                throw fail("\(path).markets[\(i)]", "must be a market id such as br, got '\(m)'")
            }
        }
    }
}
