import ClerkAPI
import ClerkActions

/// Who a run sends to, decided before anything is sent.
struct MutationPlan: Sendable {
    /// In the order given.
    var send: [String]
    /// Users whose account already is as asked: reported, and nothing sent for them.
    var unchanged: [String] = []
    /// Users nothing can be sent for, with the reason (unreadable, or the result would be refused).
    var refused: [(userID: String, reason: String)] = []
    /// What stdout gets for the users done (default: their ids, one a line).
    var report: (@Sendable ([String]) async -> Void)?
}

/// What a kind reads before anything is sent. Under `--dry-run` it prints what would be sent.
protocol MutationPlanner: Sendable {
    func plan(_ userIDs: [String], kind: UserMutationKind, client: ClerkClient, dryRun: Bool) async throws -> MutationPlan
}

/// For the mutations that need no reading first: the request lines under `--dry-run`, and otherwise
/// one read, so that a key Clerk refuses (3) or an API that does not answer (4) stops the run before
/// anything is journalled, instead of leaving every command's outcome unknown.
struct RequestPlanner: MutationPlanner {
    func plan(_ userIDs: [String], kind: UserMutationKind, client: ClerkClient, dryRun: Bool) async throws -> MutationPlan {
        if dryRun {
            let identity = InstanceIdentity(configuration: client.configuration)
            for command in try UserMutation.commands(kind, userIDs, identity) {
                Output.data(MutationRequestText.line(command.action, userIDs: command.userIDs, baseURL: client.configuration.baseURL))
            }
            return MutationPlan(send: userIDs)
        }
        var probe = UserFilter()
        probe.userID = [.include(userIDs[0])]
        try await PlanReading.read { () async throws(ClerkAPIError) in _ = try await client.users.count(probe) }
        return MutationPlan(send: userIDs)
    }
}

/// Reads made while planning: one that shows every other request would fail the same way (no
/// answer, a key Clerk refuses) ends the run with its status.
enum PlanReading {
    static func read(_ body: () async throws(ClerkAPIError) -> Void) async throws {
        do {
            try await body()
        } catch {
            ScriptExit.report(error)
            Output.error("Nothing was sent.")
            throw ScriptExit.code(for: error)
        }
    }

    /// Clerk's message and what to do, for a user a plan refuses.
    static func reason(_ error: ClerkAPIError) -> String {
        let suggestion = ScriptExit.suggestion(for: error)
        return error.description + (suggestion.isEmpty ? "" : " \(suggestion)")
    }

    /// Reads each user's state with `read` and lets `decide` place them in the plan; a user that
    /// cannot be read is refused with Clerk's reason.
    static func each<State>(
        _ userIDs: [String], read: (String) async throws(ClerkAPIError) -> State, decide: (String, State, inout MutationPlan) -> Void
    ) async throws -> MutationPlan {
        var plan = MutationPlan(send: [])
        for userID in userIDs {
            switch try await user(userID, { () async throws(ClerkAPIError) in try await read(userID) }) {
            case .failure(let error): plan.refused.append((userID, reason(error)))
            case .success(let state): decide(userID, state, &plan)
            }
        }
        return plan
    }

    /// Reads the users a hundred a request (as many ids as the list filter takes) rather than one
    /// each, so that planning a change to 300 users costs 3 requests of the instance's rate limit,
    /// not 300; a user the list does not return is refused as not found.
    static func eachUser(
        _ userIDs: [String], client: ClerkClient, decide: (String, User, inout MutationPlan) -> Void
    ) async throws -> MutationPlan {
        var found: [String: User] = [:]
        var index = 0
        while index < userIDs.count {
            let chunk = Array(userIDs[index..<min(index + UserFilter.maxValuesPerArray, userIDs.count)])
            var filter = UserFilter()
            filter.userID = chunk.map { .include($0) }
            try await read { () async throws(ClerkAPIError) in
                for user in try await client.users.list(UserListQuery(filter: filter, limit: chunk.count)) { found[user.id] = user }
            }
            index += chunk.count
        }
        var plan = MutationPlan(send: [])
        for userID in userIDs {
            guard let user = found[userID] else {
                plan.refused.append((userID, "no user with this id on the instance"))
                continue
            }
            decide(userID, user, &plan)
        }
        return plan
    }

    /// One user's read: nil and a reason when that user alone cannot be read; the run ends when no
    /// user could be.
    private static func user<T>(_ userID: String, _ body: () async throws(ClerkAPIError) -> T) async throws -> Result<T, ClerkAPIError> {
        do {
            return .success(try await body())
        } catch {
            if ScriptExit.stopping(error) {
                ScriptExit.report(error, about: userID)
                Output.error("Nothing was sent.")
                throw ScriptExit.code(for: error)
            }
            return .failure(error)
        }
    }
}
