import Foundation
import L10nPipeline

/// Small in-memory pages for pipeline tests.
enum PipelineFixtures {
    /// A Markdown page with a heading, a two-sentence paragraph with a link and emphasis, a
    /// US measurement, a price and a model number.
    static let markdown = """
        # AquaFlow XP-2000B pump

        The pump lifts water **33 ft** high. Read the [care guide](https://example.com/care "Care") first.

        Price: $129.99, shipping included.

        """

    static let html = """
        <!DOCTYPE html>
        <html lang="en"><head><title>AquaFlow pump</title></head>
        <body><h1>AquaFlow pump</h1><p>It lifts water <b>33 ft</b> high.</p><p>Price: $129.99.</p></body></html>

        """

    static var markdownSource: SourceDocument { SourceDocument(text: markdown, name: "pump.md") }
    static var htmlSource: SourceDocument { SourceDocument(text: html, name: "pump.html") }

    /// Every translatable segment of `document`, in order.
    static func segments(_ document: Document) -> [Segment] {
        segments(document.units)
    }

    /// Every non-ignorable segment of `units`, in order.
    static func segments(_ units: [TextUnit]) -> [Segment] {
        units.flatMap { $0.segments.filter { !$0.isIgnorable } }
    }
}
