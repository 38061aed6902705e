import ClerkAPI
import Foundation
import Testing
@testable import Triage

private let secret = "sk_live_keycommandSECRET0123456789"

/// `key_command`: run through /bin/sh, stdout trimmed is the key, and nothing it printed ever
/// reaches an error.
@Suite("Config file: key commands")
struct KeyCommandTests {

    private func key(_ command: String, environment: [String: String] = [:], timeout: Duration = .seconds(20)) throws(InstanceKeyError) -> SecretKey {
        try InstanceKey.read(for: "prod", from: .command(command), environment: environment, timeout: timeout)
    }

    @Test("stdout, trimmed, is the key; stderr is the operator's and not part of it; the environment is the command's")
    func success() throws {
        #expect(try key("echo '  \(secret)  '") == SecretKey(secret))
        #expect(try key("echo 'unlocking…' >&2; printf %s \(secret)") == SecretKey(secret))
        #expect(try key("printf %s \"$VAULT_ITEM\"", environment: ["VAULT_ITEM": secret]) == SecretKey(secret))
    }

    @Test("a failing, empty, chatty or killed command is an error that names the instance and never holds what it printed", arguments: [
        ("echo \(secret); exit 3", InstanceKeyError.Problem.commandFailed(status: 3)),
        ("printf '  \\n'", .commandPrintedNothing),
        ("printf '\(secret)\\nuser: support@example.com\\n'", .commandPrintedLines),
        ("echo \(secret); kill -9 $$", .commandKilled(signal: 9)),
        ("yes \(secret)", .commandPrintedTooMuch),
        ("/nonexistent/password-manager get prod", .commandFailed(status: 127)),
    ])
    func failures(command: String, problem: InstanceKeyError.Problem) {
        do {
            let read = try key(command)
            Issue.record("expected an error, read a key \(read.masked)")
        } catch {
            #expect(error == InstanceKeyError(instance: "prod", problem: problem))
            #expect(error.description.hasPrefix("no key for instance 'prod': "), "\(error)")
            #expect(!error.description.contains("SECRET") && !error.description.contains("support@"), "\(error)")
        }
    }

    @Test("a command that does not finish is stopped at the timeout")
    func timeout() {
        let started = ContinuousClock.now
        #expect(throws: InstanceKeyError(instance: "prod", problem: .commandTimedOut(.milliseconds(300)))) {
            try key("sleep 30; echo \(secret)", timeout: .milliseconds(300))
        }
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test("a daemon the command leaves behind holding stdout open does not hold the console up")
    func daemonHoldingOutput() throws {
        let started = ContinuousClock.now
        #expect(try key("sleep 20 & echo \(secret)") == SecretKey(secret))
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
