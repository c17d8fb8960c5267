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
