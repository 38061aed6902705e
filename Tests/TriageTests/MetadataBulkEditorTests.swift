import ClerkAPI
import ClerkActions
import Terminal
import Testing
@testable import Triage

/// One merge patch for all marked users, and asking again when the queue finds a field changed.
@Suite("Metadata editor: marked users and changes found by the queue")
struct MetadataBulkEditorTests {
    static let patch = #"{"flags":{"beta":true}}"#
    static let values: [JSONValue] = [
        .object(["tier": .string("silver")]),
        .object(["flags": .object(["beta": .bool(true)])]),
        .object(["flags": .object(["alpha": .bool(true)]), "seats": .int(3)]),
    ]

    /// Four users on the page; the first three marked, with different metadata; the editor open.
    static func opened(width: Int = 120, height: Int = 40) -> TriageModel {
        var model = Fake.loaded(total: 4, width: width, height: height)
        for (index, value) in Self.values.enumerated() {
            var user = Fake.user(index)
            user.publicMetadata = value
            model.users.put(user)
        }
        _ = model.press(.character(" "), .character(" "), .character(" "), .home)
        _ = model.press(.character("e"))
        return model
    }

    static func editor(_ model: TriageModel) -> MetadataEditor? {
        if case .metadata(let editor) = model.screen { editor } else { nil }
    }

    @Test("with users marked, the editor says whose patch it is and steps through each user's preview")
    func stepsThroughPreviews() throws {
        var model = Self.opened()
        let editor = try #require(Self.editor(model))
        #expect(editor.targets?.userIDs == ["user_0", "user_1", "user_2"])
        #expect(model.screenText.contains("patch for 3 marked users · preview 1 of 3"))
        MetadataEditorTests.replaceText(Self.patch, &model)
        #expect(model.screenText.contains("+ flags: {\"beta\":true}"))
        _ = model.press(.control("n"))
        #expect(Self.editor(model)?.userID == "user_1")
        #expect(model.screenText.contains("preview 2 of 3") && model.screenText.contains("Nothing would change."))
        _ = model.press(.control("n"))
        #expect(model.screenText.contains("+ flags.beta: true") && model.screenText.contains("preview 3 of 3"))
        _ = model.press(.control("p"), .control("p"), .control("p"))
        #expect(Self.editor(model)?.userID == "user_2", "stepping wraps around")
    }

    @Test("replace with several users is refused with the reason")
    func replaceRefused() {
        var model = Self.opened()
        _ = model.press(.control("o"))
        #expect(Self.editor(model)?.mode == .merge)
        #expect(model.status?.text == MetadataTargets.replaceRefusal && model.status?.isError == true)
    }

    @Test("Ctrl-S lists every user with its change count; confirming queues one command per changed user, each with its own baseline")
    func confirmAndSend() throws {
        var model = Self.opened()
        MetadataEditorTests.replaceText(Self.patch, &model)
        #expect(model.press(.control("s")).isEmpty)
        let screen = model.screenText
        #expect(screen.contains("Merge into public metadata of 2 of 3 users"))
        #expect(screen.contains("1 change") && screen.contains("no change — skipped"))
        #expect(screen.contains("+ flags: {\"beta\":true}"), "the highlighted user's changes")
        _ = model.press(.control("n"))
        #expect(model.screenText.contains("their field already holds what the patch sets"))
        _ = model.press(.control("n"))
        #expect(model.screenText.contains("+ flags.beta: true"))
        #expect(model.press(.enter).isEmpty, "Enter on Cancel sends nothing")
        guard case .editing = Self.editor(model)?.sending else { Issue.record("not back to editing"); return }
        _ = model.press(.control("s"), .tab)
        let effects = model.press(.enter)
        let commands = effects.compactMap { if case .enqueue(let command) = $0 { command } else { nil } }
        #expect(commands.map(\.userIDs) == [["user_0"], ["user_2"]])
        #expect(commands.allSatisfy { $0.action == .mergeMetadata(MetadataUpdate(publicMetadata: ["flags": ["beta": true]])) })
        let baselines: [JSONValue?] = commands.map { $0.metadataBaseline?.publicMetadata }
        let expected: [JSONValue?] = [Self.values[0], Self.values[2]]
        #expect(baselines == expected)
        guard case .browse = model.screen else { Issue.record("not back in the table"); return }
        #expect(model.browse.marked.isEmpty)
        #expect(model.status?.text == "queued: merge into public metadata of 2 users (1 with no change skipped)")
    }

