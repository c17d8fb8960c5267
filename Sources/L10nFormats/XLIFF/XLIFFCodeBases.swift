import L10nCore

/// What each unit's inline elements say of its source codes — each code's first element, as the
/// reader will see it — so the skeleton's span map can leave that out (``SkeletonCodec``).
///
/// One flat table for the document, not a map per unit: a unit's entries are a range of it, in
/// the order the codes first appear. The span map asks for a unit's codes in the order the
/// builder numbered them, which is that same order, so entry `c` of the unit is nearly always the
/// one asked for and is found without a search (a search, by kind and id, otherwise).
struct XLIFFCodeBases {
    private var kinds: [InlineCode.Kind] = []
    private var ids: [String] = []
    private var codes: [InlineCode] = []
    /// Where each closed unit's entries end (the next one's start there).
    private var unitEnds: [Int] = []
    /// The open unit's entries by key, once it has more than ``linearLimit`` (a unit with hundreds
    /// of codes stays linear).
    private var index: [SkeletonCodec.CodeKey: Int]?
    private static let linearLimit = 16

    /// `units`: how many units will be noted (0: none, and nothing is allocated); `codes`: at most
    /// how many codes (their tables sized once: grown by doubling, they were up to half empty
    /// at the writer's peak of memory).
    init(units: Int, codes: Int = 0) {
        if units > 0 { unitEnds.reserveCapacity(units) }
        if codes > 0 {
            kinds.reserveCapacity(codes)
            ids.reserveCapacity(codes)
            self.codes.reserveCapacity(codes)
        }
    }

    /// Closes the open unit's entries; the next entries are the next unit's.
    mutating func endUnit() {
        unitEnds.append(codes.count)
        index = nil
    }

    /// Adds what the inline element says of code (`kind`, `id`) of the open unit, unless an
    /// earlier element of the unit said it already (the first one is what the reader keeps).
    mutating func note(_ kind: InlineCode.Kind, _ id: String, _ code: @autoclosure () -> InlineCode) {
        let start = unitEnds.last ?? 0
        if let index {
            guard index[SkeletonCodec.CodeKey(kind, id)] == nil else { return }
        } else {
            guard position(kind, id, in: start..<codes.count) == nil else { return }
        }
        kinds.append(kind)
        ids.append(id)
        codes.append(code())
        if index != nil {
            index![SkeletonCodec.CodeKey(kind, id)] = codes.count - 1
        } else if codes.count - start > Self.linearLimit {
            var made: [SkeletonCodec.CodeKey: Int] = [:]
            for i in (start..<codes.count).reversed() { made[SkeletonCodec.CodeKey(kinds[i], ids[i])] = i }
            index = made
        }
    }

    /// What unit `unit`'s inline elements say of code (`kind`, `id`), expected at entry `hint`.
    func base(unit: Int, hint: Int, _ kind: InlineCode.Kind, _ id: String) -> InlineCode? {
        guard unit >= 0, unit < unitEnds.count else { return nil }
        let range = (unit == 0 ? 0 : unitEnds[unit - 1])..<unitEnds[unit]
        let guess = range.lowerBound + hint
        if guess < range.upperBound, kinds[guess] == kind, ids[guess] == id { return codes[guess] }
        return position(kind, id, in: range).map { codes[$0] }
    }

    private func position(_ kind: InlineCode.Kind, _ id: String, in range: Range<Int>) -> Int? {
        for i in range where kinds[i] == kind && ids[i] == id { return i }
        return nil
    }
}
