import Foundation

/// What several rules ask of the same segment text — the conventions' code spans, the quantities
/// written in it, the certification marks it cites — worked out once per segment by the engine
/// instead of once per rule. Each is a pass of regular expressions over the whole text, by far
/// the dearest part of adapting a page; rules run on their own (tests, QA) work it out themselves.
struct SegmentAnalysis: Sendable {
    /// The text this analysis is of: a rule asked about any other text gets no answer from it.
    let text: String
    let codeSpans: [(range: Range<String.Index>, entry: Convention)]
    let quantities: [QuantityExpression]
    let marks: [(range: Range<String.Index>, mark: CertificationMark)]

    init(_ text: String, market: MarketProfile) {
        self.text = text
        codeSpans = market.conventions.codeSpans(in: text, market: market)
        quantities = QuantityScanner().scan(text)
        marks = CertificationMark.find(in: text)
    }
}

extension AdaptationContext {
    /// The conventions' code spans in `text` (see ``Conventions/codeSpans(in:market:)``).
    func codeSpans(in text: String) -> [(range: Range<String.Index>, entry: Convention)] {
        if let analysis, analysis.text == text { return analysis.codeSpans }
        return market.conventions.codeSpans(in: text, market: market)
    }

    /// The quantities written in `text`.
    func quantities(in text: String) -> [QuantityExpression] {
        if let analysis, analysis.text == text { return analysis.quantities }
        return QuantityScanner().scan(text)
    }

    /// The certification marks `text` cites, in order.
    func certificationMarks(in text: String) -> [(range: Range<String.Index>, mark: CertificationMark)] {
        if let analysis, analysis.text == text { return analysis.marks }
        return CertificationMark.find(in: text)
    }
}

/// What some rules must judge per page rather than per segment, worked out by the engine over
/// every segment before it adapts any (as certifications are advised once per page, not once
/// per segment).
///
/// - `mains`: in markets whose mains differ by region (Brazil 127 V or 220 V, Japan 50 Hz or
///   60 Hz), the regional supplies the page's mains statements cover. A single-voltage
///   statement is a regional advisory only when nothing else on the page (a spec table row, a
///   second model, "127 V version available") covers the other regions.
struct PageAnalysis: Sendable {
    var mains: ElectricalRule.MainsCoverage?

    /// `texts`: every translatable segment of the page, codes as U+FFFC (as the engine flattens them).
    init(_ texts: [String], rules: [any AdaptationRule], context: AdaptationContext) {
        if rules.contains(where: { $0 is ElectricalRule }), ElectricalRule.hasRegionalMains(context.market.electrical) {
            var covered = ElectricalRule.MainsCoverage()
            for text in texts { covered.formUnion(ElectricalRule.coverage(of: text, context: context)) }
            mains = covered
        }
    }
}
