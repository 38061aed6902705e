import ClerkAPI
import Foundation

extension CommandQueue {
    /// Withdraws a command that has not started (or is waiting out a rate limit). False when it is
    /// running or already ended.
    @discardableResult
    public func cancel(_ id: UUID) -> Bool {
        guard let index = index(of: id), entries(at: index).state == .queued || entries(at: index).state == .rateLimited else { return false }
        let command = entries(at: index).command
        journalQuietly { date throws(JournalError) in try journalForOperator.outcome(id, .cancelled, message: nil, at: date) }
        retire(at: index, as: .cancelled)
        emit(.cancelled(command))
        pump()
        return true
    }

    /// Sends a failed command again (only the users not yet done), or checks again one whose outcome
    /// was unknown before sending anything. False for any other state.
    @discardableResult
    public func retry(_ id: UUID) -> Bool {
        if let index = index(of: id), case .needsOperator = entries(at: index).state {
            setState(.queued, at: index)
            pump()
            return true
        }
        guard let index = historyIndex(of: id), case .failed = historyEntry(at: index).state, var entry = takeFromHistory(id) else { return false }
        journalQuietly { date throws(JournalError) in try journalForOperator.requeued(id, at: date) }
        entry.state = .queued
        entry.notBefore = .zero
        entry.inFlight = []
        add(entry)
        return true
    }

    /// The operator has seen that a command whose outcome was unknown was in fact applied.
    @discardableResult
    public func confirmApplied(_ id: UUID) -> Bool {
        guard let index = index(of: id), case .needsOperator = entries(at: index).state else { return false }
        let entry = entries(at: index)
        let users = entry.inFlight.isEmpty ? entry.command.userIDs : entry.command.userIDs.filter(entry.inFlight.contains)
        auditTrail.record(entry.command, users: users, .done, message: "confirmed by the operator")
        journalQuietly { date throws(JournalError) in try journalForOperator.outcome(id, .done, message: "confirmed by the operator", at: date) }
        retire(at: index, as: .done)
        emit(.finished(entry.command, CommandResult(note: "confirmed by the operator")))
        pump()
        return true
    }

    /// Drops a command waiting for the operator's decision, without sending anything more.
    @discardableResult
    public func abandon(_ id: UUID) -> Bool {
        guard let index = index(of: id), case .needsOperator = entries(at: index).state else { return false }
        let entry = entries(at: index)
        if !entry.inFlight.isEmpty {
            auditTrail.record(entry.command, users: entry.command.userIDs.filter(entry.inFlight.contains), .abandoned, message: "dropped by the operator with its outcome unknown")
        }
        journalQuietly { date throws(JournalError) in try journalForOperator.outcome(id, .abandoned, message: nil, at: date) }
        retire(at: index, as: .abandoned)
        emit(.abandoned(entry.command))
        pump()
        return true
    }

    /// Queues commands a previous run left unfinished (from `Journal.contents.unfinished`). Those whose
    /// outcome is unknown are checked by re-reading before anything is sent again. Commands of
    /// another instance are skipped and returned.
    @discardableResult
    public func resume(_ unfinished: [UnfinishedCommand]) -> [UnfinishedCommand] {
        var skipped: [UnfinishedCommand] = []
        for item in unfinished {
            guard item.command.instance == instance, !contains(item.command.id) else {
                skipped.append(item)
                continue
            }
            var entry = Entry(command: item.command, state: .queued)
            entry.completed = item.completedUserIDs
            entry.inFlight = Set(item.inFlightUserIDs)
            add(entry)
        }
        return skipped
    }

    /// The operator chose not to resume these: each is closed in the journal as abandoned.
    public func discard(_ unfinished: [UnfinishedCommand]) {
        for item in unfinished where !contains(item.command.id) {
            if item.outcomeUnknown {
                auditTrail.record(item.command, users: item.inFlightUserIDs, .abandoned, message: "not resumed after a restart, outcome unknown")
            }
            journalQuietly { date throws(JournalError) in try journalForOperator.outcome(item.command.id, .abandoned, message: "not resumed", at: date) }
        }
    }
}
