import Foundation
import L10nPipeline
import Testing

/// A table that names the unit once — a column header "Chest (in)", a row label
/// "Weight (lb)" — and holds bare figures: the figures and the label convert together, in HTML
/// as in Markdown, and only where the table's rows and columns are certain.
@Suite struct TableUnitsTests {
    func adapted(_ html: String, market: String = "de") async throws -> (page: String, notes: [String]) {
        let result = try await Localizer().localize(SourceDocument(text: html, name: "chart.html"), markets: [market])
        let localized = try #require(result.results.first)
        let page = String(decoding: try #require(localized.outputs.document), as: UTF8.self)
        return (page, localized.adaptations.map(\.noteText))
    }

    @Test func aHeaderRowNamesItsColumnsUnit() async throws {
        let (page, notes) = try await adapted("""
            <table><thead><tr><th>Size</th><th>Chest (in)</th></tr></thead>
            <tbody><tr><td>S</td><td>35–37</td></tr><tr><td>M</td><td>38–40</td></tr></tbody></table>
            """)
        #expect(page.contains("<th>Chest (cm)</th>"), "\(page)")
        #expect(page.contains("<td>89–94</td>"), "\(page)")
        #expect(page.contains("<td>S</td>"), "\(page)")
        #expect(notes.contains { $0.contains("\"35–37\" → \"89–94\"") && $0.contains("from \"Chest (in)\"") }, "\(notes)")
    }

    @Test func aRowLabelNamesItsRowsUnit() async throws {
        let (page, _) = try await adapted("""
            <table><tr><th>Model</th><th>A</th><th>B</th></tr>
            <tr><th>Weight (lb)</th><td>4.4</td><td>11</td></tr>
            <tr><th>Colors</th><td>2</td><td>3</td></tr></table>
            """)
        #expect(page.contains("<th>Weight (kg)</th><td>2,0</td><td>5,0</td>"), "\(page)")
        #expect(page.contains("<th>Colors</th><td>2</td><td>3</td>"), "\(page)")
    }

    @Test func spannedCellsMakeColumnsUncertainSoNothingConverts() async throws {
        let (page, _) = try await adapted("""
            <table><tr><th>Size</th><th>Chest (in)</th></tr>
            <tr><td colspan="2">Regular fit</td></tr>
            <tr><td>S</td><td>35–37</td></tr></table>
            """)
        #expect(page.contains("Chest (in)") && page.contains("<td>35–37</td>"), "\(page)")
    }

    @Test func aConventionThatKeepsTheUnitKeepsTheColumn() async throws {
        let (page, _) = try await adapted("""
            <table><tr><th>Model</th><th>Screen (in)</th></tr><tr><td>ViewMax</td><td>15.6</td></tr></table>
            """, market: "br")
        #expect(page.contains("Screen (in)") && page.contains("<td>15,6</td>"), "\(page)")
    }
}
