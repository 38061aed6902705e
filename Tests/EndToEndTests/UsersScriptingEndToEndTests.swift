import ClerkAPI
import Foundation
import Testing

/// `clerk-triage users …` as scripts use it: the real binary against a sandbox, checking stdout,
/// stderr and the exit status of each run.
@Suite("End to end: users subcommands", .serialized)
struct UsersScriptingEndToEndTests {
    private func jsonObject(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
    }

    @Test("list in every format, and --all walks every page, by cursor and by offset")
    func listFormats() async throws {
        let sandbox = try await SandboxProcess(users: 1_100)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }

        let table = try script.users(["list", "--limit", "5"])
        #expect(table.status == 0 && table.stderr.contains("more may match: --all"), "\(table)")
        #expect(table.stdoutLines.count == 6 && table.stdoutLines[0].hasPrefix("ID "), "\(table)")

        let json = try script.users(["list", "--limit", "7", "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 7 && array.allSatisfy { $0["object"] as? String == "user" && $0["email_addresses"] != nil })

        let csv = try script.users(["list", "--limit", "4", "--offset", "2", "--format", "csv"])
        #expect(csv.status == 0, "\(csv)")
        #expect(csv.stdout.hasPrefix("id,primary_email_address,"), "\(csv)")
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("user_") }.count == 4, "\(csv)")

        let count = try script.users(["count"])
        #expect(count.status == 0 && count.stdout == "1100\n", "\(count)")
        for order in ["-created_at", "+first_name"] {
            let all = try script.users(["list", "--all", "--order-by=\(order)", "--format", "ndjson"])
            #expect(all.status == 0 && all.stderr.isEmpty, "\(order): exit \(all.status) \(all.stderr)")
            let ids = try all.stdoutLines.map { try jsonObject($0)["id"] as? String }
            #expect(ids.count == 1_100 && Set(ids).count == 1_100, "\(order): \(ids.count) lines, \(Set(ids).count) distinct")
        }

