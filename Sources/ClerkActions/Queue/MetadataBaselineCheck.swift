import ClerkAPI

/// Clerk has no conditional update, so a metadata command that carries the values its preview was
/// computed against re-reads the user just before sending, and sends only while each field still
/// holds them. A change by someone else ends the command unsent, with the fresh user, so the
/// operator can preview again: nobody's concurrent edit is silently overwritten.
struct MetadataBaselineCheck: Sendable {
    enum Verdict: Sendable {
        /// Every field still holds the baseline: send.
        case unchanged
        /// After a lost answer: every field holds what sending would have made of the baseline.
        case applied(CommandResult)
        case changed(MetadataConflict)
        case unreadable(ClerkAPIError)
    }

    let users: UsersClient

    func verdict(_ action: CommandAction, _ baseline: MetadataBaseline, userID: String, afterLostAnswer: Bool) async -> Verdict {
        do {
            return Self.compare(action, baseline, try await users.get(userID), afterLostAnswer: afterLostAnswer)
        } catch {
            return .unreadable(error)
        }
    }

    static func compare(_ action: CommandAction, _ baseline: MetadataBaseline, _ user: User, afterLostAnswer: Bool) -> Verdict {
        let changed = baseline.fields.filter { $0.value(of: user) != baseline[$0] }
        if changed.isEmpty { return .unchanged }
        if afterLostAnswer, baseline.fields.allSatisfy({ expected(action, $0, baseline) == $0.value(of: user) }) {
            return .applied(CommandResult(users: [user], note: "re-reading the user shows it done"))
        }
        return .changed(MetadataConflict(user: user, fields: changed, baseline: baseline, afterLostAnswer: afterLostAnswer))
    }

    /// What the field is once the command is applied to the baseline.
    static func expected(_ action: CommandAction, _ field: MetadataBaseline.Field, _ baseline: MetadataBaseline) -> JSONValue? {
        switch action {
        case .mergeMetadata(let update):
            guard let patch = field.value(in: update) else { return nil }
            return (baseline[field] ?? .emptyObject).deepMerged(with: patch)
        case .replaceMetadata(let update):
            return field.value(in: update)
        default:
            return nil
        }
    }

    /// After a lost answer, inside the executor's own re-check: applied, not applied (send again),
    /// or, when someone else changed the field meanwhile, not known.
    static func lostAnswerVerdict(_ action: CommandAction, _ baseline: MetadataBaseline, _ user: User) -> OutcomeCheck.Verdict {
        switch compare(action, baseline, user, afterLostAnswer: true) {
        case .unchanged: .notApplied
        case .applied(let result): .applied(result)
        case .changed(let conflict): .cannotTell(conflict.description)
        case .unreadable(let error): .cannotTell("\(user.id) could not be re-read to check (\(error))")
        }
    }
}

extension CommandExecutor {
    /// A metadata command with a baseline (always one user): checked just before sending, and after
    /// a restart settled by the same re-read (applied, still the baseline so send, or changed by
    /// someone else so the operator previews again).
    func runAgainstBaseline(_ command: Command, _ baseline: MetadataBaseline, _ userID: String, wasInFlight: Bool, reporter: Reporter) async -> Result {
        if wasInFlight { await reporter.checking() }
        switch await MetadataBaselineCheck(users: users).verdict(command.action, baseline, userID: userID, afterLostAnswer: wasInFlight) {
        case .unchanged:
            break
        case .applied(let result):
            audit.record(command, users: [userID], .done, message: result.note)
            return .done(result)
        case .changed(let conflict):
            audit.record(command, users: [userID], wasInFlight ? .unknown : .failed, message: conflict.description)
            return .conflict(conflict)
        case .unreadable(.cancelled):
            return .interrupted
        case .unreadable(let error):
            if case .api(let failure) = error, failure.status == 429 {
                return .rateLimited(after: failure.retryAfterSeconds.map { .seconds(max($0, 0)) } ?? defaultRetryAfter, error)
            }
            if wasInFlight {
                let reason = "Clerk's answer was lost and \(userID) could not be re-read to check (\(error))"
                audit.record(command, users: [userID], .unknown, error: error, message: reason)
                return .needsOperator(reason: reason, users: [userID])
            }
            let message = "\(userID) could not be re-read to check that nobody changed its metadata meanwhile; nothing was sent"
            audit.record(command, users: [userID], .failed, error: error, message: message)
            return .failed(error, message: message)
        }
        // The re-read settled any earlier lost answer: what follows is a first send.
        switch await runOne(command, userID, wasInFlight: false, reporter: reporter) {
        case .done(let result): return .done(result)
        case .rateLimited(let wait, let error): return .rateLimited(after: wait, error)
        case .failed(let error, let message): return .failed(error, message: message)
        case .unknown(let reason): return .needsOperator(reason: reason, users: [userID])
        case .interrupted: return .interrupted
        }
    }
}
