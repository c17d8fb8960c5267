import Foundation

/// Applies an ordered list of compiled SRX rules to candidate break positions.
///
/// Holds the compiled templates plus a pool of per-caller matcher sets (ICU matchers carry
/// state, so each concurrent call borrows its own set; a sequential caller reuses one).
final class SRXEvaluator: @unchecked Sendable {
    // @unchecked: `rules` is immutable; matchers are only reachable through `pool`, which hands
    // each one to a single caller at a time; clones are made under `cloneLock`.

    /// How far back (UTF-16 units) a beforebreak pattern may look for the start of its match.
    /// Abbreviation and word patterns match a few dozen units at most; the window keeps each check
    /// independent of the paragraph length. Rules that anchor at the text start search from 0.
    static let lookbehindWindow = 128

    let rules: [CompiledRule]
    private let pool: ResourcePool<[Matchers]>
    private let cloneLock = NSLock()

    /// Per-caller clones of one rule's patterns.
    final class Matchers {
        let isBreak: Bool
        let beforeLastUnit: UInt16?
        let precheck: BeforeBreakPrecheck.Compiled?
        let requiredUnit: UInt16?
        let before: ICURegex?
        let beforeAnchorsAtStart: Bool
        let after: ICURegex?
        let scan: ICURegex?
        let combined: ICURegex?

        init?(_ rule: CompiledRule) {
            isBreak = rule.isBreak
            beforeLastUnit = rule.beforeLastUnit
            precheck = rule.compiledPrecheck
            requiredUnit = rule.requiredUnit
            beforeAnchorsAtStart = rule.beforeAnchorsAtStart
            func copy(_ r: ICURegex?) -> ICURegex?? {
                guard let r else { return .some(nil) }
                guard let c = r.clone() else { return nil }
                return .some(c)
            }
            if let combined = rule.combined {
                // The combined pattern replaces the before/after pair.
                guard let c = combined.clone(), let s = copy(rule.scan) else { return nil }
                self.combined = c
                before = nil
                after = nil
                scan = s
            } else {
                guard let b = copy(rule.before), let a = copy(rule.after), let s = copy(rule.scan) else { return nil }
                combined = nil
                before = b
                after = a
                scan = s
            }
            all = [before, after, scan, combined].compactMap { $0 }
        }

        /// Every clone, to set and clear the text in one pass.
        let all: [ICURegex]
    }

    /// Whether the Swift-side shortcuts (``CompiledRule/beforeLastUnit``, ``CompiledRule/precheck``,
    /// ``CompiledRule/requiredUnit``) are used; off only in tests that compare both ways.
    let usesShortcuts: Bool

    init(rules: [CompiledRule], usesShortcuts: Bool = true) {
        self.rules = rules
        self.usesShortcuts = usesShortcuts
        let lock = cloneLock
        pool = ResourcePool { [rules] in
            lock.lock()
            defer { lock.unlock() }
            var set: [Matchers] = []
            set.reserveCapacity(rules.count)
            for rule in rules {
                guard let m = Matchers(rule) else { return nil }
                set.append(m)
            }
            return set
        }
    }

    /// True when no break rule can propose a position in `text`: each one's beforebreak needs a
    /// character the text lacks. (No-break rules only ever decide positions others propose.)
    func cannotProposeBreaks(in text: UnsafeBufferPointer<UInt16>) -> Bool {
        for rule in rules where rule.scan != nil {
            guard let unit = rule.requiredUnit, !text.contains(unit) else { return false }
        }
        return true
    }

