import ClerkAPI
import Foundation

/// Runs one command's requests through the API core, journalling each request before it goes out
/// and auditing each user's outcome. Knows nothing of other commands; the queue orders them.
struct CommandExecutor: Sendable {
    /// Where a command stands when a run begins.
    struct Start: Sendable {
        var command: Command
        var completed: Set<String>
        /// Users whose last request's answer was lost: checked before anything is sent again.
        var inFlight: Set<String>
    }

    /// Callbacks into the queue while a run is under way.
    struct Reporter: Sendable {
        var progressed: @Sendable (_ users: [String]) async -> Void
        var checking: @Sendable () async -> Void
    }

    enum Result: Sendable {
        case done(CommandResult)
        case rateLimited(after: Duration, ClerkAPIError)
        case failed(ClerkAPIError, message: String?)
        case needsOperator(reason: String, users: [String])
        /// Not sent: someone else changed the metadata since the operator's preview.
        case conflict(MetadataConflict)
        /// Cancelled mid-request (the queue is shutting down): left in the journal as unknown.
        case interrupted
    }

    let users: UsersClient
    let journal: Journal
    let audit: AuditTrail
    let now: @Sendable () -> Date
    /// Used when a 429 carries no `Retry-After`.
    let defaultRetryAfter: Duration
    /// Users of one command in flight at once: enough to keep Clerk's instance budget busy across
    /// network latency (one at a time used a sixth of it at 50 ms), few enough that a 429 or a
    /// shutdown leaves little in the air. The rate limiter paces them.
    let usersInFlight: Int

    func run(_ start: Start, reporter: Reporter) async -> Result {
        let command = start.command
        let remaining = command.userIDs.filter { !start.completed.contains($0) }
        guard !remaining.isEmpty else { return .done(CommandResult(note: "already done before the restart")) }
        switch command.action {
        case .ban where command.userIDs.count > 1, .unban where command.userIDs.count > 1:
            return await runBulk(command, remaining, reporter: reporter)
        default:
            // Only a metadata command carries a baseline, and it has one user.
            if let baseline = command.metadataBaseline, let userID = remaining.first {
                return await runAgainstBaseline(command, baseline, userID, wasInFlight: start.inFlight.contains(userID), reporter: reporter)
            }
            return await runEach(command, remaining, inFlight: start.inFlight, reporter: reporter)
        }
    }

    // MARK: - One request per user

    enum UserOutcome {
        case done(CommandResult)
        case rateLimited(Duration, ClerkAPIError)
        case failed(ClerkAPIError, message: String?)
        case unknown(String)
        case interrupted
    }

    private func runEach(_ command: Command, _ remaining: [String], inFlight: Set<String>, reporter: Reporter) async -> Result {
        var combined = CommandResult()
        var failures: [(user: String, error: ClerkAPIError, message: String?)] = []
        var unknown: [(String, String)] = []
        var rateLimited: (Duration, ClerkAPIError)?
        var interrupted = false
        await withTaskGroup(of: (String, UserOutcome).self) { group in
            var next = remaining.makeIterator()
            var running = 0
            func launch() {
                guard rateLimited == nil, !interrupted, let userID = next.next() else { return }
                running += 1
                group.addTask { (userID, await runOne(command, userID, wasInFlight: inFlight.contains(userID), reporter: reporter)) }
            }
            for _ in 0..<max(1, usersInFlight) { launch() }
            // Once a 429 or a shutdown arrives nothing new starts; what is already in the air is
            // waited for so that its outcome is journalled, not left unknown.
            while running > 0, let (userID, outcome) = await group.next() {
                running -= 1
                switch outcome {
                case .done(let result):
                    combined.absorb(result)
                    if command.userIDs.count > 1 {
                        journalQuietly { date throws(JournalError) in try journal.progress(command.id, users: [userID], at: date) }
                        await reporter.progressed([userID])
                    }
                case .rateLimited(let wait, let error):
                    if rateLimited.map({ wait > $0.0 }) ?? true { rateLimited = (wait, error) }
                case .failed(let error, let message):
                    failures.append((userID, error, message))
                case .unknown(let reason):
                    unknown.append((userID, reason))
                case .interrupted:
                    interrupted = true
                }
                launch()
            }
        }
        if interrupted { return .interrupted }
        if let (wait, error) = rateLimited { return .rateLimited(after: wait, error) }
        if !unknown.isEmpty {
            let reason = unknown.count == 1 ? unknown[0].1 : "\(unknown.count) users could not be checked: \(unknown.map(\.0).joined(separator: ", ")) (\(unknown[0].1))"
            return .needsOperator(reason: reason, users: unknown.map(\.0))
        }
        if let first = failures.first {
            if command.userIDs.count == 1 { return .failed(first.error, message: first.message) }
            let names = failures.prefix(5).map(\.user).joined(separator: ", ") + (failures.count > 5 ? ", …" : "")
            return .failed(first.error, message: "\(failures.count) of \(remaining.count) users were not done (\(names)); retrying sends only those")
        }
        return .done(combined)
    }

