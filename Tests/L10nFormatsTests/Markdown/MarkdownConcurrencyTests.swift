import Foundation
import L10nCore
@testable import L10nFormats
import Testing

/// `extract --jobs N` reads several Markdown files at once. cmark-gfm keeps the extensions'
/// special characters (`~`, `:`, `w`, `@`…) in one global table that every parse changes, so
/// concurrent parses lost strikethrough and autolinks now and then; the filter must give the
/// same units on any thread.
@Suite struct MarkdownConcurrencyTests {
    static let page = String(repeating: """
        Order now: ~~$1,299.42~~ **$999.42**, see https://www.example.org/qpl or www.example.com and
        mail help@example.com. A *second* sentence with `code` and [a link](https://example.com/x).

        | Col ~~a~~ | https://example.net/t |
        |---|---|
        | ~~old~~ | new |

        """, count: 20)

    @Test func parsingOnManyThreadsGivesTheSameUnits() async throws {
        let bytes = Data(Self.page.utf8)
        let reference = try MarkdownFilter().read(bytes, text: Self.page, file: "c.md")
        let results = await withTaskGroup(of: [UnitDraft]?.self) { group in
            for _ in 0..<64 {
                group.addTask { try? MarkdownFilter().read(bytes, text: Self.page, file: "c.md") }
            }
            var all: [[UnitDraft]?] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 == reference })
        let html = MarkdownSyntaxTree.html(Array(Self.page.utf8))
        #expect(html.contains("<del>") && html.contains("href=\"https://www.example.org/qpl\""))
    }
}
