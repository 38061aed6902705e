import Foundation
import Synchronization

/// A progress line on stderr with rate and time left, only when stderr is a terminal: in a log
/// file it would be noise.
final class MutationProgress: Sendable {
    private struct State {
        var done = 0
        var drawn = false
        var lastDrawn: ContinuousClock.Instant?
    }

    private let total: Int
    private let verb: String
    private let showBar: Bool
    private let started = ContinuousClock.now
    private let state = Mutex(State())

    init(total: Int, verb: String, showBar: Bool) {
        self.total = total
        self.verb = verb
        self.showBar = showBar
    }

    func advance(by count: Int) {
        guard count > 0 else { return }
        // At most ten redraws a second: a line per user would flood a slow terminal.
        let now = ContinuousClock.now
        let (done, draw) = state.withLock { state in
            state.done += count
            guard showBar else { return (state.done, false) }
            let due = state.done == total || state.lastDrawn.map { now - $0 >= .milliseconds(100) } ?? true
            if due {
                state.drawn = true
                state.lastDrawn = now
            }
            return (state.done, due)
        }
        guard draw else { return }
        let elapsed = (ContinuousClock.now - started).components
        let seconds = max(Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18, 0.001)
        let rate = Double(done) / seconds
        let left = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\u{1B}[2K\(bar) \(done)/\(total) \(verb)  \(String(format: "%.1f", rate))/s  ETA \(left) s"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Ends the line where it stands (the bar as it was, a ^C the terminal echoed), so that what is
    /// written next starts on a line of its own.
    func endLine() {
        let drawn = state.withLock { state in
            defer { state.drawn = false }
            return state.drawn
        }
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// Clears the line before anything else is written on stderr.
    func clear() {
        let drawn = state.withLock { state in
            defer { state.drawn = false }
            return state.drawn
        }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
