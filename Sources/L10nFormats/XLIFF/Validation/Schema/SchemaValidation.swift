import CLibXML2
import Foundation
import L10nCore

/// Validates a parsed document against a compiled ``SchemaSet`` and turns libxml2's structured
/// errors into findings.
enum SchemaValidation {
    struct Issue: Sendable {
        var message: String
        var line: Int
    }

    private final class Collector { var issues: [Issue] = [] }

    /// The schema errors of `document`, or the reason the schema could not be used.
    static func validate(_ document: LibXMLParser.Document, against set: SchemaSet) -> Result<[Issue], SchemaCache.SchemaUnavailable> {
        let schema: OpaquePointer
        switch SchemaCache.shared.schema(set) {
        case .success(let s): schema = s
        case .failure(let error): return .failure(error)
        }
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return .failure(SchemaCache.SchemaUnavailable(message: "libxml2 could not create a validation context"))
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
        return .success(collector.issues)
    }

    /// libxml2 writes names as `{namespace}local`; the XLIFF core namespace only adds noise.
    static func readable(_ message: String) -> String {
        var m = message
        for ns in [XLIFFNamespace.core20, XLIFFNamespace.core22, XLIFFNamespace.core12] {
            m = m.replacingOccurrences(of: "{\(ns)}", with: "")
        }
        return m
    }
}
