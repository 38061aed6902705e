import ClerkAPI
@testable import ClerkActions
import Foundation
import Testing

@Suite("Audit log")
struct AuditLogTests {
    static let instance = InstanceIdentity(host: "api.clerk.com", keyKind: .production)
    static let who = OperatorIdentity(user: "ana", host: "support-1", sshClientAddress: "203.0.113.9")

    func record(_ user: String, _ outcome: AuditOutcome = .done) -> AuditRecord {
        AuditRecord(
            time: Date(timeIntervalSince1970: 1_764_590_400.25), operatorIdentity: Self.who, instance: Self.instance, commandID: UUID(),
            action: "ban", userID: user, parameters: .emptyObject, outcome: outcome, httpStatus: 200, traceID: "trace-1")
    }

    @Test("records are JSON Lines in a 0600 file, with the fields the audit needs")
    func format() throws {
        let scratch = TemporaryDirectory()
        let log = try AuditLog(path: scratch.sub("audit.jsonl"))
        try log.append(record("user_1"))
        #expect(scratch.mode(scratch.sub("audit.jsonl")) == 0o600)
        let line = try String(contentsOfFile: scratch.sub("audit.jsonl"), encoding: .utf8)
        #expect(line.hasSuffix("\n") && line.filter { $0 == "\n" }.count == 1)
        let json = try JSONValue.parse(line)
        #expect(json["time"] == "2025-12-01T12:00:00.250Z")
        #expect(json["operator", "user"] == "ana")
        #expect(json["operator", "ssh_client"] == "203.0.113.9")
        #expect(json["instance", "host"] == "api.clerk.com")
        #expect(json["instance", "key_kind"] == "production")
        #expect(json["user_id"] == "user_1")
        #expect(json["http_status"] == 200)
        #expect(json["trace_id"] == "trace-1")
    }

    @Test("read newest first, limited, across block boundaries")
    func newestFirst() throws {
        let scratch = TemporaryDirectory()
        let log = try AuditLog(path: scratch.sub("audit.jsonl"))
        for index in 1...400 { try log.append(record("user_\(index)")) }
        let newest = try log.newestFirst(limit: 3)
        #expect(newest.records.map(\.userID) == ["user_400", "user_399", "user_398"])
        let all = try log.newestFirst(limit: 1000)
        #expect(all.records.count == 400 && all.unreadable == 0)
        #expect(all.records.last?.userID == "user_1")
    }

    @Test("the reverse reader returns every line once, whatever the block size")
    func reverseReader() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.sub("lines")
        let lines = (1...50).map { String(repeating: "x", count: $0 % 7) + "\($0)" }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        for blockSize in [1, 2, 5, 64, 4096] {
            let file = try #require(try SecureFile.openForReading(path))
            var reader = try ReverseLineReader(file: file, blockSize: blockSize)
            var seen: [String] = []
            while let line = try reader.previousLine() {
                if !line.isEmpty { seen.append(String(decoding: line, as: UTF8.self)) }
            }
            #expect(seen == lines.reversed(), "block size \(blockSize)")
        }
    }

    @Test("the operator comes from USER, the host name and SSH_CLIENT")
    func operatorFromEnvironment() {
        let who = OperatorIdentity.current(environment: ["USER": "bo", "SSH_CLIENT": "198.51.100.4 52144 22"])
        #expect(who.user == "bo")
        #expect(who.sshClientAddress == "198.51.100.4")
        #expect(!who.host.isEmpty)
        #expect(OperatorIdentity.current(environment: ["LOGNAME": "cy"]).sshClientAddress == nil)
        #expect(OperatorIdentity.current(environment: ["LOGNAME": "cy"]).user == "cy")
    }

    @Test("the instance is recorded by host and key kind, never by key")
    func instanceWithoutKey() throws {
        let key = SecretKey("sk_live_supersecretVALUE1234567890")
        let identity = InstanceIdentity(configuration: ClerkConfiguration(baseURL: "https://api.clerk.com/v1", secretKey: key))
        #expect(identity == InstanceIdentity(host: "api.clerk.com", keyKind: .production))
        let data = try JournalCoding.encoder.encode(identity)
        #expect(!key.occurs(in: String(decoding: data, as: UTF8.self)))
    }
}
