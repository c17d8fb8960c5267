import Foundation
import L10nTestSupport
import L10nXML

/// The sitemaps.org schema with XHTML's `<link>` for hreflang alternates (`Fixtures/sitemap-schema`,
/// see its ORIGIN.md), compiled once, through the same libxml2 policy as every XML entry point.
enum SitemapSchema {
    static let schema: Result<XMLSchema, any Error> = Result {
        try XMLSchema(contentsOfFile: PackagePaths.url("Tests/L10nEndToEndTests/Fixtures/sitemap-schema/sitemap-with-alternates.xsd").path)
    }

    /// The schema errors of a sitemap ("line: message"), empty when it is valid.
    static func errors(of sitemap: Data) throws -> [String] {
        let document = try XMLTreeDocument.parse(sitemap, file: "sitemap.xml")
        return try schema.get().validate(document).map { "\($0.line): \($0.message)" }
    }
}
