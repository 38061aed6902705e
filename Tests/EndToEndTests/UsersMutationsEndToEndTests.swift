import ClerkAPI
import Foundation
import Glibc
import Testing

/// The `users` mutations beyond ban/unban/lock/unlock/delete: metadata, credits, passwords, MFA and
/// the identification deletions, each against a sandbox over loopback, checking stdout, stderr, the
/// exit status and what the sandbox holds afterwards.
@Suite("End to end: users mutations", .serialized)
struct UsersMutationsEndToEndTests {
    static func users(_ sandbox: SandboxProcess, limit: Int = 200) async throws -> [User] {
        try await sandbox.client.users.list(UserListQuery(limit: limit))
    }

    @Test("metadata --merge: --dry-run shows the result and the change list and sends nothing; the merge lands; a second run is unchanged")
    func metadataMerge() async throws {
        let sandbox = try await SandboxProcess(users: 30)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let ids = try await Self.users(sandbox, limit: 2).map(\.id)
        let start: JSONValue = ["tier": "silver", "legacy": true, "keep": 1, "flags": ["old": true]]
        for id in ids { _ = try await sandbox.client.users.replaceMetadata(id, MetadataUpdate(publicMetadata: start)) }
        let patch = #"{"tier": "gold", "flags": {"beta": true}, "legacy": null}"#

        let dry = try script.users(["metadata", "--dry-run", "--merge", patch] + ids)
        #expect(dry.status == 0, "\(dry)")
        for expected in ["+ flags.beta: true", #"~ tier: "silver" → "gold""#, "- legacy", "PATCH \(sandbox.baseURL)/users/\(ids[0])/metadata", #""tier" : "gold""#] {
            #expect(dry.stdout.contains(expected), "missing \(expected): \(dry)")
        }
        #expect(dry.stderr.contains("2 users would be updated") && dry.stderr.contains("nothing was sent"), "\(dry)")
        for id in ids { #expect(try await sandbox.client.users.get(id).publicMetadata == start, "--dry-run changed \(id)") }
        #expect(script.auditLog.isEmpty)

        let merged = try script.users(["metadata", "--merge", patch] + ids)
        #expect(merged.status == 0 && merged.stdoutLines == ids && merged.stderr.hasSuffix("2 updated\n"), "\(merged)")
        let expected: JSONValue = ["tier": "gold", "flags": ["beta": true, "old": true], "keep": 1]
        for id in ids { #expect(try await sandbox.client.users.get(id).publicMetadata == expected) }

        let again = try script.users(["metadata", "--merge", patch] + ids)
        #expect(again.status == 0 && again.stdout.isEmpty, "\(again)")
        #expect(again.stderr.contains("\(ids[0]): already as asked") && again.stderr.hasSuffix("0 updated, 2 unchanged\n"), "\(again)")
        let audited = script.auditLog.split(separator: "\n").filter { $0.contains("merge-metadata") }
        #expect(audited.count == 2, "one audited merge per user: \(script.auditLog)")
    }

    @Test("metadata --replace @FILE --private; bad JSON says line and column, a non-object and 8 KB are refused: exit 2, nothing sent")
    func metadataReplaceAndRefusals() async throws {
        let sandbox = try await SandboxProcess(users: 30)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let id = try #require(try await Self.users(sandbox, limit: 1).first?.id)
        let file = script.stateHome + "/private.json"
        try Data(#"{"note": "refund sent", "case": 4411}"#.utf8).write(to: URL(fileURLWithPath: file))

        let replaced = try script.users(["metadata", id, "--replace", "@\(file)", "--private"])
        #expect(replaced.status == 0 && replaced.stdoutLines == [id], "\(replaced)")
        #expect(try await sandbox.client.users.get(id).privateMetadata == ["note": "refund sent", "case": 4411])

        let before = try await sandbox.client.users.get(id)
        let broken = try script.users(["metadata", id, "--merge", "{\"a\": 1,\n \"b\": }"])
        #expect(broken.status == 2 && broken.stdout.isEmpty, "\(broken)")
        #expect(broken.stderr.contains("--merge: invalid JSON at line 2, column 7"), "\(broken)")
        try Data("{\n  \"a\": [1, 2,]\n}".utf8).write(to: URL(fileURLWithPath: file))
        let brokenFile = try script.users(["metadata", id, "--replace", "@\(file)"])
        #expect(brokenFile.status == 2 && brokenFile.stderr.contains("\(file): invalid JSON at line 2, column"), "\(brokenFile)")
        let notObject = try script.users(["metadata", id, "--merge", "[1, 2]"])
        #expect(notObject.status == 2 && notObject.stderr.contains("must be a JSON object"), "\(notObject)")
        let huge = try script.users(["metadata", id, "--replace", "{\"blob\": \"\(String(repeating: "x", count: 9_000))\"}"])
        #expect(huge.status == 2 && huge.stderr.contains("8192 bytes"), "\(huge)")
        let nobody = try script.users(["metadata", "user_nobody", "--merge", #"{"x": 1}"#])
        #expect(nobody.status == 1 && nobody.stderr.contains("user_nobody: not updated: no user with this id"), "\(nobody)")
        let neither = try script.users(["metadata", id])
        #expect(neither.status == 2 && neither.stderr.contains("--merge or --replace"), "\(neither)")
        #expect(try await sandbox.client.users.get(id) == before, "a refused patch changed the user")
        #expect(script.auditLog.split(separator: "\n").count == 1, "only the replace was sent: \(script.auditLog)")
    }

    @Test("credits: the balance; --increase with a note prints before → after and moves it by exactly that; a bad amount sends nothing")
    func credits() async throws {
        let sandbox = try await SandboxProcess(users: 30)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let id = try #require(try await Self.users(sandbox, limit: 1).first?.id)
        let balance = try await sandbox.client.users.creditBalance(id).balance
        let before = balance?.amount ?? 0
        let shown = balance.map { "\($0.amountFormatted) \($0.currency.uppercased())" } ?? "none"

        let show = try script.users(["credits", id])
        #expect(show.status == 0 && show.stdout == "\(id)\t\(shown)\n", "\(show)")

        let increase = try script.users(["credits", id, "--increase", "12.50", "--note", "e2e goodwill"])
        #expect(increase.status == 0, "\(increase)")
        let after = try #require(try await sandbox.client.users.creditBalance(id).balance)
        #expect(after.amount - before == 1250)
        #expect(increase.stdout == "\(id)\t\(shown) → \(after.amountFormatted) \(after.currency.uppercased())\n", "\(increase)")
        #expect(increase.stderr.hasSuffix("1 credited\n"), "\(increase)")

        for bad in ["12.345", "-3", "0", "ten", "1e3"] {
            let refused = try script.users(["credits", id, "--decrease=\(bad)"])
            #expect(refused.status == 2 && refused.stderr.contains("Nothing was sent"), "\(bad): \(refused)")
        }
        let dry = try script.users(["credits", id, "--decrease", "2", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("POST \(sandbox.baseURL)/users/\(id)/billing/credits {\"action\":\"decrease\",\"amount\":200"), "\(dry)")
        let decrease = try script.users(["credits", id, "--decrease", "2"])
        #expect(decrease.status == 0 && decrease.stderr.hasSuffix("1 debited\n"), "\(decrease)")
        #expect(try await sandbox.client.users.creditBalance(id).balance?.amount == after.amount - 200)
        let adjustments = script.auditLog.split(separator: "\n").filter { $0.contains("adjust-credit") }
        #expect(adjustments.count == 2, "two adjustments audited: \(script.auditLog)")
    }

    @Test("password --set-compromised --revoke-sessions and --unset-compromised; a user without a password fails with Clerk's reason")
    func password() async throws {
        let sandbox = try await SandboxProcess(users: 60)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let all = try await Self.users(sandbox)
        let withPassword = all.filter(\.passwordEnabled).prefix(2).map(\.id)
        let without = try #require(all.first { !$0.passwordEnabled }?.id)

        let set = try script.users(["password", "--set-compromised", "--revoke-sessions"] + withPassword)
        #expect(set.status == 0 && set.stdoutLines == withPassword && set.stderr.hasSuffix("2 marked compromised\n"), "\(set)")
        let marked = script.auditLog.split(separator: "\n").filter { $0.contains("set-password-compromised") && $0.contains("\"done\"") }
        #expect(marked.count == 2, "\(script.auditLog)")
        let unset = try script.users(["password", "--unset-compromised", withPassword[0], without])
        #expect(unset.status == 1 && unset.stdoutLines == [withPassword[0]], "\(unset)")
        #expect(unset.stderr.contains("\(without): not cleared of the compromised mark: This user has no password to mark."), "\(unset)")
        let both = try script.users(["password", "--set-compromised", "--unset-compromised", without])
        #expect(both.status == 2, "\(both)")
        let revokeAlone = try script.users(["password", "--unset-compromised", "--revoke-sessions", without])
        #expect(revokeAlone.status == 2 && revokeAlone.stderr.contains("--revoke-sessions goes with --set-compromised"), "\(revokeAlone)")
    }

    @Test("users list … --format ndjson | users mfa - --disable; --delete-totp and --delete-backup-codes")
    func mfaPipe() async throws {
        let sandbox = try await SandboxProcess(users: 150)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let all = try await Self.users(sandbox)
        let piped = all.filter(\.twoFactorEnabled).prefix(2).map(\.id)
        try #require(piped.count == 2, "the demo data has users with a second factor")
        let totpUser = try #require(all.first { $0.totpEnabled && !piped.contains($0.id) })
        let codesUser = try #require(all.first { $0.backupCodeEnabled && !piped.contains($0.id) && $0.id != totpUser.id })

        let pipe = try script.pipeline("\"$CT\" users list \(piped.map { "--user-id \($0)" }.joined(separator: " ")) --format ndjson | \"$CT\" users mfa - --disable")
        #expect(pipe.status == 0 && Set(pipe.stdoutLines) == Set(piped) && pipe.stderr.hasSuffix("2 cleared of MFA\n"), "\(pipe)")
        for id in piped {
            let user = try await sandbox.client.users.get(id)
            #expect(!user.twoFactorEnabled && !user.totpEnabled && !user.backupCodeEnabled, "\(id) still has a second factor")
        }

        let totp = try script.users(["mfa", "--delete-totp", totpUser.id])
        #expect(totp.status == 0 && totp.stdoutLines == [totpUser.id] && totp.stderr.hasSuffix("1 cleared of TOTP\n"), "\(totp)")
        let afterTOTP = try await sandbox.client.users.get(totpUser.id)
        #expect(!afterTOTP.totpEnabled && afterTOTP.backupCodeEnabled == totpUser.backupCodeEnabled)
        let codes = try script.users(["mfa", "--delete-backup-codes", codesUser.id])
        #expect(codes.status == 0 && codes.stderr.hasSuffix("1 cleared of backup codes\n"), "\(codes)")
        let afterCodes = try await sandbox.client.users.get(codesUser.id)
        #expect(!afterCodes.backupCodeEnabled && afterCodes.totpEnabled == codesUser.totpEnabled)
        let none = try script.users(["mfa", codesUser.id])
        #expect(none.status == 2, "one of --disable, --delete-totp, --delete-backup-codes is required: \(none)")
    }

    @Test("passkey, wallet and external-account delete: one item of one user goes, the rest stays")
    func identificationDeletions() async throws {
        let sandbox = try await SandboxProcess(users: 200)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let all = try await Self.users(sandbox)
        let passkeyUser = try #require(all.first { !$0.passkeys.isEmpty })
        let walletUser = try #require(all.first { !$0.web3Wallets.isEmpty })
        let accountUser = try #require(all.first { !$0.externalAccounts.isEmpty })
        let cases: [(String, User, String, (User) -> [String])] = [
            ("passkey", passkeyUser, passkeyUser.passkeys[0].id, { $0.passkeys.map(\.id) }),
            ("wallet", walletUser, walletUser.web3Wallets[0].id, { $0.web3Wallets.map(\.id) }),
            ("external-account", accountUser, accountUser.externalAccounts[0].id, { $0.externalAccounts.map(\.id) }),
        ]
        for (command, user, item, items) in cases {
            let dry = try script.users([command, "delete", user.id, item, "--dry-run"])
            #expect(dry.status == 0 && dry.stdout.hasPrefix("DELETE \(sandbox.baseURL)/users/\(user.id)/"), "\(dry)")
            #expect(items(try await sandbox.client.users.get(user.id)) == items(user), "--dry-run deleted it")
            let run = try script.users([command, "delete", user.id, item])
            #expect(run.status == 0 && run.stdoutLines == [user.id], "\(command): \(run)")
            #expect(items(try await sandbox.client.users.get(user.id)) == items(user).filter { $0 != item }, "\(command): \(item) is gone, the rest stays")
            let missing = try script.users([command, "delete", user.id, "idn_nothing"])
            #expect(missing.status == 1 && missing.stdout.isEmpty && missing.stderr.contains("the user has no") && missing.stderr.contains("idn_nothing"), "\(command): \(missing)")
        }
        let usage = try script.users(["passkey", "delete", passkeyUser.id])
        #expect(usage.status == 2, "\(usage)")
    }

    @Test("--dry-run sends nothing and --read-only refuses, for every new mutation")
    func dryRunAndReadOnly() async throws {
        let sandbox = try await SandboxProcess(users: 80)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let all = try await Self.users(sandbox)
        let user = try #require(all.first { !$0.passkeys.isEmpty && $0.passwordEnabled })
        let invocations: [[String]] = [
            ["metadata", user.id, "--merge", #"{"dry": true}"#, "--unsafe"],
            ["metadata", user.id, "--replace", #"{"dry": true}"#],
            ["credits", user.id, "--increase", "5"],
            ["password", user.id, "--set-compromised"],
            ["password", user.id, "--unset-compromised"],
            ["mfa", user.id, "--disable"],
            ["mfa", user.id, "--delete-totp"],
            ["mfa", user.id, "--delete-backup-codes"],
            ["passkey", "delete", user.id, user.passkeys[0].id],
        ]
        let before = try script.users(["list", "--all", "--format", "ndjson"])
        let balance = try await sandbox.client.users.creditBalance(user.id)
        for arguments in invocations {
            let dry = try script.users(arguments + ["--dry-run"])
            #expect(dry.status == 0 && !dry.stdout.isEmpty && dry.stderr.contains("nothing was sent"), "\(arguments): \(dry)")
            let refused = try script.users(arguments + ["--read-only"])
            #expect(refused.status == 2 && refused.stdout.isEmpty && refused.stderr.contains("read-only (--read-only)"), "\(arguments): \(refused)")
        }
        let after = try script.users(["list", "--all", "--format", "ndjson"])
        #expect(after.stdout == before.stdout, "the sandbox changed")
        #expect(try await sandbox.client.users.creditBalance(user.id) == balance)
        #expect(script.auditLog.isEmpty, "\(script.auditLog)")
    }

    @Test("an empty pipe or --ids-from file is nothing to do (exit 0, nothing sent); no ids at all is still a usage error")
    func emptyInputIsNothingToDo() async throws {
        let sandbox = try await SandboxProcess(users: 5)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let empty = try script.users(["ban", "-"], stdin: "")
        #expect(empty.status == 0 && empty.stdout.isEmpty && empty.stderr.contains("nothing to do") && !empty.stderr.contains("Error"), "\(empty)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("empty-ids-\(UUID().uuidString)").path
        try Data("# no users matched\n\n".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let fromFile = try script.users(["unlock", "--ids-from", file])
        #expect(fromFile.status == 0 && fromFile.stderr.contains("nothing to do"), "\(fromFile)")
        let piped = try script.pipeline("$CT users list --banned --all --format json | $CT users ban -")
        #expect(piped.status == 0 && piped.stderr.contains("nothing to do"), "\(piped)")
        #expect(script.auditLog.isEmpty, "nothing was sent")
        let noIDs = try script.users(["ban"])
        #expect(noIDs.status == 2 && noIDs.stderr.contains("no user ids given"), "\(noIDs)")
    }

    @Test("with --instance, a key Clerk refuses names the instance's key_env or key_command, not CLERK_SECRET_KEY")
    func instanceKeyHint() async throws {
        let sandbox = try await SandboxProcess(users: 5)
        defer { sandbox.stop() }
        var script = try ScriptEnvironment(sandbox: nil)
        defer { script.remove() }
        let config = "\(script.stateHome)/config.yaml"
        try Data("""
            instances:
              live: { api_url: "\(sandbox.baseURL)", key_env: LIVE_KEY }
              vault: { api_url: "\(sandbox.baseURL)", key_command: "echo sk_test_not_this_one" }
            """.utf8).write(to: URL(fileURLWithPath: config))
        script.variables["CLERK_TRIAGE_CONFIG"] = config
        script.variables["LIVE_KEY"] = "sk_test_not_this_one"
        let env = try script.users(["lock", "user_a", "--instance", "live"])
        #expect(env.status == 3 && env.stderr.contains("instance live: LIVE_KEY, which its key_env names") && !env.stderr.contains("CLERK_SECRET_KEY"), "\(env)")
        let command = try script.users(["unlock", "user_a", "--instance", "vault"])
        #expect(command.status == 3 && command.stderr.contains("instance vault: what its key_command prints") && !command.stderr.contains("CLERK_SECRET_KEY"), "\(command)")
        #expect(!env.stderr.contains("sk_test_not_this_one") && !command.stderr.contains("sk_test_not_this_one"), "the key was printed")

        // With the right key, a dry run names the instance as the config file does.
        script.variables["LIVE_KEY"] = sandbox.key
        let dry = try script.users(["lock", "user_a", "--instance", "live", "--dry-run"])
        let host = try #require(URL(string: sandbox.baseURL)).host ?? ""
        #expect(dry.status == 0 && dry.stderr.contains("would be locked on live (development, \(host):"), "\(dry)")
    }
}

/// A `users ban` run killed with SIGKILL while its bulk calls are in the air leaves its commands in
/// the journal; the next run (or the console) takes them on, and no user is lost or done twice.
@Suite("End to end: users mutations resumed after a kill", .serialized)
struct UsersResumeEndToEndTests {
    /// Every request takes this long, so the kill lands while the bulk calls are in the air.
    static let latency = ["--fault-latency-ms", "3000"]

    static func notBanned(_ sandbox: SandboxProcess, _ count: Int) async throws -> [String] {
        var filter = UserFilter()
        filter.banned = false
        return try await sandbox.client.users.list(UserListQuery(filter: filter, limit: count)).map(\.id)
    }

    /// Starts `users ban` on `ids`, waits until the journal says a request is being sent, and kills
    /// it. Returns the users of the commands the journal holds.
    static func banKilledMidway(_ script: ScriptEnvironment, _ ids: [String], arguments: [String] = ["ban", "-"]) async throws -> Set<String> {
        let running = try script.startUsers(arguments, stdin: ids.joined(separator: "\n"))
        var journal = ""
        do {
            try await waitUntil("a request journalled as being sent", timeout: .seconds(60)) {
                guard let path = try? Self.journalPath(script.stateHome) else { return false }
                journal = path
                return (try? String(contentsOfFile: path, encoding: .utf8))?.contains("\"kind\":\"sending\"") == true
            }
        } catch {
            kill(running.pid, SIGKILL)
            throw HarnessError("\(error)\n\(running.wait())")
        }
        kill(running.pid, SIGKILL)
        let killed = running.wait()
        #expect(killed.status == 128 + SIGKILL, "\(killed)")
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        try #require(!lines.contains { $0.contains("\"kind\":\"outcome\"") }, "killed before any command ended:\n\(lines.joined(separator: "\n"))")
        let journalled = Set(lines.filter { $0.contains("\"kind\":\"intent\"") }.flatMap { $0.matches(of: /user_[A-Za-z0-9]+/).map { String($0.output) } })
        try #require(!journalled.isEmpty && journalled.isSubset(of: Set(ids)), "the killed run journalled its commands")
        for id in journalled { #expect(!script.auditLog.contains(id), "nothing of \(id) was audited before the kill") }
        return journalled
    }

    static func banned(_ sandbox: SandboxProcess) async throws -> Set<String> {
        var filter = UserFilter()
        filter.banned = true
        return Set(try await sandbox.client.users.list(UserListQuery(filter: filter, limit: 500)).map(\.id))
    }

    static func expectBannedOnce(_ ids: some Sequence<String>, audit: String) {
        let records = audit.split(separator: "\n").filter { $0.contains("\"action\":\"ban\"") && $0.contains("\"outcome\":\"done\"") }
        for id in ids {
            let count = records.filter { $0.contains("\"user_id\":\"\(id)\"") }.count
            #expect(count == 1, "\(id) banned once, audited \(count) times")
        }
    }

    @Test("the next users ban resumes the killed run's journal first and sends nothing twice")
    func nextRunResumes() async throws {
        let sandbox = try await SandboxProcess(users: 400, extraArguments: Self.latency)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let ids = try await Self.notBanned(sandbox, 300)
        let journalled = try await Self.banKilledMidway(script, ids)

        // The operator runs the same command again.
        let again = try script.users(["ban", "-"], stdin: ids.joined(separator: "\n"))
        #expect(again.status == 0, "\(again)")
        #expect(again.stderr.contains("Resuming first") && again.stderr.contains("(ban, \(journalled.count) users left)"), "\(again)")
        #expect(again.stdoutLines == ids, "\(again)")
        #expect(again.stderr.hasSuffix("300 banned, resumed from an earlier run: \(journalled.count) done\n"), "\(again)")
        #expect(!again.stderr.contains("Error"), "\(again)")
        #expect(Set(ids).isSubset(of: try await Self.banned(sandbox)), "every user banned")
        Self.expectBannedOnce(ids, audit: script.auditLog)

        // Every command the journal holds has ended, and nothing is left to resume.
        let journal = try String(contentsOfFile: try Self.journalPath(script.stateHome), encoding: .utf8).split(separator: "\n")
        func commandIDs(_ kind: String) -> Set<String> {
            Set(journal.filter { $0.contains("\"kind\":\"\(kind)\"") }.compactMap { $0.firstMatch(of: /"id":"([0-9A-F-]{36})"/).map { String($0.1) } })
        }
        #expect(!commandIDs("intent").isEmpty && commandIDs("intent") == commandIDs("outcome"), "every journalled command ended")
        let third = try script.users(["ban", ids[0]])
        #expect(third.status == 0 && !third.stderr.contains("Resuming"), "\(third)")
    }

    /// The instance's journal, whatever kind of instance (development, production) the key is for.
    static func journalPath(_ state: String) throws -> String {
        let root = state + "/clerk-triage"
        let directories = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        guard let directory = directories.first(where: { FileManager.default.fileExists(atPath: "\(root)/\($0)/commands.jsonl") }) else {
            throw HarnessError("no command journal under \(root)")
        }
        return "\(root)/\(directory)/commands.jsonl"
    }

    /// The ids of the commands a journal holds without an outcome.
    static func unfinishedCommandIDs(_ script: ScriptEnvironment) throws -> Set<String> {
        let journal = try String(contentsOfFile: try Self.journalPath(script.stateHome), encoding: .utf8).split(separator: "\n")
        func commandIDs(_ kind: String) -> Set<String> {
            Set(journal.filter { $0.contains("\"kind\":\"\(kind)\"") }.compactMap { $0.firstMatch(of: /"id":"([0-9A-F-]{36})"/).map { String($0.1) } })
        }
        return commandIDs("intent").subtracting(commandIDs("outcome"))
    }

    @Test("another command, or the same one on other users, leaves the killed run's commands in the journal and says so; --dry-run lists them; the rerun finishes them")
    func otherRunsLeaveThem() async throws {
        let sandbox = try await SandboxProcess(users: 400, extraArguments: Self.latency)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let candidates = try await Self.notBanned(sandbox, 301)
        let ids = Array(candidates.prefix(300))
        let outsider = try #require(candidates.last)
        let journalled = try await Self.banKilledMidway(script, ids)
        let left = try Self.unfinishedCommandIDs(script)
        let bansOfJournalled = { script.auditLog.split(separator: "\n").filter { line in
            line.contains("\"action\":\"ban\"") && journalled.contains { line.contains("\"user_id\":\"\($0)\"") } } }

        let unlock = try script.users(["unlock", ids[0]])
        #expect(unlock.status == 0 && unlock.stdoutLines == [ids[0]], "\(unlock)")
        #expect(!unlock.stderr.contains("Resuming"), "\(unlock)")
        #expect(unlock.stderr.contains("unfinished command") && unlock.stderr.contains("from an earlier run (ban, \(journalled.count) users)")
                && unlock.stderr.contains("left: rerun that command"), "\(unlock)")
        let other = try script.users(["ban", outsider])
        #expect(other.status == 0 && other.stdoutLines == [outsider] && !other.stderr.contains("Resuming") && other.stderr.hasSuffix("1 banned\n"), "\(other)")
        let dry = try script.users(["ban", "-", "--dry-run"], stdin: ids.joined(separator: "\n"))
        #expect(dry.status == 0 && dry.stderr.contains("would resume first") && dry.stderr.contains("nothing was sent"), "\(dry)")
        #expect(bansOfJournalled().isEmpty, "nothing of the killed run was sent: \(script.auditLog)")
        #expect(left.isSubset(of: try Self.unfinishedCommandIDs(script)), "the killed run's commands are still unfinished")

        let again = try script.users(["ban", "-"], stdin: ids.joined(separator: "\n"))
        #expect(again.status == 0 && again.stderr.contains("Resuming first"), "\(again)")
        Self.expectBannedOnce(ids, audit: script.auditLog)
        #expect(try Self.unfinishedCommandIDs(script).isEmpty)
    }

    @Test("users credits --increase rerun after a kill: every user credited exactly once, the killed run's adjustments resumed with their own keys")
    func creditsRerunOnce() async throws {
        let sandbox = try await SandboxProcess(users: 30, extraArguments: ["--fault-latency-ms", "1500"])
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let ids = try await sandbox.client.users.list(UserListQuery(limit: 3)).map(\.id)
        var before: [String: Int64] = [:]
        for id in ids { before[id] = try await sandbox.client.users.creditBalance(id).balance?.amount ?? 0 }
        let stdin = ids.joined(separator: "\n")

        let running = try script.startUsers(["credits", "-", "--increase", "5.00"], stdin: stdin)
        do {
            try await waitUntil("an adjustment journalled as being sent", timeout: .seconds(60)) {
                guard let path = try? Self.journalPath(script.stateHome) else { return false }
                return (try? String(contentsOfFile: path, encoding: .utf8))?.contains("\"kind\":\"sending\"") == true
            }
        } catch {
            kill(running.pid, SIGKILL)
            throw HarnessError("\(error)\n\(running.wait())")
        }
        kill(running.pid, SIGKILL)
        _ = running.wait()
        try #require(!(try Self.unfinishedCommandIDs(script)).isEmpty, "the killed run left adjustments in the journal")

        let again = try script.users(["credits", "-", "--increase", "5.00"], stdin: stdin)
        #expect(again.status == 0 && again.stderr.contains("Resuming first") && again.stderr.contains("adjust-credit"), "\(again)")
        for id in ids {
            let after = try await sandbox.client.users.creditBalance(id).balance?.amount ?? 0
            #expect(after - (before[id] ?? 0) == 500, "\(id) moved by \(after - (before[id] ?? 0)), not 500: \(again)")
        }
        let audited = script.auditLog.split(separator: "\n").filter { $0.contains("adjust-credit") && $0.contains("\"outcome\":\"done\"") }
        for id in ids { #expect(audited.filter { $0.contains("\"user_id\":\"\(id)\"") }.count == 1, "\(id) adjusted once: \(script.auditLog)") }
        #expect(try Self.unfinishedCommandIDs(script).isEmpty)
    }

    @Test("on sk_live_, the rerun that would resume a killed run asks first, naming how many users are resumed; without a terminal it is refused and sends nothing")
    func productionResumeAsks() async throws {
        let sandbox = try await SandboxProcess(users: 120, keyPrefix: "sk_live_", extraArguments: Self.latency)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let ids = try await Self.notBanned(sandbox, 100)
        let journalled = try await Self.banKilledMidway(script, ids, arguments: ["ban", "-", "--yes"])
        let left = try Self.unfinishedCommandIDs(script)

        let refused = try script.users(["ban", "-"], stdin: ids.joined(separator: "\n"))
        #expect(refused.status == 2 && refused.stderr.contains("production instance") && refused.stderr.contains("--yes"), "\(refused)")
        #expect(refused.stderr.contains("\(journalled.count) users of them resumed from an earlier run"), "\(refused)")
        #expect(script.auditLog.isEmpty, "nothing was sent: \(script.auditLog)")
        #expect(try Self.unfinishedCommandIDs(script) == left)
    }

    /// Starts `users ARGUMENTS` on `ids`, and once the journal shows a command ended and others still
    /// to go, sends it `signal`.
    static func signalledMidway(_ script: ScriptEnvironment, _ arguments: [String], _ ids: [String], _ signal: Int32) async throws -> RunningScript {
        func outcomes() -> Int {
            guard let path = try? Self.journalPath(script.stateHome), let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
            return text.split(separator: "\n").filter { $0.contains("\"kind\":\"outcome\"") }.count
        }
        // Outcomes of earlier runs are already there: wait for one of this run's.
        let earlier = outcomes()
        let running = try script.startUsers(arguments, stdin: ids.joined(separator: "\n"))
        do {
            try await waitUntil("a command of this run journalled as ended", timeout: .seconds(60)) { outcomes() > earlier }
        } catch {
            kill(running.pid, SIGKILL)
            throw HarnessError("\(error)\n\(running.wait())")
        }
        kill(running.pid, signal)
        return running
    }

    @Test("Ctrl-C: the requests in flight finish, the commands not started are cancelled in the journal, the summary says so, exit 130; SIGTERM exits 143; a second Ctrl-C quits at once and leaves the journal to resume")
    func interrupted() async throws {
        let sandbox = try await SandboxProcess(users: 120, extraArguments: ["--fault-latency-ms", "1500"])
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let ids = try await sandbox.client.users.list(UserListQuery(limit: 40)).map(\.id)

        let stopped = try await Self.signalledMidway(script, ["lock", "-"], ids, SIGINT).wait()
        #expect(stopped.status == 130, "\(stopped)")
        #expect(stopped.stderr.contains("Stopping (Ctrl-C)"), "\(stopped)")
        let summary = try #require(stopped.stderr.firstMatch(of: /(\d+) locked, (\d+) not started \(stopped by Ctrl-C\)\n$/), "\(stopped)")
        let (done, notStarted) = (Int(summary.1) ?? -1, Int(summary.2) ?? -1)
        #expect(done > 0 && notStarted > 0 && done + notStarted == ids.count, "\(stopped)")
        #expect(stopped.stdoutLines.count == done && Set(stopped.stdoutLines).isSubset(of: Set(ids)), "\(stopped)")
        for id in stopped.stdoutLines { #expect(try await sandbox.client.users.get(id).locked, "\(id) printed as locked") }
        let audited = script.auditLog.split(separator: "\n").filter { $0.contains("\"action\":\"lock\"") && $0.contains("\"outcome\":\"done\"") }
        #expect(audited.count == done, "every request in flight finished and was audited: \(script.auditLog)")
        #expect(try Self.unfinishedCommandIDs(script).isEmpty, "the commands not started were cancelled, not left to resume")

        let terminated = try await Self.signalledMidway(script, ["unlock", "-"], ids, SIGTERM).wait()
        #expect(terminated.status == 143 && terminated.stderr.contains("not started (stopped by SIGTERM)\n"), "\(terminated)")
        #expect(!terminated.stderr.contains("Resuming"), "\(terminated)")
        #expect(try Self.unfinishedCommandIDs(script).isEmpty)

        let twice = try await Self.signalledMidway(script, ["lock", "-"], ids, SIGINT)
        try await waitUntil("the first Ctrl-C said", timeout: .seconds(30)) {
            String(decoding: FileManager.default.contents(atPath: twice.error) ?? Data(), as: UTF8.self).contains("Stopping")
        }
        kill(twice.pid, SIGINT)
        let quit = twice.wait()
        #expect(quit.status == 130 && quit.stderr.contains("Stopped at once") && !quit.stderr.contains("(stopped by Ctrl-C)"), "\(quit)")
        #expect(!(try Self.unfinishedCommandIDs(script)).isEmpty, "what was in flight stays in the journal")
    }

    @Test("the console offers the killed run's journal at its start and finishes it")
    func consoleResumes() async throws {
        let sandbox = try await SandboxProcess(users: 400, extraArguments: Self.latency)
        defer { sandbox.stop() }
        let script = try ScriptEnvironment(sandbox: sandbox)
        defer { script.remove() }
        let ids = try await Self.notBanned(sandbox, 300)
        let journalled = try await Self.banKilledMidway(script, ids)

        let console = try ConsoleSession(sandbox: sandbox, height: 60, extraEnvironment: "XDG_STATE_HOME=\(script.stateHome)")
        defer { console.stop() }
        try await console.waitFor("Unfinished commands from last time", timeout: .seconds(60))
        try console.keys("Enter")
        // Each read takes the sandbox's latency, so the polls are few.
        let deadline = ContinuousClock.now + .seconds(120)
        while !journalled.isSubset(of: try await Self.banned(sandbox)) {
            guard ContinuousClock.now < deadline else { throw HarnessError("the journalled users were not all banned:\n\(console.screen)") }
            try await Task.sleep(for: .milliseconds(200))
        }
        try await console.waitFor("ban ✓", timeout: .seconds(60))
        Self.expectBannedOnce(journalled, audit: script.auditLog)
    }
}
