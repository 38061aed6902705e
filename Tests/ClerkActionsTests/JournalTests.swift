@testable import ClerkActions
import Foundation
import Testing

@Suite("Command journal")
struct JournalTests {
    static let instance = InstanceIdentity(host: "api.test", keyKind: .development)

    func command(_ action: CommandAction = .lock, _ users: [String] = ["user_1"]) throws -> Command {
        try Command(action, userIDs: users, instance: Self.instance)
    }

    /// Writes through a journal that is closed (and its lock released) on return, as at a restart.
    func session(_ path: String, _ body: (Journal) throws -> Void) throws {
        try body(try Journal(path: path))
    }

    @Test("commands without an outcome come back unfinished, oldest first; finished ones do not")
    func unfinished() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.sub("commands.jsonl")
        let first = try command(), second = try command(.ban, ["user_2", "user_3"]), third = try command(.unlock)
        try session(path) { journal in
            for c in [first, second, third] { try journal.intent(c, at: Date()) }
            try journal.outcome(first.id, .done, message: nil, at: Date())
            try journal.sending(second.id, users: ["user_2", "user_3"], at: Date())
            try journal.progress(second.id, users: ["user_2"], at: Date())
        }

        let reopened = try Journal(path: path).contents
        #expect(reopened.issues.isEmpty)
        #expect(reopened.unfinished.map(\.command.id) == [second.id, third.id])
        #expect(reopened.unfinished[0].completedUserIDs == ["user_2"])
        #expect(reopened.unfinished[0].inFlightUserIDs == ["user_3"])
        #expect(reopened.unfinished[0].remainingUserIDs == ["user_3"])
        #expect(reopened.unfinished[1].outcomeUnknown == false)
        #expect(TemporaryDirectory().mode(path) == 0o600)
    }

    @Test("a requeued command is not in flight; an unknown one is, with its reason")
    func requeuedAndUnknown() throws {
        let scratch = TemporaryDirectory()
        let limited = try command(), unknown = try command(.unlock, ["user_2"])
        try session(scratch.sub("j.jsonl")) { journal in
            try journal.intent(limited, at: Date())
            try journal.sending(limited.id, users: ["user_1"], at: Date())
            try journal.requeued(limited.id, at: Date())
            try journal.intent(unknown, at: Date())
            try journal.sending(unknown.id, users: ["user_2"], at: Date())
            try journal.unknown(unknown.id, users: ["user_2"], reason: "no answer", at: Date())
        }
        let contents = try Journal(path: scratch.sub("j.jsonl")).contents
        #expect(contents.unfinished.map(\.outcomeUnknown) == [false, true])
        #expect(contents.unfinished[1].message == "no answer")
    }

    @Test("a last line torn by kill -9 is cut off and reported; appends then continue cleanly")
    func tornLastLine() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.sub("j.jsonl")
        let kept = try command()
        try session(path) { try $0.intent(kept, at: Date()) }
        let intact = try Data(contentsOf: URL(fileURLWithPath: path))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        handle.write(Data(#"{"kind":"intent","id":"4A1B"#.utf8))
        try handle.close()

        #expect(try Journal.read(path: path).issues == [.recoveredTornLine(path: path, line: 2)])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) != intact, "reading alone changes nothing")
        let next = try command(.unlock)
        try session(path) { recovered in
            #expect(recovered.contents.issues == [.recoveredTornLine(path: path, line: 2)])
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == intact)
            #expect(recovered.contents.unfinished.map(\.command.id) == [kept.id])
            try recovered.intent(next, at: Date())
        }
        let again = try Journal(path: path).contents
        #expect(again.issues.isEmpty)
        #expect(again.unfinished.map(\.command.id) == [kept.id, next.id])
    }

    @Test("a complete last line missing only its newline is kept")
    func lastLineWithoutNewline() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.sub("j.jsonl")
        let kept = try command()
        try Journal(path: path).intent(kept, at: Date())
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.dropLast().write(to: URL(fileURLWithPath: path))
        let reopened = try Journal(path: path).contents
        #expect(reopened.issues.isEmpty)
        #expect(reopened.unfinished.map(\.command.id) == [kept.id])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data)
    }

    @Test("an unreadable line in the middle is reported with its number and the file is left as it was")
    func corruptLine() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.sub("j.jsonl")
        let first = try command(), second = try command(.unlock)
        try session(path) { try $0.intent(first, at: Date()) }
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "this is not json\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try session(path) { try $0.intent(second, at: Date()) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let contents = try Journal(path: path).contents
        #expect(contents.issues == [.unreadableLine(path: path, line: 2, reason: "not JSON")])
        #expect(contents.unfinished.map(\.command.id) == [first.id, second.id])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(contents.issues[0].description.contains("line 2"))
    }

    @Test("records about a command whose intent is missing are reported, not invented into commands")
    func orphan() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.sub("j.jsonl")
        let id = UUID()
        try Journal(path: path).sending(id, users: ["user_1"], at: Date())
        let contents = try Journal(path: path).contents
        #expect(contents.unfinished.isEmpty)
        #expect(contents.issues == [.orphanRecord(path: path, line: 1, id: id)])
    }

    @Test("a large journal with nothing left to do is emptied when opened; one with unfinished work is kept")
    func compaction() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.sub("j.jsonl")
        let done = try command(), pending = try command(.unlock)
        try session(path) { journal in
            try journal.intent(done, at: Date())
            try journal.outcome(done.id, .done, message: nil, at: Date())
        }
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        _ = try Journal(path: path, compactingAbove: size + 1)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == size)
        try session(path) { try $0.intent(pending, at: Date()) }
        _ = try Journal(path: path, compactingAbove: 10)
        #expect(try Journal.read(path: path).unfinished.map(\.command.id) == [pending.id])
        try session(path) { try $0.outcome(pending.id, .done, message: nil, at: Date()) }
        _ = try Journal(path: path, compactingAbove: 10)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
    }

    @Test("one console at a time holds an instance's journal; the lock goes with the process")
    func exclusive() throws {
        let scratch = TemporaryDirectory()
        let path = scratch.sub("j.jsonl")
        try session(path) { (_: Journal) throws in
            #expect(throws: JournalError.inUse(path: path)) { try Journal(path: path) }
            #expect(try Journal.read(path: path).unfinished.isEmpty)
        }
        _ = try Journal(path: path)
    }

    @Test("a journal reached through a symbolic link is refused")
    func symlink() throws {
        let scratch = TemporaryDirectory()
        _ = FileManager.default.createFile(atPath: scratch.sub("real"), contents: Data())
        try FileManager.default.createSymbolicLink(atPath: scratch.sub("j.jsonl"), withDestinationPath: scratch.sub("real"))
        #expect(throws: JournalError.file(.symbolicLink(path: scratch.sub("j.jsonl")))) { try Journal(path: scratch.sub("j.jsonl")) }
    }

    @Test("the append benchmark measures every append and cleans up after itself")
    func benchmark() throws {
        let scratch = TemporaryDirectory()
        let state = try StateDirectory(preparing: scratch.sub("state"))
        let result = try JournalBenchmark.measureAppends(count: 300, in: state)
        print("journal append over 300: p50 \(result.p50), p95 \(result.p95), slowest \(result.slowest)")
        #expect(result.durations.count == 300)
        #expect(result.p50 <= result.p95 && result.p95 <= result.slowest)
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.path).isEmpty)
    }
}
