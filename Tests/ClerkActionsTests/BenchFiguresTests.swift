@testable import ClerkActions
import ClerkAPI
import Foundation
import Testing

@Suite("Benchmark figures: request rate, percentile, confirmed commands")
struct BenchFiguresTests {
    static let budget = RateBudget(limit: 10, window: .seconds(10))

    @Test("the rate is a percentage of the budget's average; the busiest window counts requests less than a window apart")
    func rate() {
        // 20 requests: 10 in the first second, 10 more from 10 s on, one every 100 ms.
        let times = (0..<10).map { Duration.milliseconds($0 * 100) } + (0..<10).map { Duration.milliseconds(10_000 + $0 * 100) }
        let rate = RequestRate(sentAt: times.shuffled(), budget: Self.budget)
        #expect(rate.busiestWindow == 10, "a request exactly one window after another is in the next window")
        #expect(rate.span == .milliseconds(10_900))
        #expect(rate.shortestPossibleSpan == .seconds(10))
        // 20 requests in 20 s against 1 per second on average: 100 %.
        #expect(abs(rate.percentOfLimit(over: .seconds(20)) - 100) < 0.001)
        #expect(abs(rate.percentOfLimit(over: .seconds(10)) - 200) < 0.001)
        #expect(rate.percentOfLimit(over: .zero) == 0)

        let crowded = RequestRate(sentAt: times + [.milliseconds(9_999)], budget: Self.budget)
        #expect(crowded.busiestWindow == 11, "one more inside the first window goes over the limit")
        #expect(RequestRate(sentAt: [], budget: Self.budget).busiestWindow == 0)
        #expect(RequestRate(sentAt: [.zero], budget: Self.budget).shortestPossibleSpan == .zero)
    }

    @Test("nearest-rank percentile: p95 of 1…100 ms is 95 ms, of one sample that sample, of none zero")
    func percentile() {
        let samples = (1...100).map { Duration.milliseconds($0) }.shuffled()
        #expect(nearestRankPercentile(samples, 0.95) == .milliseconds(95))
        #expect(nearestRankPercentile(samples, 0.5) == .milliseconds(50))
        #expect(nearestRankPercentile(samples, 1) == .milliseconds(100))
        #expect(nearestRankPercentile([.milliseconds(7)], 0.95) == .milliseconds(7))
        #expect(nearestRankPercentile([], 0.95) == .zero)
    }

    @Test("the confirmed commands are every intent, finished or not, once each, without a line torn by a kill")
    func intents() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.sub("commands.jsonl")
        let instance = InstanceIdentity(host: "api.test", keyKind: .development)
        let first = try Command(.lock, userID: "user_1", instance: instance)
        let second = try Command(.adjustCredit(CreditChange(direction: .increase, amountCents: 125)), userID: "user_2", instance: instance)
        do {
            let journal = try Journal(path: path)
            try journal.intent(first, at: Date())
            try journal.sending(first.id, users: ["user_1"], at: Date())
            try journal.outcome(first.id, .done, message: nil, at: Date())
            try journal.intent(second, at: Date())
        }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        handle.write(Data(#"{"kind":"intent","id":"4A1B"#.utf8))
        try handle.close()

        #expect(try Journal.intents(path: path) == [first, second])
        #expect(try Journal.intents(path: scratch.sub("none.jsonl")).isEmpty)
    }
}
