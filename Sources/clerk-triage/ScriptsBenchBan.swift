import ClerkAPI
import Foundation

/// Ban users given as a file of ids with Clerk's rate limits on: `users ban -` against the SDK's
/// `users.ban` in a loop. Each run gets ids of its own, drawn at random from users not banned, and
/// starts from empty rate-limit windows; the limits are off again while the bans are checked.
struct BanFigures {
    let runner: ScriptRunner
    /// Reads ban states with the limits off.
    let reader: ClerkClient
    /// Disjoint sets of ids, one per run and contender, in the order they are used.
    let idSets: [[String]]
    let runs: Int
    /// For the printed description: the instance's limit with this key.
    let budget: RateBudget

    struct Outcome {
        var run: ScriptRun
        var users: Int
        var banned: Int
    }

    func measure() async throws -> [FigureTable.Row] {
        let contenders = runner.sdkReady ? Contender.allCases : [.clerkTriage]
        var sets = idSets.makeIterator()
        var outcomes: [Contender: [Outcome]] = [:]
        for run in 1...runs {
            var said: [String] = []
            for contender in contenders {
                guard let ids = sets.next() else { throw OperatorError("too few users to draw from for \(runs) runs") }
                let outcome = try await once(contender, ids)
                outcomes[contender, default: []].append(outcome)
                said.append(describe(contender, outcome))
            }
            Output.line("ban, run \(run): " + said.joined(separator: "; "))
        }
        let count = idSets.first?.count ?? 0
        let seconds = budget.window.components.seconds
        var rows: [FigureTable.Row] = [.init(
            figure: "ban \(ScriptFigures.grouped(count)) users from a file of random ids, sk_test_ limits on (\(budget.limit) requests / \(seconds) s), \(ScriptFigures.count(runs, "run"))",
            measured: "", goal: "", met: nil)]
        for contender in contenders {
            rows += self.rows(contender, outcomes[contender] ?? [])
        }
        return rows
    }

    private func once(_ contender: Contender, _ ids: [String]) async throws -> Outcome {
        let file = runner.scratch.path + "/ban-\(UUID().uuidString).ids"
        try (ids.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        try await runner.control.enforceRateLimits(true)
        let run = try await runner.run(contender, .ban, stdin: file)
        try await runner.control.enforceRateLimits(false)
        return Outcome(run: run, users: ids.count, banned: try await bannedCount(ids))
    }

    private func describe(_ contender: Contender, _ outcome: Outcome) -> String {
        var text = "\(contender.rawValue) \(Measurements.format(outcome.run.exit.elapsed)), exit \(outcome.run.exit.status), "
            + "\(outcome.run.sent.requests) requests (\(ScriptFigures.refusals(outcome.run.sent.statuses))), \(outcome.banned) of \(outcome.users) banned"
        if let summary = outcome.run.summary {
            text += ", failed calls \(summary.failed ?? 0): \(summary.failureKinds)"
        } else if contender == .sdk {
            text += ", the script wrote no summary: \(outcome.run.stderr.suffix(300))"
        }
        return text
    }

    private func rows(_ contender: Contender, _ outcomes: [Outcome]) -> [FigureTable.Row] {
        let name = contender == .clerkTriage ? "clerk-triage users ban -" : "SDK users.ban(user_id=…) in a loop"
        let tooMany = outcomes.map(\.run.sent.tooManyRequests)
        let banned = outcomes.map(\.banned)
        let allBanned = outcomes.allSatisfy { $0.banned == $0.users && $0.run.exit.status == 0 }
        var rows: [FigureTable.Row] = [
            .init(figure: "  \(name): time", measured: ScriptFigures.times(outcomes.map(\.run.exit.elapsed)), goal: "", met: nil),
            .init(figure: "    requests sent / 429s received / users banned",
                  measured: "\(ScriptFigures.sameOrEach(outcomes.map(\.run.sent.requests))) / \(ScriptFigures.sameOrEach(tooMany)) / \(ScriptFigures.sameOrEach(banned))",
                  goal: contender == .clerkTriage ? "— / 0 / all" : "",
                  met: contender == .clerkTriage ? allBanned && tooMany.allSatisfy { $0 == 0 } : nil),
        ]
        if contender == .sdk {
            let kinds = outcomes.map { $0.run.summary?.failureKinds ?? "no summary" }
            let same = Set(kinds).count == 1
            rows.append(.init(figure: "    failed calls, as the script saw them",
                              measured: "\(ScriptFigures.sameOrEach(outcomes.map { $0.run.summary?.failed ?? 0 })): " + (same ? kinds[0] : kinds.joined(separator: " | ")),
                              goal: "", met: nil))
        }
        return rows
    }

    /// How many of `ids` the sandbox shows banned, read 100 at a time.
    private func bannedCount(_ ids: [String]) async throws -> Int {
        var banned = 0
        var start = 0
        while start < ids.count {
            var filter = UserFilter()
            filter.userID = ids[start..<min(ids.count, start + 100)].map { .include($0) }
            banned += try await reader.users.list(UserListQuery(filter: filter, limit: 100)).count { $0.banned }
            start += 100
        }
        return banned
    }
}
