import CLibXML2
import Foundation

/// A compiled W3C XML Schema (XSD), loaded from local files, that validates ``XMLTreeDocument``s.
///
/// Compiled once and shared: a compiled `xmlSchema` is read-only, so many threads may validate
/// with it at once, each through its own validation context. Imports resolve to local paths;
/// any network URL is refused by the loader ``LibXML2/initialize()`` installs.
public final class XMLSchema: @unchecked Sendable {
    // @unchecked: the pointer is never mutated after compilation and lives as long as this.
    private let pointer: OpaquePointer

    /// Why a schema did not compile.
    public struct CompileError: Error, Sendable {
        public var message: String
    }

    /// A validation error: libxml2's message and the line of the offending node.
    public struct Issue: Hashable, Sendable {
        public var message: String
        public var line: Int
    }

    private final class Messages { var errors: [String] = [] }
    private final class Collector { var issues: [Issue] = [] }

    /// Compiles the XSD at `path` and what it imports. Warnings (such as libxml2's "skipping
    /// import" of a namespace already imported) are not errors.
    public init(contentsOfFile path: String) throws {
        LibXML2.initialize()
        guard let parser = xmlSchemaNewParserCtxt(path) else {
            throw CompileError(message: "libxml2 could not read \(path)")
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let messages = Messages()
        let unmanaged = Unmanaged.passRetained(messages)
        defer { unmanaged.release() }
        xmlSchemaSetParserStructuredErrors(parser, { userData, error in
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let messages = Unmanaged<Messages>.fromOpaque(userData).takeUnretainedValue()
            messages.errors.append(error.pointee.message.map { String(cString: $0) } ?? "schema error")
        }, unmanaged.toOpaque())
        guard let schema = xmlSchemaParse(parser) else {
            throw CompileError(message: messages.errors.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown error")
        }
        pointer = schema
    }

    deinit { xmlSchemaFree(pointer) }

    /// The schema errors of `document` (empty when it is valid).
    public func validate(_ document: XMLTreeDocument) throws -> [Issue] {
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            throw CompileError(message: "libxml2 could not create a validation context")
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = Collector()
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        xmlSchemaSetValidStructuredErrors(context, { userData, error in
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let collector = Unmanaged<Collector>.fromOpaque(userData).takeUnretainedValue()
            var line = Int(error.pointee.line)
            if let node = error.pointee.node {
                let nodeLine = Int(xmlGetLineNo(node.assumingMemoryBound(to: xmlNode.self)))
                if nodeLine > 0 { line = nodeLine }
            }
            let message = error.pointee.message.map { String(cString: $0) } ?? "schema validation error"
            collector.issues.append(Issue(message: message.trimmingCharacters(in: .whitespacesAndNewlines), line: max(line, 1)))
        }, unmanaged.toOpaque())
        _ = xmlSchemaValidateDoc(context, document.pointer)
        return collector.issues
    }
}
