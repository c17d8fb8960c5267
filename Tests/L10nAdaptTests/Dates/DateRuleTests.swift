import Foundation
import L10nCore
import Testing
@testable import L10nAdapt

@Suite struct DateRuleTests {
    @Test func descriptionExamples() {
        FigureRuleSupport.checkExamples(of: DateRule())
    }

    @Test func sourceLocaleDecidesTheOrder() {
        #expect(SourceDateReader(localeID: "en_US").order == [.month, .day, .year])
        #expect(SourceDateReader(localeID: "en_GB").order == [.day, .month, .year])
        let us = SourceDateReader(localeID: "en_US").dates(in: "03/04/2026")
        let gb = SourceDateReader(localeID: "en_GB").dates(in: "03/04/2026")
        #expect(us.map { [$0.year, $0.month, $0.day] } == [[2026, 3, 4]])
        #expect(gb.map { [$0.year, $0.month, $0.day] } == [[2026, 4, 3]])
    }

    @Test func britishSourceIntoGermany() {
        let (out, _) = FigureRuleSupport.adapt("Ships 03/04/2026.", with: DateRule(), context: FigureRuleSupport.context("de", source: "en-GB"))
        #expect(out == "Ships 03.04.2026.")
    }

    @Test(arguments: [("3/4/26", 2026), ("12/31/99", 1999), ("1/1/68", 2068), ("1/1/69", 1969)])
    func twoDigitYears(text: String, year: Int) {
        #expect(SourceDateReader(localeID: "en_US").dates(in: text).map(\.year) == [year])
    }

    @Test(arguments: ["13/45/2026", "02/29/2025", "2/30/2026", "00/10/2026", "1/2", "24/7", "50/60Hz", "100/240", "3/4",
                      "2026-03-04", "10/100/1000", "1-800-555-0199", "v1/2/2026x", "3/4/2026/5", "03/04-2026", "1.2.2026"])
    func notDates(text: String) {
        #expect(SourceDateReader(localeID: "en_US").dates(in: text).isEmpty, "\(text)")
    }

    @Test func leapDay() {
        #expect(SourceDateReader(localeID: "en_US").dates(in: "02/29/2028").count == 1)
        #expect(SourceDateReader(localeID: "en_US").dates(in: "Feb. 29").map(\.form) == [.monthDay])
    }

    @Test func writtenForms() {
        let reader = SourceDateReader(localeID: "en_US")
        let text = "On March 4, 2026; Mar 4th, 2026; Sept. 30; 4 March 2026; the 4th of March 2026; June 2026; Tues., March 3, 2026"
        let found = reader.dates(in: text)
        #expect(found.map { String(text[$0.range]) } == ["March 4, 2026", "Mar 4th, 2026", "Sept. 30", "4 March 2026", "4th of March 2026", "June 2026", "Tues., March 3, 2026"])
        #expect(found.map(\.form) == [.written, .written, .monthDay, .written, .written, .monthYear, .written])
        #expect(found.last?.weekday == 3)
    }

    @Test func capitalisedWordsThatAreNotMonths() {
        #expect(SourceDateReader(localeID: "en_US").dates(in: "Model 2026, Series 3, Mayday 5, Junior 2026, Ma 4").isEmpty)
    }

    @Test func wrongWeekdayIsFlaggedNotChanged() throws {
        // 4 March 2026 is a Wednesday.
        let (out, adaptations) = FigureRuleSupport.adapt("Launch: Tuesday, March 4, 2026.", with: DateRule(), context: FigureRuleSupport.context("br"))
        #expect(out == "Launch: Tuesday, March 4, 2026.")
        let flag = try #require(adaptations.first)
        #expect(flag.isAdvisory && flag.before == "Tuesday, March 4, 2026" && flag.note.contains("2026-03-04"))
    }

    @Test func saudiDatesStayGregorianWithLatinDigits() {
        let context = FigureRuleSupport.context("sa")
        let (out, _) = FigureRuleSupport.adapt("Launch: Wednesday, March 4, 2026; ships 03/04/2026.", with: DateRule(), context: context)
        let bidi: Set<UInt32> = [0x200E, 0x200F, 0x061C]
        let visible = String(String.UnicodeScalarView(out.unicodeScalars.filter { !bidi.contains($0.value) }))
        #expect(visible.contains("2026") && visible.contains("04/03/2026"), "\(out)")
        #expect(!out.unicodeScalars.contains { (0x0660...0x0669).contains($0.value) }, "\(out)")
        let patternAsksForMarks = context.market.dates.pattern.unicodeScalars.contains { bidi.contains($0.value) }
        #expect(patternAsksForMarks || !out.unicodeScalars.contains { bidi.contains($0.value) }, "\(out)")
    }

    @Test func bidiMarksInTheMarketPatternStay() {
        var context = FigureRuleSupport.context("ae")
        context.market.dates.pattern = "dd\u{200F}/MM\u{200F}/yyyy"
        let (out, _) = FigureRuleSupport.adapt("Ships 03/04/2026, launch March 4, 2026.", with: DateRule(), context: context)
        #expect(out == "Ships 04\u{200F}/03\u{200F}/2026, launch 4 مارس 2026.")
    }

    @Test func noteNamesTheReading() throws {
        let (_, adaptations) = FigureRuleSupport.adapt("Ships 03/04/2026.", with: DateRule(), context: FigureRuleSupport.context("br"))
        let note = try #require(adaptations.first?.note)
        #expect(note.contains("2026-03-04") && note.contains("month/day/year") && note.contains("dd/MM/yyyy"))
    }

    @Test func usMarketIsUntouched() {
        #expect(!DateRule.applies(to: FigureRuleSupport.context("us")))
    }
}
