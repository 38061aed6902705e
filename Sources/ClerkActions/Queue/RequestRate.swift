import ClerkAPI

/// How fully a run of requests used a rate budget, from the times the requests were sent.
public struct RequestRate: Sendable, Hashable {
    /// When each request was sent, relative to any fixed origin.
    public var sentAt: [Duration]
    public var budget: RateBudget

    public init(sentAt: [Duration], budget: RateBudget) {
        self.sentAt = sentAt.sorted()
        self.budget = budget
    }

    /// From the first request sent to the last.
    public var span: Duration {
        guard let first = sentAt.first, let last = sentAt.last else { return .zero }
        return last - first
    }

    /// Requests per second over `elapsed`, as a percentage of the budget's average rate
    /// (`limit / window`). Above 100 is possible: a window that starts empty lets a full
    /// `limit` go at once.
    public func percentOfLimit(over elapsed: Duration) -> Double {
        let seconds = Self.seconds(elapsed)
        guard seconds > 0 else { return 0 }
        return Double(sentAt.count) / seconds / (Double(budget.limit) / Self.seconds(budget.window)) * 100
    }

    /// The most requests sent within any one window: at most `limit` if the budget was kept.
    public var busiestWindow: Int {
        var most = 0
        var start = 0
        for end in sentAt.indices {
            while sentAt[end] - sentAt[start] >= budget.window { start += 1 }
            most = max(most, end - start + 1)
        }
        return most
    }

    /// The shortest time the same number of requests can take within the budget when the first
    /// window starts empty: one full window for each `limit` after the first.
    public var shortestPossibleSpan: Duration {
        guard sentAt.count > budget.limit else { return .zero }
        return budget.window * ((sentAt.count - 1) / budget.limit)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// The `fraction` quantile of `samples` by rank (nearest rank, rounded up): the value at or below
/// which that fraction of the samples lie. Zero for no samples.
public func nearestRankPercentile(_ samples: [Duration], _ fraction: Double) -> Duration {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return .zero }
    let rank = Int((Double(sorted.count) * fraction).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
}
