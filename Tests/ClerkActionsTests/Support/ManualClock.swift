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
        // Let other tasks see the new time before this one goes on, as real sleeping would.
        await Task.yield()
    }
}
