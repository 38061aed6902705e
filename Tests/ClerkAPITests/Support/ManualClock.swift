import ClerkAPI
import Synchronization

/// Virtual time: `sleep` returns at once and moves the clock forward, recording what was asked.
final class ManualClock: APIClock {
    private let state = Mutex<(now: Duration, sleeps: [Duration])>((now: .zero, sleeps: []))

    func now() -> Duration { state.withLock { $0.now } }

    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        state.withLock {
            $0.sleeps.append(duration)
            $0.now += duration
        }
    }

    func advance(by duration: Duration) {
        state.withLock { $0.now += duration }
    }

    /// The time line is shared: sleepers that computed the same deadline wake at that same time.
    func sleep(until deadline: Duration) async throws {
        try Task.checkCancellation()
        state.withLock {
            if deadline > $0.now { $0.sleeps.append(deadline - $0.now) }
            $0.now = max($0.now, deadline)
        }
    }
}
