import Foundation
import L10nXML

/// Compiles each ``SchemaSet`` once and shares it. A compiled `xmlSchema` is read-only after
/// parsing, so many threads may validate with it at once, each through its own validation context.
final class SchemaCache: @unchecked Sendable {
    // @unchecked: the mutable dictionaries are only touched under `lock`; the compiled schemas they
    // hold are immutable and live for the whole process.
    static let shared = SchemaCache()

    private let lock = NSLock()
    private var schemas: [SchemaSet: Result<XMLSchema, SchemaUnavailable>] = [:]
    private var vocabularies: [SchemaSet: ModuleVocabulary] = [:]

    struct SchemaUnavailable: Error, Sendable { var message: String }

    /// The compiled schema for `set`, compiling it on first use.
    func schema(_ set: SchemaSet) -> Result<XMLSchema, SchemaUnavailable> {
        lock.lock()
        defer { lock.unlock() }
        if let cached = schemas[set] { return cached }
        let result = Self.compile(set)
        schemas[set] = result
        return result
    }

    /// The names each module namespace declares, read from the bundled module schemas.
    func vocabulary(_ set: SchemaSet) -> ModuleVocabulary {
        lock.lock()
        defer { lock.unlock() }
        if let cached = vocabularies[set] { return cached }
        let vocabulary = ModuleVocabulary(schemaPaths: set.moduleSchemas.compactMap(SchemaBundle.path))
        vocabularies[set] = vocabulary
        return vocabulary
    }

    private static func compile(_ set: SchemaSet) -> Result<XMLSchema, SchemaUnavailable> {
        guard let path = SchemaBundle.path(set.driver), FileManager.default.fileExists(atPath: path) else {
            return .failure(SchemaUnavailable(message: "bundled schema \(set.driver) not found"))
        }
        do {
            return .success(try XMLSchema(contentsOfFile: path))
        } catch {
            let detail = (error as? XMLSchema.CompileError)?.message ?? "\(error)"
            return .failure(SchemaUnavailable(message: "bundled schema \(set.driver) does not compile: \(detail)"))
        }
    }
}