    func runOne(_ command: Command, _ userID: String, wasInFlight: Bool, reporter: Reporter) async -> UserOutcome {
        let check = OutcomeCheck(users: users, baseline: command.metadataBaseline)
        if wasInFlight {
            await reporter.checking()
            switch await check.verdict(for: command.action, userID: userID) {
            case .applied(let result):
                audit.record(command, users: [userID], .done, message: result.note)
                return .done(result)
            case .cannotTell(let reason):
                audit.record(command, users: [userID], .unknown, message: reason)
                return .unknown(reason)
            case .notApplied, .resend:
                break
            }
        }
        // Every action but a verification does no more when applied twice (a flag set, an item
        // gone, a merge, a keyed credit), so one whose lost answer proved it not applied, or
        // that cannot be checked but is harmless to repeat, is sent once more before anyone is asked.
        var sendsLeft = command.action.changesNothing ? 1 : Self.sendsAfterLostAnswer
        var sentBefore = wasInFlight
        while true {
            sendsLeft -= 1
            let sent = await attempt(command, userID, sentBefore: sentBefore)
            sentBefore = true
            guard case .unknownAnswer(let error) = sent else { return sent.outcome }
            await reporter.checking()
            switch await check.verdict(for: command.action, userID: userID) {
            case .applied(let result):
                audit.record(command, users: [userID], .done, message: "Clerk's answer was lost (\(error)); \(result.note ?? "it was applied")")
                return .done(result)
            case .notApplied where sendsLeft > 0:
                continue
            case .notApplied:
                let message = command.action.changesNothing
                    ? "Clerk's answer was lost; ask the user for a fresh code and verify again"
                    : "Clerk's answer was lost and it was not applied"
                audit.record(command, users: [userID], .failed, error: error, message: message)
                return .failed(error, message: message)
            case .cannotTell(let reason):
                audit.record(command, users: [userID], .unknown, error: error, message: reason)
                return .unknown(reason)
            case .resend where sendsLeft > 0:
                continue
            case .resend:
                let reason = "Clerk's answer was lost every time (\(error)); sending it again is safe"
                audit.record(command, users: [userID], .unknown, error: error, message: reason)
                return .unknown(reason)
            }
        }
    }

    /// Sends of one request when Clerk's answers keep getting lost.
    static let sendsAfterLostAnswer = 3

    private enum Attempt {
        case settled(UserOutcome)
        case unknownAnswer(ClerkAPIError)

        var outcome: UserOutcome {
            switch self {
            case .settled(let outcome): outcome
            case .unknownAnswer(let error): .unknown(error.description)
            }
        }
    }

    /// One request: journalled first, audited after unless its outcome is unknown.
    private func attempt(_ command: Command, _ userID: String, sentBefore: Bool) async -> Attempt {
        do {
            try journal.sending(command.id, users: [userID], at: now())
        } catch {
            return .settled(.failed(.invalidRequest("\(error)"), message: "nothing was sent"))
        }
        do {
            let result = try await CommandRequests(users: users).send(command.action, userID: userID)
            audit.record(command, users: [userID], .done, message: result.verification.map { $0.verified ? "verified" : "not verified" })
            return .settled(.done(result))
        } catch .cancelled {
            return .settled(.interrupted)
        } catch {
            if case .api(let failure) = error, failure.status == 429 {
                let wait = failure.retryAfterSeconds.map { Duration.seconds(max($0, 0)) } ?? defaultRetryAfter
                return .settled(.rateLimited(wait, error))
            }
            if OutcomeCheck.leavesOutcomeUnknown(error, for: command.action, sentBefore: sentBefore) { return .unknownAnswer(error) }
            audit.record(command, users: [userID], .failed, error: error)
            return .settled(.failed(error, message: nil))
        }
    }

    // MARK: - Bulk ban and unban

    private func runBulk(_ command: Command, _ remaining: [String], reporter: Reporter) async -> Result {
        var combined = CommandResult()
        var index = 0
        while index < remaining.count {
            let chunk = Array(remaining[index..<min(index + UsersClient.bulkChunkSize, remaining.count)])
            do {
                try journal.sending(command.id, users: chunk, at: now())
            } catch {
                return .failed(.invalidRequest("\(error)"), message: "nothing more was sent")
            }
            do {
                let updated = try await command.action == .ban ? users.ban(chunk) : users.unban(chunk)
                journalQuietly { date throws(JournalError) in try journal.progress(command.id, users: chunk, at: date) }
                audit.record(command, users: chunk, .done)
                combined.users += updated
                await reporter.progressed(chunk)
            } catch {
                // Each call carries at most 50 ids, so nothing of this chunk was done.
                let underlying = error.underlying
                if case .cancelled = underlying { return .interrupted }
                if case .api(let failure) = underlying, failure.status == 429 {
                    return .rateLimited(after: failure.retryAfterSeconds.map { .seconds(max($0, 0)) } ?? defaultRetryAfter, underlying)
                }
                audit.record(command, users: chunk, .failed, error: underlying)
                let left = remaining.count - index
                // Bulk ban and unban are safe to repeat, so a retry simply sends what is left.
                return .failed(underlying, message: "\(index) of \(remaining.count) done; retrying sends the other \(left)")
            }
            index += chunk.count
        }
        return .done(combined)
    }

    /// A progress line that cannot be written costs at most a harmless repeat after a restart.
    private func journalQuietly(_ write: (Date) throws(JournalError) -> Void) {
        do {
            try write(now())
        } catch {
            audit.warn("The command journal could not be written: \(error)")
        }
    }
}
