import Foundation
import Synchronization
import Terminal
@testable import Triage

/// A terminal the test types into and reads frames from, while the runtime runs on its own thread
/// exactly as it does on a real one.
final class FakeTerminal: TerminalDevice, @unchecked Sendable {
    // The runtime's thread calls the TerminalDevice methods; the test thread calls `type`,
    // `resize` and the readers. Everything shared between them is behind `state`.
    private struct State {
        var pending: [InputEvent] = []
        var frames: [Grid] = []
        var fullRepaints = 0
        var suspensions = 0
        var handOvers = 0
        var sent: [String] = []
        var size: Size
    }

    private let state: Mutex<State>
    private let signal = DispatchSemaphore(value: 0)

    init(size: Size = Size(width: 120, height: 40)) {
        state = Mutex(State(size: size))
    }

    var size: Size { state.withLock { $0.size } }
    var colorDepth: ColorDepth { .monochrome }

    func draw(_ grid: Grid, fullRepaint: Bool) {
        state.withLock {
            $0.frames.append(grid)
            if fullRepaint { $0.fullRepaints += 1 }
        }
    }

    func waitForEvents(timeout: Duration?) -> [InputEvent] {
        let hasPending = state.withLock { !$0.pending.isEmpty }
        if !hasPending {
            if let timeout {
                _ = signal.wait(timeout: .now() + .milliseconds(Int(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)))
            } else {
                signal.wait()
            }
        }
        return state.withLock { state in
            defer { state.pending.removeAll() }
            return state.pending
        }
    }

    func wake() { signal.signal() }

    func makeWaker() -> @Sendable () -> Void {
        let signal = signal
        return { signal.signal() }
    }

    func send(rawSequence: String) { state.withLock { $0.sent.append(rawSequence) } }

    func suspend() { state.withLock { $0.suspensions += 1 } }

    /// Runs `body` as the real terminal would, between leaving and re-entering the screen.
    func handOverTerminal(_ body: () -> Void) {
        state.withLock { $0.handOvers += 1 }
        body()
    }

    // MARK: the test's side

    func type(_ keys: Key...) {
        state.withLock { $0.pending += keys.map(InputEvent.key) }
        signal.signal()
    }

    func resize(to size: Size) {
        state.withLock {
            $0.size = size
            $0.pending.append(.resize(size))
        }
        signal.signal()
    }

    var lastFrame: String { state.withLock { $0.frames.last?.rows.joined(separator: "\n") ?? "" } }
    var suspensions: Int { state.withLock { $0.suspensions } }
    var handOvers: Int { state.withLock { $0.handOvers } }
    var fullRepaints: Int { state.withLock { $0.fullRepaints } }
    var sent: [String] { state.withLock { $0.sent } }

    /// Waits until the last frame satisfies `condition`, failing after `deadline`. It sleeps as a
    /// task, never blocking a thread: the runtime's requests need the same few threads.
    func waitForFrame(_ what: String, deadline: Duration = .seconds(10), _ condition: (String) -> Bool) async throws {
        let end = ContinuousClock.now + deadline
        while ContinuousClock.now < end {
            if condition(lastFrame) { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw WaitTimedOut(what: what, screen: lastFrame)
    }
}

struct WaitTimedOut: Error, CustomStringConvertible {
    var what: String
    var screen: String
    var description: String { "timed out waiting for \(what); the screen was:\n\(screen)" }
}

/// Polls `condition` until it holds or `deadline` passes.
func waitUntil(_ what: String, deadline: Duration = .seconds(10), _ condition: () -> Bool) async throws {
    let end = ContinuousClock.now + deadline
    while ContinuousClock.now < end {
        if condition() { return }
        try await Task.sleep(for: .milliseconds(5))
    }
    throw WaitTimedOut(what: what, screen: "")
}
