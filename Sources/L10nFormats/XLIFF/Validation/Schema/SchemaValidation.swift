import Foundation
import L10nCore
import L10nXML

/// Validates a parsed document against a compiled ``SchemaSet`` (libxml2's structured errors,
/// through ``XMLSchema``).
enum SchemaValidation {
    typealias Issue = XMLSchema.Issue

    /// The schema errors of `document`, or the reason the schema could not be used.
    static func validate(_ document: XMLTreeDocument, against set: SchemaSet) -> Result<[Issue], SchemaCache.SchemaUnavailable> {
        switch SchemaCache.shared.schema(set) {
        case .failure(let error):
            return .failure(error)
        case .success(let schema):
            do { return .success(try schema.validate(document)) } catch {
                return .failure(SchemaCache.SchemaUnavailable(message: (error as? XMLSchema.CompileError)?.message ?? "\(error)"))
            }
        }
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
