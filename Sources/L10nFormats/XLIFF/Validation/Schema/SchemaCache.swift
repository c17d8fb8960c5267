import CLibXML2
import Foundation

/// Compiles each ``SchemaSet`` once and shares it. A compiled `xmlSchema` is read-only after
/// parsing, so many threads may validate with it at once, each through its own validation context.
final class SchemaCache: @unchecked Sendable {
    // @unchecked: the mutable dictionaries are only touched under `lock`; the schema pointers they
    // hold are never mutated after compilation and live for the whole process.
    static let shared = SchemaCache()

    private let lock = NSLock()
    private var schemas: [SchemaSet: Result<OpaquePointer, SchemaUnavailable>] = [:]
    private var vocabularies: [SchemaSet: ModuleVocabulary] = [:]

    struct SchemaUnavailable: Error, Sendable { var message: String }

    /// The compiled schema for `set`, compiling it on first use.
    func schema(_ set: SchemaSet) -> Result<OpaquePointer, SchemaUnavailable> {
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

    private final class Messages { var errors: [String] = [] }

    private static func compile(_ set: SchemaSet) -> Result<OpaquePointer, SchemaUnavailable> {
        LibXML.initialize()
        guard let path = SchemaBundle.path(set.driver), FileManager.default.fileExists(atPath: path) else {
            return .failure(SchemaUnavailable(message: "bundled schema \(set.driver) not found"))
        }
        guard let parser = xmlSchemaNewParserCtxt(path) else {
            return .failure(SchemaUnavailable(message: "libxml2 could not read \(set.driver)"))
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let messages = Messages()
        let unmanaged = Unmanaged.passRetained(messages)
        defer { unmanaged.release() }
        // Collect instead of printing: the expected "skipping import" warnings are not news.
        xmlSchemaSetParserStructuredErrors(parser, { userData, error in
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let messages = Unmanaged<Messages>.fromOpaque(userData).takeUnretainedValue()
            messages.errors.append(error.pointee.message.map { String(cString: $0) } ?? "schema error")
        }, unmanaged.toOpaque())
        guard let schema = xmlSchemaParse(parser) else {
            let detail = messages.errors.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown error"
            return .failure(SchemaUnavailable(message: "bundled schema \(set.driver) does not compile: \(detail)"))
        }
        return .success(schema)
    }
}
