import Foundation

extension CommandQueue {
    /// The operator said stop (Ctrl-C in a script): every command that has not started is withdrawn
    /// and journalled as cancelled, so that no later run resumes it; those running finish. Done in
    /// one turn of the queue, from the back, so that withdrawing one never lets a later one start.
    @discardableResult
    public func cancelNotStarted() -> [Command] {
        var cancelled: [Command] = []
        for status in snapshot().reversed() where status.state == .queued || status.state == .rateLimited {
            if cancel(status.id) { cancelled.append(status.command) }
        }
        return cancelled
    }
}
