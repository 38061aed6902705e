import ClerkAPI
import Foundation
import Testing

/// Named instances of the config file: `users … --instance NAME` and the console's `--instance`
/// and `:instance`, against sandboxes the test starts, with keys from a variable and a command.
@Suite("End to end: instances", .serialized)
struct InstancesEndToEndTests {
    /// A config file naming `dev` (key in DEV_KEY) and `other` (key printed by a command), in a
    /// directory that is removed afterwards, with the key file the command reads.
    struct Config {
        let directory: String
        var path: String { directory + "/config.yaml" }

        init(dev: SandboxProcess, other: SandboxProcess, extra: String = "") throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("instances-e2e-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(other.key.utf8).write(to: URL(fileURLWithPath: directory + "/other.key"))
            let yaml = """
                instances:
                  dev: { api_url: "\(dev.baseURL)", key_env: DEV_KEY }
                  other: { api_url: "\(other.baseURL)", key_command: "echo unlocking >&2; cat '\(directory)/other.key'" }
                  broken: { api_url: "\(other.baseURL)", key_command: "echo \(other.key); exit 7" }
                \(extra)
                """
            try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    @Test("users count --instance: the key from a command or a variable; precedence; unknown names; a failing command leaks nothing")
    func scripts() async throws {
        let dev = try await SandboxProcess(users: 40)
        defer { dev.stop() }
        let other = try await SandboxProcess(users: 25, seed: 5)
        defer { other.stop() }
        let config = try Config(dev: dev, other: other, extra: "default_instance: dev")
        defer { config.remove() }
        var script = try ScriptEnvironment(sandbox: nil)
        defer { script.remove() }
        script.variables["CLERK_TRIAGE_CONFIG"] = config.path
        script.variables["DEV_KEY"] = dev.key
        // Below default_instance: a key that would work on neither sandbox, and an address on this
        // machine where nothing listens, so that a regression never reaches beyond loopback.
        script.variables["CLERK_SECRET_KEY"] = "sk_test_not_any_instance"
        script.variables["CLERK_API_URL"] = "http://127.0.0.1:9/v1"

        let viaCommand = try script.users(["count", "--instance", "other"])
        #expect(viaCommand.status == 0 && viaCommand.stdout == "25\n", "\(viaCommand)")
        #expect(viaCommand.stderr.contains("unlocking"), "the key command's stderr reaches the operator: \(viaCommand)")
        let viaDefault = try script.users(["count"])
        #expect(viaDefault.status == 0 && viaDefault.stdout == "40\n", "\(viaDefault)")
        let placedFirst = try script.users(["--instance", "other", "count"])
        #expect(placedFirst.status == 0 && placedFirst.stdout == "25\n", "\(placedFirst)")

        let unknown = try script.users(["count", "--instance", "staging"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown instance 'staging'") && unknown.stderr.contains("broken, dev, other"), "\(unknown)")
        let broken = try script.users(["count", "--instance", "broken"])
        #expect(broken.status == 3 && broken.stderr.contains("no key for instance 'broken'") && broken.stderr.contains("exit status 7"), "\(broken)")
        #expect(!broken.stderr.contains(other.key) && !broken.stdout.contains(other.key), "\(broken)")
        script.variables["DEV_KEY"] = nil
        let unset = try script.users(["count", "--instance", "dev"])
        #expect(unset.status == 3 && unset.stderr.contains("DEV_KEY is not set"), "\(unset)")

        // A mutation on a named instance: journalled under its own name, audited with it, and the
        // key, read from a command, written nowhere.
        let target = try #require(try await other.client.users.list(UserListQuery(limit: 1)).first)
        let ban = try script.users(["ban", target.id, "--instance", "other"])
        #expect(ban.status == 0 && ban.stdout == "\(target.id)\n", "\(ban)")
        let state = script.stateHome + "/clerk-triage"
        let directories = try FileManager.default.contentsOfDirectory(atPath: state)
        #expect(directories.contains("127.0.0.1-development-other"), "\(directories)")
        #expect(script.auditLog.contains("\"name\":\"other\""), "\(script.auditLog)")
        for file in try FileManager.default.subpathsOfDirectory(atPath: state) {
            let text = String(decoding: FileManager.default.contents(atPath: state + "/" + file) ?? Data(), as: UTF8.self)
            #expect(!text.contains(other.key), "the key is in \(file)")
        }
    }

    @Test("the console opens on --instance, names it in the header and dialogs, and :instance switches to another instance's users")
    func consoleSwitch() async throws {
        let dev = try await SandboxProcess(users: 300)
        defer { dev.stop() }
        let other = try await SandboxProcess(users: 120, seed: 5)
        defer { other.stop() }
        let config = try Config(dev: dev, other: other)
        defer { config.remove() }
        // The newest of the other instance's users heads its first page; the dev sandbox (another
        // seed) has no such address.
        let newest = try #require(try await other.client.users.list(UserListQuery(limit: 1)).first)
        let email = try #require(newest.primaryEmailAddress?.emailAddress)
        var byEmail = UserFilter()
        byEmail.emailAddressQuery = email
        #expect(try await dev.client.users.count(byEmail) == 0)
        // --api-url (which the harness always passes) is dev's own address here.
        let console = try ConsoleSession(sandbox: dev, extraEnvironment: "CLERK_TRIAGE_CONFIG=\(config.path) DEV_KEY=\(dev.key)", arguments: "--instance dev")
        defer { console.stop() }
        let devNewest = try #require(try await dev.client.users.list(UserListQuery(limit: 1)).first?.primaryEmailAddress?.emailAddress)
        try await console.waitFor("page 1 of 9 · 300 users")
        try await console.waitFor(String(devNewest.prefix(18)))
        #expect(console.lines[0].contains("dev · development"), "\(console.screen)")
        try console.keys("B")
        try await console.waitFor("Instance  dev · development")
        try console.keys("Escape")
        try await waitUntil("the dialog to close") { !console.screen.contains("Instance  dev") }

        try console.keys(":")
        try console.type("instance")
        try console.keys("Enter")
        try await console.waitFor("instances: broken, dev (current), other")
        // A key command that fails keeps the console where it was, saying why.
        try console.keys(":")
        try console.type("instance broken")
        try console.keys("Enter")
        try await console.waitFor("broken not opened: key_command failed (exit status 7)")
        try await console.waitFor(String(devNewest.prefix(18)))
        #expect(console.lines[0].contains("dev · development") && !console.screen.contains(other.key), "\(console.screen)")

        try console.keys(":")
        try console.type("instance other")
        try console.keys("Enter")
        try await console.waitFor("other · development")
        try await console.waitFor("page 1 of 4 · 120 users")
        try await console.waitFor(String(email.prefix(18)))
        #expect(!console.lines[0].contains("dev · development"), "\(console.screen)")

        try console.keys(":")
        try console.type("instance dev")
        try console.keys("Enter")
        try await console.waitFor("page 1 of 9 · 300 users")
        try await console.waitFor(String(devNewest.prefix(18)))
        #expect(console.lines[0].contains("dev · development"), "\(console.screen)")
        try console.keys("q")
        try await console.waitFor("EXITED=0")
    }
}