        // A reader that stops early ends the list as it ends any Unix filter: by SIGPIPE, no crash report.
        let head = try script.pipeline("{ \"$CT\" users list --all --format ndjson; echo \"status $?\" >&2; } | head -n 1")
        #expect(head.stdoutLines.count == 1 && head.stderr == "status 141\n", "\(head)")
    }

    @Test("filters reach the API: --email, --query, --banned and --not-banned, ranges")
    func filters() async throws {
        let sandbox = try await SandboxProcess(users: 200)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        var bannedFilter = UserFilter()
        bannedFilter.banned = true
        let alreadyBanned = try await sandbox.client.users.count(bannedFilter)
        var notBannedFilter = UserFilter()
        notBannedFilter.banned = false
        let users = try await sandbox.client.users.list(UserListQuery(filter: notBannedFilter, limit: 3))
        let target = try #require(users.first { $0.primaryEmailAddress != nil })
        let email = try #require(target.primaryEmailAddress?.emailAddress)
        _ = try await sandbox.client.users.ban(users.map(\.id))

        let byEmail = try script.users(["list", "--email", email, "--format", "ndjson"])
        #expect(byEmail.status == 0 && byEmail.stdoutLines.count == 1 && byEmail.stdout.contains(target.id), "\(byEmail)")
        let banned = try script.users(["count", "--banned"])
        #expect(banned.status == 0 && banned.stdout == "\(alreadyBanned + 3)\n", "\(banned)")
        let notBanned = try script.users(["count", "--not-banned"])
        #expect(notBanned.status == 0 && notBanned.stdout == "\(200 - alreadyBanned - 3)\n", "\(notBanned)")
        // A name written as a spreadsheet formula comes out as text in csv.
        var hostile = CreateUserRequest()
        hostile.firstName = "=HYPERLINK(\"http://evil.example\",\"x\")"
        hostile.emailAddress = ["formula@example.com"]
        _ = try await sandbox.client.users.create(hostile)
        let csv = try script.users(["list", "--email", "formula@example.com", "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","), "\(csv)")
        // A name that is an escape sequence reaches a csv file without its control characters.
        var escaping = CreateUserRequest()
        escaping.firstName = "\u{1B}[2JMallory\u{07}"
        escaping.emailAddress = ["escape@example.com"]
        _ = try await sandbox.client.users.create(escaping)
        let escaped = try script.users(["list", "--email", "escape@example.com", "--format", "csv"])
        #expect(escaped.status == 0 && escaped.stdout.contains(",[2JMallory,") && !escaped.stdout.contains("\u{1B}") && !escaped.stdout.contains("\u{07}"),
                "\(escaped)")

        let future = try script.users(["count", "--created-after", "2999-01-01"])
        #expect(future.status == 0 && future.stdout == "0\n", "\(future)")
        let both = try script.users(["count", "--banned", "--not-banned"])
        #expect(both.status == 2 && both.stdout.isEmpty && both.stderr.contains("cannot be used together"), "\(both)")
    }

    @Test("get prints each user; an unknown id is said on stderr with Clerk's message and trace id, exit 1")
    func get() async throws {
        let sandbox = try await SandboxProcess(users: 50)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let known = try await sandbox.client.users.list(UserListQuery(limit: 2)).map(\.id)
        let run = try script.users(["get", known[0], "user_nobody", known[1]])
        #expect(run.status == 1, "\(run)")
        #expect(try run.stdoutLines.map { try jsonObject($0)["id"] as? String } == known, "\(run)")
        #expect(run.stderr.contains("user_nobody") && run.stderr.contains("HTTP 404") && run.stderr.contains("trace"), "\(run)")

        // The json format (an array of users) feeds `-` as well as ndjson does.
        let piped = try script.pipeline("\"$CT\" users list --limit 3 --format json 2>/dev/null | \"$CT\" users get --format csv -")
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped)")
        #expect(piped.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("user_") }.count == 3, "\(piped)")
    }

    @Test("list --banned --format ndjson | unban -: every banned user unbanned, journalled and audited")
    func pipeBannedIntoUnban() async throws {
        let sandbox = try await SandboxProcess(users: 120)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        var bannedFilter = UserFilter()
        bannedFilter.banned = true
        var notBannedFilter = UserFilter()
        notBannedFilter.banned = false
        let ids = try await sandbox.client.users.list(UserListQuery(filter: notBannedFilter, limit: 60)).map(\.id)

        let ban = try script.users(["ban"] + ids)
        #expect(ban.status == 0 && ban.stdoutLines == ids, "\(ban)")
        #expect(ban.stderr.hasSuffix("60 banned\n"), "\(ban)")
        let banned = try await sandbox.client.users.list(UserListQuery(filter: bannedFilter, limit: 500)).map(\.id)
        #expect(Set(ids).isSubset(of: Set(banned)))

        let pipe = try script.pipeline("\"$CT\" users list --banned --all --format ndjson | \"$CT\" users unban -")
        #expect(pipe.status == 0, "\(pipe)")
        #expect(Set(pipe.stdoutLines) == Set(banned) && pipe.stdoutLines.count == banned.count, "\(pipe)")
        #expect(pipe.stderr.hasSuffix("\(banned.count) unbanned\n"), "\(pipe)")
        #expect(try await sandbox.client.users.count(bannedFilter) == 0)
        let audited = script.auditLog.split(separator: "\n").filter { $0.contains("\"action\":\"unban\"") && $0.contains("\"outcome\":\"done\"") }
        #expect(audited.count == banned.count, "audit log:\n\(script.auditLog)")
    }

    @Test("a failed user: the others are done, exit 1, and the summary points at the audit log")
    func partialFailure() async throws {
        let sandbox = try await SandboxProcess(users: 50)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let ids = try await sandbox.client.users.list(UserListQuery(limit: 2)).map(\.id)
        let run = try script.users(["lock", "--ids-from", "/dev/stdin"], stdin: "\(ids[0])\nuser_nobody\n# a comment\n\n\(ids[1])\n")
        #expect(run.status == 1, "\(run)")
        #expect(Set(run.stdoutLines) == Set(ids), "\(run)")
        #expect(run.stderr.contains("2 locked, 1 failed — see the audit log \(script.stateHome)/clerk-triage/audit.jsonl"), "\(run)")
        #expect(run.stderr.contains("user_nobody: not locked: No user was found") && run.stderr.contains("trace"), "\(run)")
        for id in ids { #expect(try await sandbox.client.users.get(id).locked) }

        // Ban goes 50 at a time to the bulk call, which refuses a whole batch for one unknown id:
        // the others must still be banned, and only the unknown one reported.
        var notBanned = UserFilter()
        notBanned.banned = false
        let batch = try await sandbox.client.users.list(UserListQuery(filter: notBanned, limit: 5)).map(\.id)
        let ban = try script.users(["ban"] + batch.prefix(2) + ["user_nobody"] + batch.dropFirst(2))
        #expect(ban.status == 1 && ban.stdoutLines == batch, "\(ban)")
        #expect(ban.stderr.contains("5 banned, 1 failed — see the audit log") && ban.stderr.contains("user_nobody: not banned"), "\(ban)")
        for id in batch { #expect(try await sandbox.client.users.get(id).banned) }
    }

    @Test("--dry-run prints the requests and leaves the sandbox as it was")
    func dryRunSendsNothing() async throws {
        let sandbox = try await SandboxProcess(users: 80)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let before = try script.users(["list", "--all", "--format", "ndjson"])
        let ids = Array(before.stdoutLines.prefix(3)).map { line in (try? jsonObject(line)["id"] as? String) ?? "" }

        let delete = try script.users(["delete", "--dry-run", "-"], stdin: before.stdoutLines.prefix(3).joined(separator: "\n"))
        #expect(delete.status == 0, "\(delete)")
        #expect(delete.stdoutLines == ids.map { "DELETE \(sandbox.baseURL)/users/\($0)" }, "\(delete)")
        #expect(delete.stderr.contains("3 users would be deleted") && delete.stderr.contains("nothing was sent"), "\(delete)")
        let ban = try script.users(["ban", "--dry-run"] + ids)
        #expect(ban.status == 0 && ban.stdout.hasPrefix("POST \(sandbox.baseURL)/users/ban {\"user_ids\":[\"\(ids[0])\""), "\(ban)")

        let after = try script.users(["list", "--all", "--format", "ndjson"])
        #expect(after.stdout == before.stdout, "the sandbox changed under --dry-run")
        #expect(script.auditLog.isEmpty)
    }

    @Test("--read-only and read_only: true refuse every mutation with exit 2 and send nothing")
    func readOnlyRefuses() async throws {
        let sandbox = try await SandboxProcess(users: 40)
        defer { sandbox.stop() }
        var script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let id = try #require(try await sandbox.client.users.list(UserListQuery(limit: 1)).first?.id)

        let flagged = try script.users(["lock", "--read-only", id])
        #expect(flagged.status == 2 && flagged.stdout.isEmpty && flagged.stderr.contains("read-only (--read-only)"), "\(flagged)")
        let config = script.stateHome + "/config.yaml"
        try Data("read_only: true\n".utf8).write(to: URL(fileURLWithPath: config))
        script.variables["CLERK_TRIAGE_CONFIG"] = config
        let configured = try script.users(["delete", id])
        #expect(configured.status == 2 && configured.stdout.isEmpty && configured.stderr.contains("read_only: true in \(config)"), "\(configured)")

        let user = try await sandbox.client.users.get(id)
        #expect(!user.locked)
        #expect(script.auditLog.isEmpty)
    }

    @Test("exit status: 3 without a key or with one Clerk refuses, 4 when nothing answers, 2 for usage")
    func exitStatuses() async throws {
        let sandbox = try await SandboxProcess(users: 10)
        defer { sandbox.stop() }
        var script = try ScriptEnvironment(sandbox: nil)
        defer { script.remove() }

        let noKey = try script.users(["count", "--api-url", sandbox.baseURL])
        #expect(noKey.status == 3 && noKey.stdout.isEmpty && noKey.stderr.contains("CLERK_SECRET_KEY is not set"), "\(noKey)")
        script.variables["CLERK_SECRET_KEY"] = "sk_test_not_this_one"
        let refused = try script.users(["list", "--api-url", sandbox.baseURL])
        #expect(refused.status == 3 && refused.stderr.contains("HTTP 401") && refused.stderr.contains("trace"), "\(refused)")
        #expect(!refused.stderr.contains("sk_test_not_this_one"), "the key was printed")
        let unreachable = try script.users(["ban", "--api-url", "http://127.0.0.1:1/v1", "user_a"])
        #expect(unreachable.status == 4 && unreachable.stderr.contains("cannot connect to 127.0.0.1:1") && unreachable.stderr.contains("Nothing was sent"), "\(unreachable)")
        #expect(script.auditLog.isEmpty, "nothing was sent, so nothing is audited")
        let usage = try script.users(["list", "--limit", "0"])
        #expect(usage.status == 2 && usage.stderr.contains("--limit must be between 1 and 500"), "\(usage)")
        let noIDs = try script.users(["unlock"])
        #expect(noIDs.status == 2 && noIDs.stderr.contains("no user ids given"), "\(noIDs)")
    }
}

/// Production keys: more than one user needs a confirmation, which a script without a terminal
/// cannot give, so it must say --yes.
@Suite("End to end: users subcommands on a production key", .serialized)
struct UsersProductionEndToEndTests {
    @Test("on sk_live_, several users without --yes and without a terminal: refused, exit 2, nothing sent; --yes goes ahead")
    func productionNeedsYes() async throws {
        let sandbox = try await SandboxProcess(users: 40, keyPrefix: "sk_live_")
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        var notBanned = UserFilter()
        notBanned.banned = false
        let ids = try await sandbox.client.users.list(UserListQuery(filter: notBanned, limit: 3)).map(\.id)

        let refused = try script.users(["lock"] + ids)
        #expect(refused.status == 2 && refused.stdout.isEmpty, "\(refused)")
        #expect(refused.stderr.contains("production instance") && refused.stderr.contains("--yes") && refused.stderr.contains("Nothing was sent"), "\(refused)")
        for id in ids { #expect(try await !sandbox.client.users.get(id).locked) }
        #expect(script.auditLog.isEmpty)

        let one = try script.users(["lock", ids[0]])
        #expect(one.status == 0 && one.stdoutLines == [ids[0]], "one user needs no confirmation: \(one)")

        let confirmed = try script.users(["lock", "--yes"] + ids)
        #expect(confirmed.status == 0 && confirmed.stdoutLines == ids && confirmed.stderr.hasSuffix("3 locked\n"), "\(confirmed)")
        for id in ids { #expect(try await sandbox.client.users.get(id).locked) }
    }
}
