import ClerkAPI
import ClerkActions
import Terminal
import Testing
@testable import Triage

/// What a support agent trying the console found, kept from coming back.
@Suite("Acting: found by trying it")
struct TrialFindingsTests {
    static func finishedBan(of ids: [String], _ model: inout TriageModel) throws -> Command {
        let command = try Command(.ban, userIDs: ids, instance: model.identity)
        model.queue.add(command, now: model.now)
        _ = TriageUpdate.update(&model, .command(.finished(command, CommandResult())))
        return command
    }

    static func enqueued(_ effects: [Effect]) -> Command? {
        for effect in effects { if case .enqueue(let command) = effect { return command } }
        return nil
    }

    @Test("a finished command is undone once: a second undo, on the same row, is refused")
    func undoOnce() throws {
        var model = Fake.loaded(total: 3)
        _ = try Self.finishedBan(of: ["user_0"], &model)
        _ = model.press(.character("Q"))
        let undo = try #require(Self.enqueued(model.press(.character("z"))))
        #expect(undo.action == .unban)
        _ = model.press(.down)
        #expect(Self.enqueued(model.press(.character("z"))) == nil, "the same ban cannot be undone twice")
        #expect(model.status?.text.contains("already undone") == true)
    }

    @Test("undoing a bulk command takes a second press, and names what it will do")
    func bulkUndoAsks() throws {
        var model = Fake.loaded(total: 3)
        _ = try Self.finishedBan(of: ["user_1"], &model)
        _ = try Self.finishedBan(of: ["user_0", "user_1", "user_2"], &model)
        _ = model.press(.character("Q"))
        #expect(Self.enqueued(model.press(.character("z"))) == nil)
        #expect(model.status?.text.contains("again to unban 3 users") == true, "\(model.status?.text ?? "")")
        _ = model.press(.down, .up)
        #expect(Self.enqueued(model.press(.character("z"))) == nil, "moving away forgets the first press")
        let undo = Self.enqueued(model.press(.character("z")))
        #expect(undo?.userIDs.count == 3)
    }

    @Test("a new search unmarks, so a bulk action never reaches users no longer shown")
    func marksFollowTheSearch() {
        var model = Fake.loaded(total: 10)
        _ = model.press(.character(" "), .character(" "))
        #expect(model.browse.marked.count == 2)
        _ = model.press(.character("s"))
        #expect(model.browse.marked.count == 2, "sorting keeps the marks: the same users")
        _ = model.press(.character("/"))
        _ = model.type("brown")
        #expect(model.browse.marked.isEmpty)
        #expect(model.status?.text == "unmarked 2 users: the search changed")
    }

    @Test("Space on the last row of a page marks it and goes on to the next page")
    func markingRunsAcrossPages() {
        var model = Fake.loaded(total: 100)
        for _ in 0..<34 { _ = model.press(.down) }
        let effects = model.press(.character(" "))
        #expect(model.browse.marked == ["user_34"])
        #expect(model.browse.offset == 35 && model.browse.selection == 0)
        #expect(effects.contains { if case .loadPage = $0 { true } else { false } })
    }

    @Test("the wait message goes once the right rows arrive")
    func waitMessageClears() {
        var model = Fake.loaded(total: 100)
        _ = model.press(.pageDown, .enter)
        #expect(model.status?.text == Browse.waitMessage)
        _ = TriageUpdate.update(&model, .pageLoaded(generation: 1, key: .init(offset: 35, limit: 35), prefetch: false, .success(Fake.users(35..<70))))
        #expect(model.status == nil)
    }

    @Test("unfinished commands put off with Esc come back with :resume, with how far they got")
    func resumeLater() throws {
        var model = Fake.model()
        let command = try Command(.unban, userIDs: ["user_1", "user_2", "user_3"], instance: model.identity)
        let unfinished = [UnfinishedCommand(command: command, completedUserIDs: ["user_1"], inFlightUserIDs: ["user_2"])]
        _ = TriageUpdate.start(&model, unfinished: unfinished)
        #expect(model.screenText.contains("1 done, 1 unknown, 1 not sent"))
        _ = model.press(.escape)
        guard case .none = model.overlay else { Issue.record("still asking"); return }
        _ = model.press(.character(":"))
        _ = model.type("resume")
        _ = model.press(.enter)
        guard case .resume(let again) = model.overlay else { Issue.record(":resume did not offer them"); return }
        #expect(again == unfinished)
    }
}