    @Test("marked users not loaded are read first; Ctrl-S waits for them")
    func loadsMissingUsers() {
        var model = Fake.loaded(total: 4)
        _ = model.press(.character(" "), .character(" "), .home)
        model.browse.marked.insert("user_99")
        let effects = model.press(.character("e"))
        #expect(effects == [.refreshUser("user_99")])
        MetadataEditorTests.replaceText(Self.patch, &model)
        _ = model.press(.control("s"))
        #expect(model.status?.text == "still loading 1 of the 3 marked users; send again in a moment")
        model.users.put(Fake.user(99))
        _ = model.press(.control("s"))
        #expect(model.screenText.contains("Merge into public metadata of 3 of 3 users"))
    }

    @Test("a single user's command carries the value its preview was computed against")
    func singleUserBaseline() throws {
        var model = MetadataEditorTests.opened()
        MetadataEditorTests.replaceText(Self.patch, &model)
        _ = model.press(.control("s"), .tab, .enter)
        let fresh = try #require(model.users["user_0"])
        let effects = TriageUpdate.update(&model, .metadataChecked(id: "user_0", .success(fresh)))
        guard case .enqueue(let command)? = effects.first else { Issue.record("nothing queued"); return }
        #expect(command.metadataBaseline == MetadataBaseline(publicMetadata: fresh.publicMetadata))
    }

    @Test("changed before the queue sent it: Q shows it, Enter previews the patch again against the fresh value")
    func conflictReopensTheEditor() throws {
        var model = MetadataEditorTests.opened()
        let before = try #require(model.users["user_0"]).publicMetadata
        let command = try Command(.mergeMetadata(MetadataUpdate(publicMetadata: ["flags": ["beta": true]])), userID: "user_0",
                                  instance: model.identity, metadataBaseline: MetadataBaseline(publicMetadata: before))
        _ = TriageUpdate.update(&model, .command(.queued(command)))
        _ = model.press(.escape, .escape)
        var theirs = try #require(model.users["user_0"])
        theirs.publicMetadata = ["tier": "bronze", "legacy": true, "flags": ["alpha": true]]
        let conflict = MetadataConflict(user: theirs, fields: [.publicMetadata], baseline: MetadataBaseline(publicMetadata: before))
        _ = TriageUpdate.update(&model, .command(.conflict(command, conflict)))
        #expect(model.status?.text.contains("someone else changed public metadata of user_0 since you previewed it") == true)
        _ = model.press(.character("Q"))
        #expect(model.screenText.contains("CHANGED"))
        #expect(model.press(.enter).isEmpty, "nothing is sent before the operator confirms")
        let editor = try #require(Self.editor(model))
        #expect(editor.userID == "user_0" && editor.mode == .merge && editor.field == .public)
        #expect(editor.baselines[.public] == theirs.publicMetadata)
        guard case .confirming(sendFocused: false) = editor.sending else { Issue.record("not asking again"); return }
        let screen = model.screenText
        #expect(screen.contains("Someone else changed it meanwhile"))
        #expect(screen.contains(#"~ tier: "silver" → "bronze""#))
        #expect(screen.contains("+ flags.beta: true"))
        _ = model.press(.tab)
        #expect(model.press(.enter) == [.checkMetadata("user_0")])
    }

    @Test("the editor for marked users and its confirmation as full frames, side by side at 120×40 and stacked at 80×24")
    func frames() throws {
        for size in SnapshotTests.sizes {
            var model = Self.opened(width: size.width, height: size.height)
            MetadataEditorTests.replaceText(Self.patch, &model)
            _ = model.press(.control("n"), .control("n"))
            try SnapshotTests.frame("metadata-bulk-editor", model)
            _ = model.press(.control("s"))
            try SnapshotTests.frame("metadata-bulk-confirm", model)
        }
    }

    @Test("the confirmation scrolls through many users and keeps the highlighted one in view")
    func confirmationScrolls() throws {
        var model = Fake.loaded(total: 16, width: 80, height: 24)
        for _ in 0..<14 { _ = model.press(.character(" ")) }
        _ = model.press(.home, .character("e"))
        MetadataEditorTests.replaceText(Self.patch, &model)
        _ = model.press(.control("s"))
        #expect(model.screenText.contains("Merge into public metadata of 14 of 14 users"))
        #expect(model.screenText.contains("below (PgUp/PgDn"))
        #expect(!model.screenText.contains("u13@example.com"))
        _ = model.press(.pageDown, .control("n"), .control("n"), .control("n"))
        #expect(Self.editor(model)?.targets?.selection == 13)
        #expect(model.screenText.contains("u13@example.com") && model.screenText.contains("above"))
        try SnapshotTests.frame("metadata-bulk-scrolled", model)
    }
}