    /// Final boundaries (ascending, excluding 0 and the end) given ICU's proposals.
    ///
    /// See ``SentenceSegmenter`` for the algorithm. `icuCandidates` may be unsorted.
    func boundaries(in text: UnsafeBufferPointer<UInt16>, icuCandidates: [Int]) -> [Int] {
        let n = text.count
        guard n > 0 else { return [] }
        if rules.isEmpty {
            return Set(icuCandidates.compactMap { normalizedCandidate($0, in: text) }).sorted()
        }
        let result = pool.withResource { matchers -> [Int] in
            // Matchers keep pointing at `text` after this call; that is safe because a pooled
            // matcher is always given new text here before it is used again. Text is set
            // lazily: most calls (one sentence, no candidate) need few or no rules at all.
            var ready = RuleFlags(count: matchers.count)
            func prepare(_ k: Int) {
                guard !ready[k] else { return }
                for r in matchers[k].all { r.setText(text) }
                ready[k] = true
            }

            // Candidates, keyed by their normalized position; the value says whether ICU proposed it.
            var proposedByICU: [Int: Bool] = [:]
            for q in icuCandidates {
                if let p = normalizedCandidate(q, in: text) { proposedByICU[p] = true }
            }
            // Rules whose beforebreak needs a character the text lacks cannot match anywhere.
            var lacking = RuleFlags(count: matchers.count)
            for (k, m) in matchers.enumerated() {
                if usesShortcuts, let unit = m.requiredUnit { lacking[k] = !text.contains(unit) }
            }
            for (k, m) in matchers.enumerated() {
                guard let scan = m.scan, !lacking[k] else { continue }
                prepare(k)
                for match in scan.allMatches(from: 0, to: n) {
                    if let p = normalizedCandidate(match.upperBound, in: text), proposedByICU[p] == nil {
                        proposedByICU[p] = false
                    }
                }
            }
            guard !proposedByICU.isEmpty else { return [] }

            var out: [Int] = []
            var positions: [Int] = []
            for p in proposedByICU.keys.sorted() {
                let zone = zonePositions(endingAt: p, in: text)
                var decision: Bool?
                for (k, m) in matchers.enumerated() where !lacking[k] {
                    // Positions where the beforebreak cannot end are no match, without ICU.
                    positions.removeAll(keepingCapacity: true)
                    for q in zone {
                        if usesShortcuts {
                            if let unit = m.beforeLastUnit, q == 0 || text[q - 1] != unit { continue }
                            if let precheck = m.precheck, !precheck.mayMatch(endingAt: q, in: text) { continue }
                        }
                        positions.append(q)
                    }
                    guard !positions.isEmpty else { continue }
                    prepare(k)
                    if applies(m, atAnyOf: positions, textLength: n) {
                        decision = m.isBreak
                        break
                    }
                }
                if decision ?? proposedByICU[p, default: false] { out.append(p) }
            }
            return out
        }
        // No matchers (ICU out of memory): fall back to ICU's own proposals.
        return result ?? Set(icuCandidates.compactMap { normalizedCandidate($0, in: text) }).sorted()
    }

    private func applies(_ m: Matchers, atAnyOf zone: [Int], textLength n: Int) -> Bool {
        if let combined = m.combined {
            return zone.contains { combined.matchesPrefix(from: $0, to: n) }
        }
        for q in zone {
            if let after = m.after, !after.matchesPrefix(from: q, to: n) { continue }
            if let before = m.before {
                let start = m.beforeAnchorsAtStart ? 0 : max(0, q - Self.lookbehindWindow)
                if before.firstMatch(from: start, to: q, anchoring: true) == nil { continue }
            }
            return true
        }
        return false
    }

    /// A raw break position moved past any whitespace that follows it (trailing whitespace
    /// belongs to the sentence it ends, as in ICU), or nil when that lands on the start or the
    /// end of the text, or when only whitespace precedes it.
    func normalizedCandidate(_ q: Int, in text: UnsafeBufferPointer<UInt16>) -> Int? {
        let n = text.count
        guard q > 0, q < n else { return nil }
        var p = q
        while p < n, Self.isWhitespace(text[p]) { p += 1 }
        guard p < n else { return nil }
        var s = p
        while s > 0, Self.isWhitespace(text[s - 1]) { s -= 1 }
        return s > 0 ? p : nil
    }

    /// Positions where a rule may decide the break at `p`: the start of the whitespace run that
    /// ends at `p` (rules written as `Dr\.` + `\s+\p{Lu}`), one and two units into it (rules
    /// written as `Dr\.\s`), and `p` itself (ICU's position).
    private func zonePositions(endingAt p: Int, in text: UnsafeBufferPointer<UInt16>) -> [Int] {
        var s = p
        while s > 0, Self.isWhitespace(text[s - 1]) { s -= 1 }
        // Sized once, the three offsets as a range: two literal arrays allocated per candidate before.
        var zone: [Int] = []
        zone.reserveCapacity(4)
        zone.append(p)
        for q in s...s + 2 where q < p && !zone.contains(q) { zone.append(q) }
        return zone
    }

    /// Unicode White_Space, for UTF-16 code units (all such characters are in the BMP).
    @inline(__always)
    static func isWhitespace(_ u: UInt16) -> Bool {
        switch u {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

/// One flag per rule, without an allocation for the usual few dozen rules.
private struct RuleFlags {
    private var small: UInt64 = 0
    private var large: [Bool]?

    init(count: Int) {
        if count > 64 { large = [Bool](repeating: false, count: count) }
    }

    subscript(_ k: Int) -> Bool {
        get { large?[k] ?? (small & (1 << UInt64(k)) != 0) }
        set {
            if large != nil { large![k] = newValue } else if newValue { small |= 1 << UInt64(k) } else { small &= ~(1 << UInt64(k)) }
        }
    }
}
