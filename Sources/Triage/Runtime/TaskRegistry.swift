import Synchronization

/// What a piece of background work is for. Starting work for a slot cancels the work already in
/// it: a new page makes the page in flight worthless, another user makes the last user's loads so.
public enum WorkSlot: Sendable, Hashable {
    case page
    case prefetch(generation: Int, offset: Int)
    case count
    case debounce
    case user(UserLoad)
    /// A user read again after an action; one per user, so a bulk action's reads do not cancel
    /// each other.
    case refresh(String)
    case commandEvents
    case audit
    case theme

    public enum UserLoad: Sendable, Hashable {
        case profile, memberships, invitations, credits, subscription, devices
    }
}

/// The runtime's running tasks, by slot, so that superseded work is cancelled instead of spending
/// the rate limit that actions need, and nothing outlives the console.
final class TaskRegistry: Sendable {
    private struct Entry {
        var token: UInt64
        var task: Task<Void, Never>
    }

    private let state = Mutex<(next: UInt64, entries: [WorkSlot: Entry])>((0, [:]))

    /// Runs `work` in `slot`, cancelling whatever ran there.
    func start(_ slot: WorkSlot, _ work: @escaping @Sendable () async -> Void) {
        state.withLock { state in
            state.next += 1
            let token = state.next
            state.entries[slot]?.task.cancel()
            // Created under the lock: the task's own removal below waits until it is registered.
            let task = Task { [weak self] in
                await work()
                self?.finished(slot, token: token)
            }
            state.entries[slot] = Entry(token: token, task: task)
        }
    }

    func cancel(where matches: (WorkSlot) -> Bool) {
        state.withLock { state in
            for (slot, entry) in state.entries where matches(slot) {
                entry.task.cancel()
                state.entries[slot] = nil
            }
        }
    }

    func cancelAll() { cancel { _ in true } }

    /// Work still running (cancelled work that has not yet returned is not counted).
    var count: Int { state.withLock { $0.entries.count } }

    private func finished(_ slot: WorkSlot, token: UInt64) {
        state.withLock { state in
            if state.entries[slot]?.token == token { state.entries[slot] = nil }
        }
    }
}
