import Foundation

/// How long one journal append (encode, write, fsync) takes on this machine's disk.
public struct JournalBenchmarkResult: Sendable, Hashable {
    public var durations: [Duration]

    public func percentile(_ fraction: Double) -> Duration {
        let sorted = durations.sorted()
        guard !sorted.isEmpty else { return .zero }
        let rank = Int((Double(sorted.count) * fraction).rounded(.up)) - 1
        return sorted[Swift.min(Swift.max(rank, 0), sorted.count - 1)]
    }

    public var p50: Duration { percentile(0.50) }
    public var p95: Duration { percentile(0.95) }
    public var slowest: Duration { durations.max() ?? .zero }
}

public enum JournalBenchmark {
    /// Appends `count` lines shaped like a real command's to a scratch journal in `directory` (use
    /// the state directory, to measure the disk the journal really lives on) and removes it after.
    public static func measureAppends(count: Int = 300, in directory: StateDirectory) throws(JournalError) -> JournalBenchmarkResult {
        let path = directory.filePath("benchmark-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let journal = try Journal(path: path)
        let instance = InstanceIdentity(host: "api.clerk.com", keyKind: .development)
        let clock = ContinuousClock()
        var durations: [Duration] = []
        durations.reserveCapacity(count)
        for index in 0..<count {
            let line: JournalLine
            let id = UUID()
            switch index % 3 {
            case 0:
                let change = CreditChange(direction: .increase, amountCents: 1250, note: "goodwill credit")
                let command = try? Command(.adjustCredit(change), userID: "user_2benchmark\(index)", instance: instance, id: id)
                line = JournalLine(.intent, id: id, at: Date(), command: command)
            case 1:
                line = JournalLine(.sending, id: id, at: Date(), users: ["user_2benchmark\(index)"])
            default:
                line = JournalLine(.outcome, id: id, at: Date(), outcome: .done)
            }
            let started = clock.now
            try journal.append(line)
            durations.append(started.duration(to: clock.now))
        }
        return JournalBenchmarkResult(durations: durations)
    }
}
