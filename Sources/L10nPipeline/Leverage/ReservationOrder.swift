import L10nCore
import L10nMT

/// The order in which the pages of one batch run reserve sentences for machine translation, so
/// that a run with several jobs pays for the same sentences on the same pages, in the same calls
/// and with the same page context, as a run with one job.
///
/// Pages in flight at once may share sentences. Without an order, the page that reserves a shared
/// sentence first (``TranslationCache/reserve(_:backend:context:)``) pays for it, and which one
/// that is depends on timing: the per-page figures (calls, segments, characters, reused) and, for
/// an engine that reads the page's context, the translation itself would vary from run to run. So
/// a page reserves a market's sentences only once every earlier page of the run (in catalogue
/// order) has reserved its own for every market of the same target language, or has finished:
/// a shared sentence is then always paid for by the first page in catalogue order that needs it,
/// and reused (waited for) by the later ones. Only the reservation is in order; reading,
/// adapting, translating, checking and writing still run `--jobs` at a time.
///
/// Markets whose targets are in the same language form a *lane*: their cache keys can coincide
/// (the market is not part of a machine translation's key), so their reservations are ordered
/// together; lanes are independent of each other.
package actor ReservationOrder {
    /// Per market id, its lane; per lane, how many markets are in it.
    private let laneOfMarket: [String: String]
    private let marketsInLane: [String: Int]
    /// Per lane: every page below it has reserved for all of the lane's markets (or finished).
    private var frontier: [String: Int]
    /// Pages at or above a frontier: the markets they have reserved for, per lane.
    private var passed: [Int: [String: Set<String>]] = [:]
    private var finished: Set<Int> = []
    private struct Waiter {
        var page: Int
        var lane: String
        var continuation: CheckedContinuation<Void, any Error>
    }
    private var waiters: [Int: Waiter] = [:]
    private var nextWaiter = 0

    /// `lanes`: each market id of the run with its lane (the target language its pages are
    /// translated into).
    package init(lanes: [String: String]) {
        laneOfMarket = lanes
        var counts: [String: Int] = [:]
        for lane in lanes.values { counts[lane, default: 0] += 1 }
        marketsInLane = counts
        frontier = counts.mapValues { _ in 0 }
    }

    /// Returns when `page` may reserve sentences for `market`: every earlier page has reserved for
    /// all markets of the lane, or finished. A market the order does not know is not held back.
    package func turn(page: Int, market: String) async throws {
        guard let lane = laneOfMarket[market], (frontier[lane] ?? 0) < page else { return }
        let id = nextWaiter
        nextWaiter += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters[id] = Waiter(page: page, lane: lane, continuation: continuation)
                }
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    /// `page` has reserved what it will for `market` (or needs nothing of the engine for it).
    package func pass(page: Int, market: String) {
        guard let lane = laneOfMarket[market], page >= (frontier[lane] ?? 0) else { return }
        passed[page, default: [:]][lane, default: []].insert(market)
        advance(lane)
    }

    /// `page` is done (made, unchanged, failed): no page waits for it any more.
    package func finish(page: Int) {
        finished.insert(page)
        for lane in marketsInLane.keys { advance(lane) }
    }

    private func advance(_ lane: String) {
        guard var next = frontier[lane], let count = marketsInLane[lane] else { return }
        while finished.contains(next) || (passed[next]?[lane]?.count ?? 0) >= count {
            passed[next]?[lane] = nil
            if passed[next]?.isEmpty == true { passed[next] = nil }
            next += 1
        }
        frontier[lane] = next
        let lowest = frontier.values.min() ?? next
        finished = finished.filter { $0 >= lowest }
        for (id, waiter) in waiters where waiter.lane == lane && waiter.page <= next {
            waiters[id] = nil
            waiter.continuation.resume()
        }
    }

    private func cancel(_ id: Int) {
        waiters.removeValue(forKey: id)?.continuation.resume(throwing: CancellationError())
    }
}

/// One page's view of a run's ``TranslationCache``: it reserves sentences only in the page's turn
/// (``ReservationOrder``); everything else is the run's cache as it is.
package struct OrderedTranslationCache: TranslationCache {
    package let base: any TranslationCache
    package let order: ReservationOrder
    /// The page's place in the run's catalogue order.
    package let page: Int

    package init(base: any TranslationCache, order: ReservationOrder, page: Int) {
        self.base = base
        self.order = order
        self.page = page
    }

    package func lookup(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws -> [Content?] {
        try await base.lookup(requests, backend: backend, context: context)
    }

    package func store(_ translations: [(request: SegmentRequest, target: Content)], backend: EngineSignature, context: TranslationContext) async throws {
        try await base.store(translations, backend: backend, context: context)
    }

    package func reserve(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws -> Set<Int> {
        guard let market = context.market else { return try await base.reserve(requests, backend: backend, context: context) }
        // Nothing to reserve: nothing to wait for, and no later page needs to wait for this one.
        guard !requests.isEmpty else {
            await order.pass(page: page, market: market)
            return []
        }
        try await order.turn(page: page, market: market)
        do {
            let mine = try await base.reserve(requests, backend: backend, context: context)
            await order.pass(page: page, market: market)
            return mine
        } catch {
            await order.pass(page: page, market: market)
            throw error
        }
    }

    package func awaitOthers(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws {
        try await base.awaitOthers(requests, backend: backend, context: context)
    }

    package func release(_ requests: [SegmentRequest], backend: EngineSignature, context: TranslationContext) async throws {
        try await base.release(requests, backend: backend, context: context)
    }

    package func forOneDocument() -> any TranslationCache {
        OrderedTranslationCache(base: base.forOneDocument(), order: order, page: page)
    }
}
